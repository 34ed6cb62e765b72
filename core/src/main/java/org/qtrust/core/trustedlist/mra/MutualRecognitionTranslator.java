package org.qtrust.core.trustedlist.mra;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * Reads a third country's list through the mutual recognition agreement its LOTL pointer carries
 * (TS 119 612 v2.4.1 §5.3.13, mutual recognition; EC MRA schema v2): every status period of every
 * service is split at the equivalences' starting times, and each part is given
 * <ul>
 * <li>the EU service type and AdditionalServiceInformation the agreement names for the listed type
 *     (TrustServiceTSLTypeEquivalenceList), when an enacted equivalence in force covers it;</li>
 * <li>the EU status its status maps to (TrustServiceTSLStatusValid/InvalidEquivalence);</li>
 * <li>the EU Sie:Q qualifiers its qualifiers map to (QualifierEquivalenceList);</li>
 * <li>a {@link Recognition} naming the equivalence, whose certificate content equivalences the
 *     certificate decision applies.</li>
 * </ul>
 * Anything the agreement does not cover is not recognised: before the equivalence's start, a
 * service type no equivalence names, a status in neither list, a repealed equivalence — the part
 * gets the status {@link #NOT_RECOGNISED}, which never counts as granted, whatever the list says.
 * A qualifier without an equivalent is kept as an unknown critical extension: the part confirms no
 * qualification.
 */
public final class MutualRecognitionTranslator {

    /** The status of a third-country service period that the agreement does not recognise. */
    public static final String NOT_RECOGNISED = "urn:qtrust:mra:not-recognised";

    private MutualRecognitionTranslator() {
    }

    /** The list as the EU recognises it, and the trace of the translation. */
    public record Translated(TrustedList list, List<String> trace) {
        public Translated {
            trace = List.copyOf(trace);
        }
    }

    public static Translated translate(TrustedList list, String territory, MutualRecognitionAgreement agreement) {
        List<String> trace = new ArrayList<>();
        trace.add("mutual recognition agreement (technicalType " + agreement.technicalType() + ", version "
                + agreement.version() + ", MRADepth " + agreement.depth() + "): " + agreement.equivalences().size()
                + " equivalence(s) " + agreement.equivalences().stream().map(TrustServiceEquivalence::legalIdentifier).toList()
                + "; the list's services are read through it (TS 119 612 v2.4.1 §5.3.13)");
        for (TrustServiceEquivalence equivalence : agreement.equivalences()) {
            for (EquivalenceMapping mapping : equivalence.versions()) {
                trace.add("equivalence " + equivalence.legalIdentifier() + " " + shortName(mapping.status()) + " from "
                        + mapping.start() + ": " + mapping.pointedTypes().stream().map(MutualRecognitionTranslator::describe).toList()
                        + " = " + describe(mapping.pointingTypes().get(0)) + "; valid " + mapping.validPointed() + " = "
                        + mapping.validPointing().get(0) + ", invalid " + mapping.invalidPointed() + " = "
                        + mapping.invalidPointing().get(0) + "; " + mapping.qualifiers().size() + " qualifier(s), "
                        + mapping.contents().size() + " certificate content equivalence(s)");
            }
        }
        List<TrustServiceProvider> providers = new ArrayList<>();
        for (TrustServiceProvider provider : list.providers()) {
            List<TrustedService> services = new ArrayList<>();
            for (TrustedService service : provider.services()) {
                services.add(translate(service, territory, agreement, trace));
            }
            providers.add(new TrustServiceProvider(provider.name(), provider.tradeName(), services));
        }
        return new Translated(new TrustedList(list.scheme(), providers), trace);
    }

    private static TrustedService translate(TrustedService service, String territory, MutualRecognitionAgreement agreement,
                                            List<String> trace) {
        List<StatusPeriod> periods = new ArrayList<>();
        for (StatusPeriod period : service.history().periods()) {
            periods.addAll(split(period, territory, agreement));
        }
        StatusHistory history = StatusHistory.ofPeriods(periods);
        StringBuilder line = new StringBuilder(territory + " / " + service.name().preferred() + ":");
        for (StatusPeriod period : periods) {
            line.append(" from ").append(period.start()).append(' ');
            if (period.recognition().isPresent()) {
                Recognition recognition = period.recognition().get();
                line.append(shortName(recognition.listedType())).append(' ').append(shortName(recognition.listedStatus()))
                        .append(" = ").append(shortName(period.serviceType()))
                        .append(period.extensions().additionalServiceInformation().stream().map(MutualRecognitionTranslator::shortName).toList())
                        .append(' ').append(period.status().shortName()).append(" (").append(recognition.legalIdentifier()).append(")");
            } else {
                line.append(shortName(period.serviceType())).append(" not recognised");
            }
            line.append(';');
        }
        trace.add(line.substring(0, line.length() - 1));
        return new TrustedService(service.identity(), history, service.historicIdentities());
    }

    private static List<StatusPeriod> split(StatusPeriod period, String territory, MutualRecognitionAgreement agreement) {
        TreeSet<Instant> cuts = new TreeSet<>();
        for (TrustServiceEquivalence equivalence : agreement.equivalences()) {
            for (EquivalenceMapping mapping : equivalence.versions()) {
                if (period.contains(mapping.start()) && mapping.start().isAfter(period.start())) {
                    cuts.add(mapping.start());
                }
            }
        }
        List<StatusPeriod> parts = new ArrayList<>();
        Instant from = period.start();
        for (Instant cut : cuts) {
            parts.add(part(period, from, Optional.of(cut), territory, agreement));
            from = cut;
        }
        parts.add(part(period, from, period.end(), territory, agreement));
        return parts;
    }

    private static StatusPeriod part(StatusPeriod period, Instant from, Optional<Instant> to, String territory,
                                     MutualRecognitionAgreement agreement) {
        List<String> listedAsi = period.extensions().additionalServiceInformation();
        for (TrustServiceEquivalence equivalence : agreement.equivalences()) {
            Optional<EquivalenceMapping> inForce = inForce(equivalence, from);
            if (inForce.isEmpty() || !inForce.get().enacted()) {
                continue;
            }
            EquivalenceMapping mapping = inForce.get();
            if (mapping.covering(period.serviceType(), listedAsi).isEmpty()) {
                continue;
            }
            ServiceTypeEquivalent eu = mapping.pointingTypes().get(0);
            String status = period.status().uri();
            String euStatus = mapping.validPointed().contains(status) ? mapping.validPointing().get(0)
                    : mapping.invalidPointed().contains(status) ? mapping.invalidPointing().get(0) : NOT_RECOGNISED;
            ServiceInformationExtensions extensions = translate(period.extensions(), eu, mapping);
            return new StatusPeriod(ServiceStatus.of(euStatus), from, to, eu.type(), period.serviceName(), extensions,
                    Optional.of(new Recognition(territory, equivalence.legalIdentifier(), period.serviceType(), status, mapping)));
        }
        return new StatusPeriod(ServiceStatus.of(NOT_RECOGNISED), from, to, period.serviceType(), period.serviceName(),
                period.extensions(), Optional.empty());
    }

    private static Optional<EquivalenceMapping> inForce(TrustServiceEquivalence equivalence, Instant at) {
        EquivalenceMapping found = null;
        for (EquivalenceMapping mapping : equivalence.versions()) {
            if (!mapping.start().isAfter(at)) {
                found = mapping;
            }
        }
        return Optional.ofNullable(found);
    }

    private static ServiceInformationExtensions translate(ServiceInformationExtensions listed, ServiceTypeEquivalent eu,
                                                          EquivalenceMapping mapping) {
        List<Qualification> qualifications = new ArrayList<>();
        List<String> unknownCritical = new ArrayList<>(listed.unknownCriticalExtensions());
        for (Qualification qualification : listed.qualifications()) {
            List<String> uris = new ArrayList<>();
            for (String uri : qualification.qualifierUris()) {
                String equivalent = mapping.qualifiers().get(uri);
                if (equivalent == null) {
                    unknownCritical.add("Sie:Q qualifier " + uri + " (no equivalent in the mutual recognition agreement)");
                } else {
                    uris.add(equivalent);
                }
            }
            if (!uris.isEmpty()) {
                qualifications.add(new Qualification(uris, qualification.criteria()));
            }
        }
        return new ServiceInformationExtensions(qualifications, eu.additionalServiceInformation(),
                listed.expiredCertsRevocationInfo(), unknownCritical);
    }

    private static String describe(ServiceTypeEquivalent type) {
        return shortName(type.type()) + (type.additionalServiceInformation().isEmpty() ? ""
                : type.additionalServiceInformation().stream().map(MutualRecognitionTranslator::shortName).toList().toString());
    }

    static String shortName(String uri) {
        String marker = "/Svctype/";
        int svc = uri.indexOf(marker);
        if (uri.startsWith("http://uri.etsi.org/") && svc >= 0) {
            return uri.substring(svc + marker.length());
        }
        if (uri.startsWith("http://uri.etsi.org/")) {
            return uri.substring(uri.lastIndexOf('/') + 1);
        }
        return uri;
    }
}
