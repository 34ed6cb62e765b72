package org.qtrust.cli.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.qualification.CertificateQualification;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import picocli.CommandLine;

/**
 * Decisions on the real EU lists of 2025-08-08 ({@code lotl-2025-08/}: LOTL 370 reached from the
 * 2019 Official Journal keystore through four pivots, 30 national lists), read in place.
 */
class RealLists2025Test {

    private static final String AT = "2025-08-08T16:00:00Z";

    private static DecisionSetup setup;

    @BeforeAll
    static void load() {
        Path data = RealCertificatesTest.shared().resolve("trust-data");
        ListOptions options = new org.qtrust.cli.options.OfflineListOptions();
        new CommandLine(options).parseArgs("--offline", data.resolve("lotl-2025-08").toString(),
                "--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password", "--at", AT);
        setup = DecisionSetup.open(options, DecisionSetup.EU_EIDAS, List.of(), Clock.systemUTC());
    }

    /** The identity certificate of a listed service, found in the loaded list by the start of its SHA-256. */
    private static byte[] listed(String territory, String sha256Prefix) {
        TrustedList list = setup.report().orElseThrow().acceptedLists().stream()
                .filter(l -> l.territory().equals(territory)).findFirst().orElseThrow();
        for (TrustServiceProvider provider : list.providers()) {
            for (TrustedService service : provider.services()) {
                Optional<ServiceCertificate> found = service.identity().certificates().stream()
                        .filter(c -> c.sha256Hex().startsWith(sha256Prefix)).findFirst();
                if (found.isPresent()) {
                    return found.get().der();
                }
            }
        }
        throw new AssertionError("no listed certificate " + sha256Prefix + " on the " + territory + " list");
    }

    private static CertificateVerdict verify(byte[] der) {
        return setup.service().verify(CertificateCheck.of(der, Instant.parse(AT)));
    }

    private static void assertQualifiedThroughIssuer(CertificateVerdict verdict, String territory, String ownService, String ownType,
                                                     String issuingService, CertificateQualification qualification) {
        assertThat(verdict.listedAs().map(CertificateVerdict.ListedAs::named)).contains(CertificateVerdict.ListedAs.named(territory, ownService, ownType));
        assertThat(verdict.service().orElseThrow().name()).isEqualTo(issuingService);
        assertThat(verdict.service().orElseThrow().type()).isEqualTo("CA/QC");
        assertThat(verdict.qualification().atIssuance()).as(String.join("\n", verdict.trace())).isEqualTo(qualification);
        assertThat(verdict.qualification().atValidationTime()).isEqualTo(qualification);
        assertThat(verdict.trace()).anyMatch(line -> line.contains("a listed certificate is still issued by someone"));
    }

    /** Issue 14.12: listed service certificates are qualified through the CA/QC service that issued them, as EC DSS 6.4 does. */
    @Test
    void a_listed_time_stamping_unit_of_borica_is_qualified_through_its_issuing_ca() {
        CertificateVerdict verdict = verify(listed("BG", "4ad9ba68275c"));
        assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
        assertQualifiedThroughIssuer(verdict, "BG", "B-Trust Qualified Time Stamp Authority", "TSA/QTST",
                "B-Trust Operational Qualified CA", CertificateQualification.QCERT_FOR_ESIG_QSCD);
    }

    @Test
    void a_listed_validation_service_certificate_is_qualified_through_its_issuing_ca() {
        CertificateVerdict verdict = verify(listed("SI", "1849f28e9cea"));
        assertThat(verdict.certificate().orElseThrow().subject()).contains("CN=EIUS VALIDATOR 3");
        assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
        assertQualifiedThroughIssuer(verdict, "SI", "EIUS VALIDATOR", "QESValidation/Q", "Halcom CA PO e-seal 1",
                CertificateQualification.QCERT_FOR_ESEAL_QSCD);
    }

    @Test
    void a_listed_e_delivery_seal_is_qualified_through_its_issuing_ca_even_once_expired() {
        CertificateVerdict verdict = verify(listed("HR", "53c12c1520c5"));
        assertThat(verdict.certificate().orElseThrow().subject()).contains("CN=HP-HRVATSKA POŠTA");
        assertThat(verdict.code()).isEqualTo(VerdictCode.CERTIFICATE_EXPIRED);
        assertQualifiedThroughIssuer(verdict, "HR", "HP d.d.", "EDS/Q", "HR commercial identity",
                CertificateQualification.QCERT_FOR_ESEAL_QSCD);
    }

    @Test
    void a_listed_time_stamping_unit_sealed_without_qscd_is_qualified_for_eseals() {
        CertificateVerdict verdict = verify(listed("HR", "a73d6ec1ed28"));
        assertThat(verdict.certificate().orElseThrow().subject()).contains("CN=AKD QTSA 2025 1");
        assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
        assertQualifiedThroughIssuer(verdict, "HR", "AKD QTSA 2025 1", "TSA/QTST", "CERTILIA", CertificateQualification.QCERT_FOR_ESEAL);
    }
}
