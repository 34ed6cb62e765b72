package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.certificate.qualification.CertificateQualification;

/**
 * The decision on one certificate: trusted or not and why (a stable code and a trace of each
 * rule applied), the listed service it chains to, what its QcStatements say and its
 * qualification at issuance and at the validation time.
 *
 * @param trusted        whether the policy accepts the certificate
 * @param code           {@link VerdictCode#OK} or the first rule that failed
 * @param validationTime the time the decision was made for
 * @param policy         the policy's name
 * @param certificate    the certificate's identity, when it could be read
 * @param territory      the territory of the list (or the jurisdiction of the plain anchor) the path ends at
 * @param provider       the trust service provider's name
 * @param service        the service the path ends at, with its status at issuance and validation time
 * @param qcStatements   what the certificate's QcStatements say
 * @param qualification  TS 119 615 qualification at issuance and at the validation time
 * @param trace          the rules applied, in order, readable by a person
 * @param revocation     the target certificate's revocation status, when the decision got as far as asking
 * @param listedAs       when the certificate is itself, byte for byte, a listed service's certificate: that listing
 *                       (the verdict's territory, provider and service are those of the issuer its path ends at)
 * @param listsJudgedAt  the instant the trusted lists were judged at (issue time, NextUpdate), when a load report
 *                       judged them: the validation time, or the time the lists are used when it precedes them
 */
public record CertificateVerdict(boolean trusted, VerdictCode code, Instant validationTime, String policy,
                                 Optional<CertificateSummary> certificate, Optional<String> territory,
                                 Optional<String> provider, Optional<ServiceSummary> service, QcSummary qcStatements,
                                 QualificationSummary qualification, List<String> trace,
                                 Optional<RevocationOutcome> revocation, Optional<ListedAs> listedAs,
                                 Optional<Instant> listsJudgedAt) {

    /** A verdict whose lists were not judged by a load report (lists given directly, plain anchors). */
    public CertificateVerdict(boolean trusted, VerdictCode code, Instant validationTime, String policy,
                              Optional<CertificateSummary> certificate, Optional<String> territory,
                              Optional<String> provider, Optional<ServiceSummary> service, QcSummary qcStatements,
                              QualificationSummary qualification, List<String> trace,
                              Optional<RevocationOutcome> revocation, Optional<ListedAs> listedAs) {
        this(trusted, code, validationTime, policy, certificate, territory, provider, service, qcStatements, qualification,
                trace, revocation, listedAs, Optional.empty());
    }

    /**
     * The same verdict, saying at which instant the lists it rests on were judged (issue time,
     * NextUpdate); when that is not the validation time, the trace says why, second line.
     */
    public CertificateVerdict withListsJudgedAt(Instant judgedAt) {
        List<String> lines = trace;
        if (!judgedAt.equals(validationTime)) {
            lines = new java.util.ArrayList<>(trace);
            lines.add(Math.min(1, lines.size()), "lists: judged at " + judgedAt + ", not at the validation time " + validationTime
                    + ": the validation time precedes the lists in hand, which are judged current at the time they are used; "
                    + "each service's status history answers for the instants of the decision (TS 119 612 §5.5.4, §5.6)");
        }
        return new CertificateVerdict(trusted, code, validationTime, policy, certificate, territory, provider, service, qcStatements,
                qualification, lines, revocation, listedAs, Optional.of(judgedAt));
    }

    /** A verdict on a certificate that is not itself a listed service's certificate. */
    public CertificateVerdict(boolean trusted, VerdictCode code, Instant validationTime, String policy,
                              Optional<CertificateSummary> certificate, Optional<String> territory,
                              Optional<String> provider, Optional<ServiceSummary> service, QcSummary qcStatements,
                              QualificationSummary qualification, List<String> trace,
                              Optional<RevocationOutcome> revocation) {
        this(trusted, code, validationTime, policy, certificate, territory, provider, service, qcStatements, qualification,
                trace, revocation, Optional.empty(), Optional.empty());
    }

    /**
     * The service a certificate is itself listed as (TS 119 612 §5.5.3: its ServiceDigitalIdentity
     * gives this certificate), e.g. a time-stamping unit listed as TSA/QTST.
     *
     * @param territory              the list's territory
     * @param service                ServiceName (preferred language)
     * @param type                   the service type without the ETSI prefix ("TSA/QTST")
     * @param statusAtIssuance       that service's status (short name) at the certificate's notBefore; empty when not yet listed
     * @param statusAtValidationTime that service's status at the validation time
     * @param standing               how far its list can be relied on ({@code accepted_list}, {@code stale_list},
     *                               {@code rejected_list}): only an accepted list's listing vouches for anything
     */
    public record ListedAs(String territory, String service, String type, Optional<String> statusAtIssuance,
                           Optional<String> statusAtValidationTime, String standing) {
        public ListedAs {
            Objects.requireNonNull(territory);
            Objects.requireNonNull(service);
            Objects.requireNonNull(type);
            Objects.requireNonNull(statusAtIssuance);
            Objects.requireNonNull(statusAtValidationTime);
            Objects.requireNonNull(standing);
        }

        /** Where it is listed, as reports name it (territory, service, type). */
        public ListedAs named() {
            return new ListedAs(territory, service, type, Optional.empty(), Optional.empty(), "");
        }

        /** A listing named only (statuses unknown, standing empty), e.g. to compare with {@link #named()}. */
        public static ListedAs named(String territory, String service, String type) {
            return new ListedAs(territory, service, type, Optional.empty(), Optional.empty(), "");
        }
    }

    /** A verdict reached without asking about revocation. */
    public CertificateVerdict(boolean trusted, VerdictCode code, Instant validationTime, String policy,
                              Optional<CertificateSummary> certificate, Optional<String> territory,
                              Optional<String> provider, Optional<ServiceSummary> service, QcSummary qcStatements,
                              QualificationSummary qualification, List<String> trace) {
        this(trusted, code, validationTime, policy, certificate, territory, provider, service, qcStatements, qualification,
                trace, Optional.empty());
    }

    /** Who the certificate is, for reports. */
    public record CertificateSummary(String subject, String issuer, String serialNumber, Instant notBefore, Instant notAfter,
                                     String sha256, List<String> path) {
        public CertificateSummary {
            Objects.requireNonNull(subject);
            Objects.requireNonNull(issuer);
            Objects.requireNonNull(serialNumber);
            Objects.requireNonNull(notBefore);
            Objects.requireNonNull(notAfter);
            Objects.requireNonNull(sha256);
            path = List.copyOf(path);
        }
    }

    /**
     * The service the path ends at.
     *
     * @param name                   ServiceName (preferred language)
     * @param type                   the service type without the ETSI prefix ("CA/QC"), or the full URI when not an ETSI type
     * @param statusAtIssuance       the status in force at the certificate's notBefore (short name), empty when not yet listed
     * @param statusAtValidationTime the status in force at the validation time, empty when not listed then
     * @param standing               how far its list can be relied on
     */
    public record ServiceSummary(String name, String type, Optional<String> statusAtIssuance,
                                 Optional<String> statusAtValidationTime, String standing) {
        public ServiceSummary {
            Objects.requireNonNull(name);
            Objects.requireNonNull(type);
            Objects.requireNonNull(statusAtIssuance);
            Objects.requireNonNull(statusAtValidationTime);
            Objects.requireNonNull(standing);
        }
    }

    /** QcStatements in short: QcCompliance, QcSSCD, QcTypes (esign/eseal/web), QcCClegislation, QcPDS URLs. */
    public record QcSummary(boolean compliance, boolean sscd, List<String> types, List<String> legislation, List<String> pds) {
        public static final QcSummary NONE = new QcSummary(false, false, List.of(), List.of(), List.of());

        public QcSummary {
            types = List.copyOf(types);
            legislation = List.copyOf(legislation);
            pds = List.copyOf(pds);
        }

        public static QcSummary of(QcStatements qc) {
            return new QcSummary(qc.compliance(), qc.sscd(), qc.types().stream().map(QcType::code).distinct().toList(),
                    qc.legislation(), qc.pds().stream().map(QcStatements.PdsLocation::url).toList());
        }
    }

    /** The qualification at the certificate's issuance and at the validation time. */
    public record QualificationSummary(CertificateQualification atIssuance, CertificateQualification atValidationTime) {
        public static final QualificationSummary NA = new QualificationSummary(CertificateQualification.NA, CertificateQualification.NA);

        public QualificationSummary {
            Objects.requireNonNull(atIssuance);
            Objects.requireNonNull(atValidationTime);
        }
    }

    public CertificateVerdict {
        Objects.requireNonNull(code);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(service);
        Objects.requireNonNull(qcStatements);
        Objects.requireNonNull(qualification);
        trace = List.copyOf(trace);
        Objects.requireNonNull(revocation);
        Objects.requireNonNull(listedAs);
        Objects.requireNonNull(listsJudgedAt);
        if (trusted != (code == VerdictCode.OK)) {
            throw new IllegalArgumentException("a verdict is trusted exactly when its code is ok");
        }
    }
}
