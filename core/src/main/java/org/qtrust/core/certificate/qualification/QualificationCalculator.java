package org.qtrust.core.certificate.qualification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.qualification.CertificateQualification.Purpose;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.trustedlist.Qualification;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * The qualification of a certificate at one instant, from the services that hold the key that
 * issued it: ETSI TS 119 615 §4.4 (is it an EU qualified certificate, for what) and §4.5 (is its
 * key in a QSCD). The steps, each named in the trace:
 *
 * <ol>
 * <li>The state of every matching service at the instant (PRO-4.3.4-03 (b): the current
 *     information or the history instance in force). None: the lists confirm nothing
 *     (PRO-4.4.4-05), the certificate is not qualified.</li>
 * <li>Only CA/QC services confirm qualified certificates (PRO-4.4.4-02).</li>
 * <li>The status must be granted, or a pre-2016 status that counts as granted
 *     ({@link StatusMeaning}; PRO-4.4.4-10, PRO-4.4.4-33 (f)).</li>
 * <li>For a certificate issued under eIDAS, the service's AdditionalServiceInformation must
 *     cover the certificate's purpose (ForeSignatures / ForeSeals / ForWebSiteAuthentication),
 *     unless a single QCForXXX qualifier says otherwise (PRO-4.4.4-10/-18/-26, Tables 1 to 3).
 *     For a Directive-era certificate judged after 2016-06-30, ForeSignatures is required
 *     (PRO-4.4.4-33 (f)).</li>
 * <li>The Sie:Q qualifiers whose CriteriaList selects the certificate are applied
 *     (PRO-4.4.4-11, TS 119 612 §5.5.9.2): NotQualified → not qualified; QCStatement →
 *     qualified; otherwise the certificate's own claim decides. NotQualified together with
 *     QCStatement is inconsistent (PRO-4.4.4-12) and confirms nothing.</li>
 * <li>Purpose: a single QCForESig / QCForESeal / QCForWSA overrides the certificate's QcType;
 *     several, or QCForLegalPerson with QCForESig, are inconsistent (PRO-4.4.4-12) and leave it
 *     unknown. A status period before 2016-07-01 knew only eSignatures.</li>
 * <li>QSCD (§4.5, Tables 6 and 7): QCWithQSCD / QCQSCDManagedOnBehalf → QSCD;
 *     QCQSCDStatusAsInCert → as the certificate says; QCNoQSCD → no QSCD (before 2016-07-01 the
 *     SSCD qualifiers); no qualifier → as the certificate says. Contradicting qualifiers
 *     (PRO-4.5.4-04 (c)) confirm no QSCD.</li>
 * <li>Several CA/QC services holding the key that lead to different results contradict each
 *     other (PRO-4.3.4-06): {@link CertificateQualification#NA}.</li>
 * </ol>
 */
public final class QualificationCalculator {

    private QualificationCalculator() {
    }

    /**
     * @param certificate the certificate
     * @param services    the services holding the key its path ends at
     * @param time        the instant (the certificate's notBefore or the validation time)
     * @param label       "issuance" or "validation time", for the trace
     */
    public static QualificationOutcome at(CertificateFacts certificate, List<ListedService> services, Instant time, String label) {
        List<String> trace = new ArrayList<>();
        String at = "qualification at " + label + " (" + time + "): ";
        List<Candidate> states = new ArrayList<>();
        boolean anyAuthentic = false;
        for (ListedService service : services) {
            if (!service.authentic() || service.service().isEmpty()) {
                continue;
            }
            anyAuthentic = true;
            Optional<StatusPeriod> period = service.service().get().history().at(time);
            period.ifPresent(p -> states.add(new Candidate(service, p)));
        }
        if (!anyAuthentic) {
            trace.add(at + "no EU trusted list that can be relied on lists the issuing key: NA");
            return new QualificationOutcome(CertificateQualification.NA, Optional.empty(), Optional.empty(), trace);
        }
        Purpose ownPurpose = CertificateContent.purpose(certificate);
        if (states.isEmpty()) {
            trace.add(at + "no service holding the issuing key had a status at that time (not yet listed): the lists confirm "
                    + "nothing, not qualified (TS 119 615 PRO-4.4.4-05)");
            return new QualificationOutcome(CertificateQualification.of(false, ownPurpose, false), Optional.empty(),
                    Optional.empty(), trace);
        }
        List<Candidate> caqc = states.stream().filter(c -> ServiceTypes.CA_QC.equals(c.period.serviceType())).toList();
        if (caqc.isEmpty()) {
            Candidate first = states.get(0);
            trace.add(at + "the issuing service is " + ServiceTypes.shortName(first.period.serviceType())
                    + ", not CA/QC: only CA/QC services confirm qualified certificates (TS 119 615 PRO-4.4.4-02), not qualified");
            return new QualificationOutcome(CertificateQualification.of(false, ownPurpose, false), Optional.of(first.service),
                    Optional.of(first.period), trace);
        }
        // TS 119 615 §4.4 (PRO-4.4.4-10/-18/-26, as EC DSS's qualification blocks filter by type):
        // of several CA/QC services holding the key, only those granted for the certificate's
        // purpose take part; the conflict rule (PRO-4.3.4-06) applies among them.
        if (caqc.size() > 1) {
            List<Candidate> forPurpose = caqc.stream().filter(c -> grantedForPurpose(certificate, c, time, at)).toList();
            if (!forPurpose.isEmpty() && forPurpose.size() < caqc.size()) {
                trace.add(at + (caqc.size() - forPurpose.size()) + " of " + caqc.size() + " CA/QC services holding the issuing key "
                        + "are not granted for the certificate's purpose (" + ownPurpose.name().toLowerCase(java.util.Locale.ROOT)
                        + "): " + caqc.stream().filter(c -> !forPurpose.contains(c)).map(c -> c.service.territory() + " / "
                        + c.period.serviceName().preferred()).toList() + " left out before the conflict rule (TS 119 615 §4.4, "
                        + "PRO-4.4.4-10/-18/-26)");
                caqc = forPurpose;
            }
        }
        List<QualificationOutcome> outcomes = new ArrayList<>();
        for (Candidate candidate : caqc) {
            outcomes.add(evaluate(certificate, candidate, time, at));
        }
        Set<CertificateQualification> distinct = enumSetOf(outcomes);
        if (distinct.size() > 1) {
            trace.add(at + caqc.size() + " CA/QC services hold the issuing key and lead to different results " + distinct
                    + ": the lists contradict each other (TS 119 615 PRO-4.3.4-06), NA");
            return new QualificationOutcome(CertificateQualification.NA, Optional.of(caqc.get(0).service),
                    Optional.of(caqc.get(0).period), trace);
        }
        QualificationOutcome chosen = preferGranted(outcomes);
        trace.addAll(chosen.trace());
        if (caqc.size() > 1) {
            trace.add(at + caqc.size() + " CA/QC services hold the issuing key; they agree");
        }
        return new QualificationOutcome(chosen.qualification(), chosen.service(), chosen.period(), trace);
    }

    private static Set<CertificateQualification> enumSetOf(List<QualificationOutcome> outcomes) {
        Set<CertificateQualification> set = EnumSet.noneOf(CertificateQualification.class);
        outcomes.forEach(o -> set.add(o.qualification()));
        return set;
    }

    private static QualificationOutcome preferGranted(List<QualificationOutcome> outcomes) {
        for (QualificationOutcome outcome : outcomes) {
            if (outcome.period().map(p -> StatusMeaning.of(p.status()) == StatusMeaning.GRANTED).orElse(false)) {
                return outcome;
            }
        }
        return outcomes.get(0);
    }

    private record Candidate(ListedService service, StatusPeriod period) {
    }

    /** Whether the candidate's status period is granted for the certificate's purpose (its own trace is not kept). */
    private static boolean grantedForPurpose(CertificateFacts listed, Candidate candidate, Instant time, String at) {
        // a third country's certificate is read through the agreement's content equivalences, as in evaluate
        CertificateFacts certificate = candidate.period.recognition()
                .map(recognition -> MutualRecognitionContent.apply(listed, recognition, new ArrayList<>(), at)).orElse(listed);
        Set<ServiceQualifiers> captured = EnumSet.noneOf(ServiceQualifiers.class);
        for (Qualification qualification : candidate.period.extensions().qualifications()) {
            if (CriteriaMatcher.match(qualification.criteria(), certificate) == CriteriaMatcher.Match.SELECTED) {
                for (String uri : qualification.qualifierUris()) {
                    ServiceQualifiers.fromUri(uri).ifPresent(captured::add);
                }
            }
        }
        return coversPurpose(certificate, candidate.period, captured, CertificateContent.issuedUnderDirective(certificate),
                !EidasDates.beforeEidas(time), new ArrayList<>(), at);
    }

    private static QualificationOutcome evaluate(CertificateFacts listed, Candidate candidate, Instant time, String at) {
        List<String> trace = new ArrayList<>();
        StatusPeriod period = candidate.period;
        // A third country's service recognised under a mutual recognition agreement: its certificates are read
        // through the agreement's certificate content equivalences (TS 119 612 v2.4.1 §5.3.13, MRA schema v2).
        CertificateFacts certificate = period.recognition()
                .map(recognition -> MutualRecognitionContent.apply(listed, recognition, trace, at)).orElse(listed);
        TrustedService service = candidate.service.service().orElseThrow();
        boolean directiveCertificate = CertificateContent.issuedUnderDirective(certificate);
        boolean regulationTime = !EidasDates.beforeEidas(time);
        boolean periodUnderDirective = EidasDates.beforeEidas(period.start());
        Purpose ownPurpose = CertificateContent.purpose(certificate);
        trace.add(at + candidate.service.territory() + " / " + service.name().preferred() + " (CA/QC), status "
                + StatusMeaning.describe(period.status()) + " since " + period.start());
        trace.add(at + CertificateContent.describe(certificate));

        // TS 119 612 §5.5.9.2 / TS 119 615 PRO-4.4.4-11: the qualifiers whose criteria select the certificate.
        Set<ServiceQualifiers> captured = EnumSet.noneOf(ServiceQualifiers.class);
        Set<String> unknown = new LinkedHashSet<>();
        for (Qualification qualification : period.extensions().qualifications()) {
            CriteriaMatcher.Match match = CriteriaMatcher.match(qualification.criteria(), certificate);
            if (match == CriteriaMatcher.Match.SELECTED) {
                for (String uri : qualification.qualifierUris()) {
                    ServiceQualifiers.fromUri(uri).ifPresentOrElse(captured::add, () -> unknown.add(uri));
                }
            } else if (match == CriteriaMatcher.Match.UNDECIDABLE) {
                trace.add(at + "a qualification's criteria cannot be evaluated (unknown criterion): its qualifiers "
                        + qualification.qualifierUris() + " are not applied");
            }
        }
        if (!period.extensions().qualifications().isEmpty() || !captured.isEmpty()) {
            trace.add(at + "Sie:Q qualifiers selecting this certificate: " + (captured.isEmpty() ? "none"
                    : captured.stream().map(ServiceQualifiers::qualifierName).toList()) + " (TS 119 612 §5.5.9.2)");
        }
        if (!unknown.isEmpty()) {
            trace.add(at + "unknown qualifier(s) ignored: " + unknown);
        }

        // Status: granted, or a pre-2016 status that counts as granted.
        boolean qualified;
        List<String> unknownCritical = period.extensions().unknownCriticalExtensions();
        if (!unknownCritical.isEmpty()) {
            trace.add(at + "the service information has critical extension(s) this reader does not understand "
                    + unknownCritical + " (TS 119 612 §5.5.9): it confirms no qualification (TS 119 615 PRO-4.5.4-04 b)");
            qualified = false;
        } else if (period.status().kind() == ServiceStatus.Kind.GRANTED && EidasDates.beforeEidas(time)) {
            // "granted" is the qualified status of Regulation (EU) No 910/2014 (TS 119 612 v2.1.1 §5.5.4, D.5),
            // whose trust-service provisions apply from 2016-07-01 (Art. 52(2)); before that instant only the
            // Directive's statuses confirm a qualified certificate (TS 119 615 PRO-4.4.4-33 f).
            trace.add(at + "status granted (a Regulation (EU) No 910/2014 status, TS 119 612 v2.1.1 §5.5.4) cannot confirm a "
                    + "qualified certificate at an instant before the Regulation applied (2016-07-01, Art. 52(2)); only "
                    + "undersupervision, supervisionincessation or accredited did then (TS 119 615 PRO-4.4.4-33 f): not qualified");
            qualified = false;
        } else if (StatusMeaning.of(period.status()) != StatusMeaning.GRANTED) {
            trace.add(at + "status " + period.status().shortName() + " does not confirm qualified certificates "
                    + "(TS 119 615 PRO-4.4.4-10, PRO-4.4.4-33 f): not qualified");
            qualified = false;
        } else if (!coversPurpose(certificate, period, captured, directiveCertificate, regulationTime, trace, at)) {
            qualified = false;
        } else if (captured.contains(ServiceQualifiers.NOT_QUALIFIED) && captured.contains(ServiceQualifiers.QC_STATEMENT)) {
            trace.add(at + "NotQualified and QCStatement both select the certificate: inconsistent list (TS 119 615 "
                    + "PRO-4.4.4-12), it confirms no qualification");
            qualified = false;
        } else if (captured.contains(ServiceQualifiers.NOT_QUALIFIED)) {
            trace.add(at + "qualifier NotQualified: not qualified, whatever the certificate says (TS 119 615 Table 1 column 2)");
            qualified = false;
        } else if (captured.contains(ServiceQualifiers.QC_STATEMENT)) {
            trace.add(at + "qualifier QCStatement: qualified, even without QcCompliance (TS 119 615 Tables 1 to 3 column 3)");
            qualified = true;
        } else {
            qualified = CertificateContent.claimsQualified(certificate);
            trace.add(at + "no qualifier on qualification: the certificate's own claim decides — "
                    + (qualified ? "qualified" : "not qualified")
                    + (directiveCertificate ? " (TS 119 615 PRO-4.4.4-33, Table 5)" : " (TS 119 615 Tables 1 to 3 column 1)"));
        }

        Purpose purpose = ownPurpose;
        if (qualified) {
            purpose = purpose(certificate, period, captured, periodUnderDirective, ownPurpose, trace, at);
        }
        boolean qscd = qualified && qscd(certificate, captured, periodUnderDirective, trace, at);
        CertificateQualification result = CertificateQualification.of(qualified, purpose, qscd);
        trace.add(at + result.name());
        return new QualificationOutcome(result, Optional.of(candidate.service), Optional.of(period), trace);
    }

    /**
     * TS 119 615 PRO-4.4.4-10/-18/-26 and Tables 1 to 3: the service must be granted for the
     * certificate's purpose. Before 2016-07-01 there was no AdditionalServiceInformation for it.
     */
    private static boolean coversPurpose(CertificateFacts certificate, StatusPeriod period, Set<ServiceQualifiers> captured,
                                         boolean directiveCertificate, boolean regulationTime, List<String> trace, String at) {
        if (!regulationTime) {
            return true;
        }
        List<String> asi = period.extensions().additionalServiceInformation();
        boolean asiEsig = asi.contains(ServiceQualifiers.ASI_FOR_ESIGNATURES);
        boolean asiEseal = asi.contains(ServiceQualifiers.ASI_FOR_ESEALS);
        boolean asiWeb = asi.contains(ServiceQualifiers.ASI_FOR_WEB);
        if (directiveCertificate) {
            if (!asiEsig) {
                trace.add(at + "a Directive-era certificate judged under eIDAS needs a service granted ForeSignatures "
                        + "(TS 119 615 PRO-4.4.4-33 f); the service has " + shortAsi(asi) + ": not qualified");
                return false;
            }
            return true;
        }
        boolean qcForEsig = captured.contains(ServiceQualifiers.QC_FOR_ESIG);
        boolean qcForEseal = captured.contains(ServiceQualifiers.QC_FOR_ESEAL);
        boolean qcForWeb = captured.contains(ServiceQualifiers.QC_FOR_WSA);
        // QcCompliance without QcType and without a type qualifier reads as eSignatures (TS 119 615
        // Table 1, first row). (EC DSS applies this default whatever the QcType; a certificate typed
        // eSeal from a service granted only ForeSignatures would then pass — TS 119 615 PRO-4.4.4-18
        // says it is not qualified for eSeals.)
        qcForEsig = qcForEsig || (!qcForEseal && !qcForWeb && certificate.qcStatements().compliance()
                && certificate.qcStatements().types().isEmpty());
        boolean onlyOne = (qcForEsig ? 1 : 0) + (qcForEseal ? 1 : 0) + (qcForWeb ? 1 : 0) == 1;
        // QCForLegalPerson contradicts eSignatures, which only natural persons create (PRO-4.4.4-12).
        asiEsig = asiEsig && !captured.contains(ServiceQualifiers.QC_FOR_LEGAL_PERSON);
        boolean overruleEsig = asiEsig && qcForEsig && onlyOne;
        boolean overruleEseal = asiEseal && qcForEseal && onlyOne;
        boolean overruleWeb = asiWeb && qcForWeb && onlyOne;
        Purpose own = CertificateContent.purpose(certificate);
        boolean covered = switch (own) {
            case ESIG -> asiEsig || overruleEseal || overruleWeb;
            case ESEAL -> asiEseal || overruleEsig || overruleWeb;
            case WSA -> asiWeb || overruleEseal || overruleEsig;
            case UNKNOWN -> true;
        };
        if (!covered) {
            trace.add(at + "the certificate is for " + own.name().toLowerCase(java.util.Locale.ROOT)
                    + " but the service is granted " + shortAsi(asi) + " (AdditionalServiceInformation, TS 119 612 "
                    + "§5.5.9.4): not qualified for it (TS 119 615 PRO-4.4.4-10/-18/-26)");
        }
        return covered;
    }

    private static String shortAsi(List<String> asi) {
        List<String> names = asi.stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();
        return names.isEmpty() ? "no AdditionalServiceInformation" : "for " + String.join(", ", names);
    }

    private static Purpose purpose(CertificateFacts certificate, StatusPeriod period, Set<ServiceQualifiers> captured,
                                   boolean periodUnderDirective, Purpose ownPurpose, List<String> trace, String at) {
        if (periodUnderDirective) {
            trace.add(at + "purpose: eSignatures, the only qualified certificates of Directive 1999/93/EC");
            return Purpose.ESIG;
        }
        List<ServiceQualifiers> usage = new ArrayList<>();
        for (ServiceQualifiers q : List.of(ServiceQualifiers.QC_FOR_ESIG, ServiceQualifiers.QC_FOR_ESEAL, ServiceQualifiers.QC_FOR_WSA)) {
            if (captured.contains(q)) {
                usage.add(q);
            }
        }
        boolean legalPersonConflict = captured.contains(ServiceQualifiers.QC_FOR_LEGAL_PERSON)
                && captured.contains(ServiceQualifiers.QC_FOR_ESIG);
        if (usage.size() > 1 || legalPersonConflict) {
            trace.add(at + "purpose: contradicting qualifiers " + usage.stream().map(ServiceQualifiers::qualifierName).toList()
                    + (legalPersonConflict ? " with QCForLegalPerson" : "") + " (TS 119 615 PRO-4.4.4-12): unknown");
            return Purpose.UNKNOWN;
        }
        if (usage.size() == 1) {
            List<String> asi = period.extensions().additionalServiceInformation();
            String expectedAsi = switch (usage.get(0)) {
                case QC_FOR_ESIG -> ServiceQualifiers.ASI_FOR_ESIGNATURES;
                case QC_FOR_ESEAL -> ServiceQualifiers.ASI_FOR_ESEALS;
                default -> ServiceQualifiers.ASI_FOR_WEB;
            };
            if (!asi.isEmpty() && !asi.contains(expectedAsi)) {
                trace.add(at + "purpose: qualifier " + usage.get(0).qualifierName() + " but the service is not granted "
                        + expectedAsi.substring(expectedAsi.lastIndexOf('/') + 1) + " (TS 119 615 PRO-4.4.4-12): unknown");
                return Purpose.UNKNOWN;
            }
            Purpose overruled = switch (usage.get(0)) {
                case QC_FOR_ESIG -> Purpose.ESIG;
                case QC_FOR_ESEAL -> Purpose.ESEAL;
                default -> Purpose.WSA;
            };
            trace.add(at + "purpose: qualifier " + usage.get(0).qualifierName() + " (TS 119 615 Tables 1 to 3 columns 4, 5)");
            return overruled;
        }
        trace.add(at + "purpose: as the certificate says (" + ownPurpose.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return ownPurpose;
    }

    private static boolean qscd(CertificateFacts certificate, Set<ServiceQualifiers> captured, boolean periodUnderDirective,
                                List<String> trace, String at) {
        boolean withQscd = captured.contains(ServiceQualifiers.QC_WITH_QSCD);
        boolean noQscd = captured.contains(ServiceQualifiers.QC_NO_QSCD);
        boolean asInCertQscd = captured.contains(ServiceQualifiers.QC_QSCD_STATUS_AS_IN_CERT);
        boolean managed = captured.contains(ServiceQualifiers.QC_QSCD_MANAGED_ON_BEHALF);
        boolean withSscd = captured.contains(ServiceQualifiers.QC_WITH_SSCD);
        boolean noSscd = captured.contains(ServiceQualifiers.QC_NO_SSCD);
        boolean asInCertSscd = captured.contains(ServiceQualifiers.QC_SSCD_STATUS_AS_IN_CERT);
        boolean own = CertificateContent.claimsQscd(certificate);

        boolean positive = withQscd || withSscd || asInCertQscd || asInCertSscd || managed;
        boolean negative = noQscd || noSscd;
        boolean asInCert = asInCertQscd || asInCertSscd;
        boolean inconsistent = (positive && negative) || (asInCert && (withQscd || withSscd || managed))
                || (!periodUnderDirective && (withSscd || noSscd) && !(withQscd || noQscd));
        if (inconsistent) {
            trace.add(at + "QSCD: contradicting qualifiers (TS 119 615 PRO-4.5.4-04 c): no QSCD can be confirmed");
            return false;
        }
        if (periodUnderDirective) {
            if (withSscd) {
                trace.add(at + "QSCD: qualifier QCWithSSCD (TS 119 615 Table 6)");
                return true;
            }
            if (noSscd) {
                trace.add(at + "QSCD: qualifier QCNoSSCD (TS 119 615 Table 6)");
                return false;
            }
            trace.add(at + "QSCD: " + (asInCertSscd ? "qualifier QCSSCDStatusAsInCert, " : "no SSCD qualifier, ")
                    + "as the certificate says (QcSSCD or QCP+): " + (own ? "SSCD" : "no SSCD") + " (TS 119 615 Table 6)");
            return own;
        }
        if (withQscd || managed) {
            trace.add(at + "QSCD: qualifier " + (withQscd ? "QCWithQSCD" : "QCQSCDManagedOnBehalf") + " (TS 119 615 Table 7)");
            return true;
        }
        if (noQscd) {
            trace.add(at + "QSCD: qualifier QCNoQSCD (TS 119 615 Table 7)");
            return false;
        }
        trace.add(at + "QSCD: " + (asInCertQscd ? "qualifier QCQSCDStatusAsInCert, " : "no QSCD qualifier, ")
                + "as the certificate says (QcSSCD): " + (own ? "QSCD" : "no QSCD") + " (TS 119 615 Table 7)");
        return own;
    }
}
