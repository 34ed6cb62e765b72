package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.qualification.ServiceQualifiers;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.TrustedService;

/** Hand-built services with a status history, for domain tests. */
public final class TestServices {

    public static final String ESIG = ServiceQualifiers.ASI_FOR_ESIGNATURES;
    public static final String ESEAL = ServiceQualifiers.ASI_FOR_ESEALS;
    public static final String WEB = ServiceQualifiers.ASI_FOR_WEB;

    private TestServices() {
    }

    /** One status entry of a service's life. */
    public static StatusHistory.Entry period(ServiceStatus.Kind status, String start, List<String> asi, List<Qualification> qualifications) {
        return period(ServiceTypes.CA_QC, status, start, asi, qualifications);
    }

    public static StatusHistory.Entry period(String type, ServiceStatus.Kind status, String start, List<String> asi,
                                             List<Qualification> qualifications) {
        return new StatusHistory.Entry(ServiceStatus.of(status), Instant.parse(start), type, MultilingualText.english("Test QC CA"),
                new ServiceInformationExtensions(qualifications, asi, Optional.empty(), List.of()));
    }

    /** A service whose current entry is the last given one. */
    public static TrustedService service(StatusHistory.Entry... entries) {
        List<StatusHistory.Entry> history = new ArrayList<>(List.of(entries).subList(0, entries.length - 1));
        return new TrustedService(DigitalIdentity.NONE, StatusHistory.of(entries[entries.length - 1], history), List.of());
    }

    public static ListedService listed(TrustedService service) {
        return new ListedService(ListedService.Standing.ACCEPTED_LIST, "BE", "Test TSP", Optional.of(service), Optional.empty(),
                Optional.empty(), 0);
    }

    /** A qualification applying to every certificate (an empty CriteriaList asserting "all"). */
    public static Qualification everyCertificate(ServiceQualifiers... qualifiers) {
        return new Qualification(List.of(qualifiers).stream().map(ServiceQualifiers::uri).toList(), criteria(CriteriaList.Assertion.ALL));
    }

    /** A qualification applying to certificates with this policy OID. */
    public static Qualification withPolicy(String policyOid, ServiceQualifiers... qualifiers) {
        return new Qualification(List.of(qualifiers).stream().map(ServiceQualifiers::uri).toList(),
                new CriteriaList(CriteriaList.Assertion.AT_LEAST_ONE, List.of(), List.of(List.of(policyOid)), List.of(), List.of(), List.of()));
    }

    public static CriteriaList criteria(CriteriaList.Assertion assertion) {
        return new CriteriaList(assertion, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static CriteriaList keyUsage(CriteriaList.Assertion assertion, Map<String, Boolean> bits) {
        return new CriteriaList(assertion, List.of(bits), List.of(), List.of(), List.of(), List.of());
    }
}
