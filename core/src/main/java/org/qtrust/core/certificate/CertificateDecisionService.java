package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict.CertificateSummary;
import org.qtrust.core.certificate.CertificateVerdict.QcSummary;
import org.qtrust.core.certificate.CertificateVerdict.QualificationSummary;
import org.qtrust.core.certificate.CertificateVerdict.ServiceSummary;
import org.qtrust.core.certificate.index.ListedCertificate;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.index.ListedService.Standing;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.path.CertificatePath;
import org.qtrust.core.certificate.path.PathBuilder;
import org.qtrust.core.certificate.path.PathSearch;
import org.qtrust.core.certificate.path.PathValidator;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;
import org.qtrust.core.certificate.qualification.CertificateQualification;
import org.qtrust.core.certificate.qualification.QualificationCalculator;
import org.qtrust.core.certificate.qualification.QualificationOutcome;
import org.qtrust.core.certificate.qualification.StatusMeaning;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationProblem;
import org.qtrust.core.trustedlist.StatusPeriod;

/**
 * The certificate decision: reads the certificate, builds and checks the path to a listed key,
 * judges the service the path ends at against the policy (type, status at the time that
 * counts), computes the TS 119 615 qualification at issuance and at the validation time, and
 * applies the policy's requirements. Thread-safe; one instance per loaded snapshot and policy.
 */
public final class CertificateDecisionService implements VerifyCertificate {

    private final TrustedServiceIndex index;
    private final CertificateInspector inspector;
    private final VerificationPolicy policy;
    private final PathBuilder paths;
    private final Optional<PathRevocation> revocation;

    /** Decisions without revocation data: the trace says revocation was not consulted. */
    public CertificateDecisionService(TrustedServiceIndex index, CertificateInspector inspector, VerificationPolicy policy) {
        this(index, inspector, policy, Optional.empty(), RevocationPolicy.defaults());
    }

    /**
     * Decisions that ask {@code checker} about every link of the path once the certificate is
     * otherwise trusted, in the policy's revocation mode ({@code revocationPolicy} says how).
     */
    public CertificateDecisionService(TrustedServiceIndex index, CertificateInspector inspector, VerificationPolicy policy,
                                      Optional<RevocationChecker> checker, RevocationPolicy revocationPolicy) {
        this.index = Objects.requireNonNull(index);
        this.inspector = Objects.requireNonNull(inspector);
        this.policy = Objects.requireNonNull(policy);
        this.paths = new PathBuilder(index, inspector, policy.crypto().keyLimits());
        this.revocation = checker.map(c -> new PathRevocation(c, revocationPolicy));
    }

    public VerificationPolicy policy() {
        return policy;
    }

    @Override
    public CertificateVerdict verify(CertificateCheck check) {
        CertificateVerdict verdict = decide(check);
        return index.listsJudgedAt().map(verdict::withListsJudgedAt).orElse(verdict);
    }

    private CertificateVerdict decide(CertificateCheck check) {
        Instant time = check.validationTime();
        List<String> trace = new ArrayList<>();
        trace.add("policy " + policy.name() + " (" + policy.jurisdiction() + "), validation time " + time);
        CertificateFacts certificate;
        try {
            certificate = inspector.inspect(check.certificate());
        } catch (MalformedCertificateException e) {
            trace.add("certificate: not a usable X.509 certificate: " + e.getMessage());
            return new CertificateVerdict(false, VerdictCode.MALFORMED_CERTIFICATE, time, policy.name(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), QcSummary.NONE, QualificationSummary.NA, trace);
        }
        trace.add("certificate: " + certificate.subject() + ", issued by " + certificate.issuer() + ", serial "
                + certificate.serialNumber() + ", sha256 " + certificate.sha256());
        for (String note : certificate.notes()) {
            trace.add("certificate: " + note);
        }
        List<CertificateFacts> chain = new ArrayList<>(check.chain().size());
        for (byte[] der : check.chain()) {
            try {
                chain.add(inspector.inspect(der));
            } catch (MalformedCertificateException e) {
                trace.add("chain: a given certificate is not usable and is ignored: " + e.getMessage());
            }
        }
        QcSummary qc = QcSummary.of(certificate.qcStatements());

        // Key limits before any work (issue 14.11): no signature is verified while a given key is outside them.
        List<String> refusedKeys = refusedKeys(certificate, chain);
        if (!refusedKeys.isEmpty()) {
            trace.addAll(refusedKeys);
            trace.add("verdict: not trusted (" + VerdictCode.WEAK_ALGORITHM.code() + ")");
            return new CertificateVerdict(false, VerdictCode.WEAK_ALGORITHM, time, policy.name(), Optional.of(summary(certificate, List.of())),
                    Optional.empty(), Optional.empty(), Optional.empty(), qc, QualificationSummary.NA, trace);
        }

        PathSearch search = paths.find(certificate, chain);
        trace.addAll(search.trace());
        if (!search.found()) {
            return new CertificateVerdict(false, search.failure(), time, policy.name(), Optional.of(summary(certificate, List.of())),
                    Optional.empty(), Optional.empty(), Optional.empty(), qc, QualificationSummary.NA, trace);
        }
        CertificatePath path = search.path().get();
        List<ListedService> services = usable(path.anchor().services());
        CertificateSummary summary = summary(certificate, path.certificates());
        if (services.isEmpty()) {
            trace.add("policy: the key the path ends at is held only by services this policy does not use (trusted lists are off)");
            return new CertificateVerdict(false, VerdictCode.ISSUER_NOT_TRUSTED, time, policy.name(), Optional.of(summary),
                    Optional.empty(), Optional.empty(), Optional.empty(), qc, QualificationSummary.NA, trace);
        }

        // TS 119 615 §4.4 at the certificate's issuance and at the validation time.
        QualificationOutcome atIssuance = QualificationCalculator.at(certificate, services, certificate.notBefore(), "issuance");
        QualificationOutcome atValidation = QualificationCalculator.at(certificate, services, time, "validation time");

        Selection selection = select(services, certificate, time);
        ListedService chosen = selection.service;
        trace.add("service: " + chosen.territory() + " / " + chosen.providerName() + " / " + chosen.serviceName() + " ("
                + type(chosen) + ", " + standingText(chosen) + ")");

        VerdictCode code = VerdictCode.OK;
        if (chosen.standing() == Standing.STALE_LIST || chosen.standing() == Standing.REJECTED_LIST) {
            trace.add("list: the " + chosen.territory() + " list is not accepted at the validation time ("
                    + chosen.listRejection().orElse("rejected") + "): nothing it lists is trusted");
            code = VerdictCode.LIST_NOT_TRUSTED;
        } else {
            trace.addAll(selection.reasons);
            if (!selection.accepted) {
                code = VerdictCode.ISSUER_NOT_TRUSTED;
            }
        }

        PathValidator.Outcome validity = PathValidator.validate(path, time, policy.crypto());
        trace.addAll(validity.trace());
        if (code == VerdictCode.OK) {
            code = validity.code();
        } else if (validity.code() == VerdictCode.INVALID_CERTIFICATE_CHAIN) {
            code = VerdictCode.INVALID_CERTIFICATE_CHAIN;
        }

        trace.addAll(atIssuance.trace());
        trace.addAll(atValidation.trace());
        VerdictCode required = requirements(certificate, atIssuance.qualification(), atValidation.qualification(), trace);
        if (code == VerdictCode.OK) {
            code = required;
        }
        Optional<RevocationOutcome> revocationOutcome = Optional.empty();
        if (code != VerdictCode.OK) {
            trace.add("revocation: not checked (the certificate is not trusted already)");
        } else if (revocation.isEmpty()) {
            trace.add("revocation: mode " + policy.revocation().code() + "; no revocation checker configured, not consulted");
        } else {
            PathRevocation.Result checked = revocation.get().check(path, policy.revocation(), time,
                    chosen.service().flatMap(t -> t.extensions().expiredCertsRevocationInfo()), check.outboundBudget());
            trace.addAll(checked.trace());
            revocationOutcome = Optional.of(checked.target());
            if (checked.problem().isPresent()) {
                code = checked.problem().get() == RevocationProblem.REVOKED
                        ? VerdictCode.CERTIFICATE_REVOKED : VerdictCode.REVOCATION_UNKNOWN;
            }
        }
        trace.add(code == VerdictCode.OK ? "verdict: trusted" : "verdict: not trusted (" + code.code() + ")");

        ServiceSummary service = new ServiceSummary(chosen.serviceName(), type(chosen),
                status(chosen, certificate.notBefore()), status(chosen, time), chosen.standing().name().toLowerCase(java.util.Locale.ROOT));
        return new CertificateVerdict(code == VerdictCode.OK, code, time, policy.name(), Optional.of(summary),
                Optional.of(chosen.territory()), Optional.of(chosen.providerName()), Optional.of(service), qc,
                new QualificationSummary(atIssuance.qualification(), atValidation.qualification()), trace, revocationOutcome,
                search.listedAs().map(listed -> listedAs(listed, certificate.notBefore(), time)));
    }

    /**
     * The certificate's and every given intermediate's key outside the policy's key limits, as trace
     * lines: an RSA modulus above the maximum, an exponent above 2^32, an EC curve not allowed.
     */
    private List<String> refusedKeys(CertificateFacts certificate, List<CertificateFacts> chain) {
        List<String> refused = new ArrayList<>();
        policy.crypto().keyLimits().violation(certificate.publicKey()).ifPresent(why -> refused.add(
                "keys: the certificate's " + why + ": refused before any signature is verified (policy key limits)"));
        for (CertificateFacts given : chain) {
            policy.crypto().keyLimits().violation(given.publicKey()).ifPresent(why -> refused.add(
                    "keys: the given intermediate " + given.subject() + " has an " + why
                            + ": refused before any signature is verified (policy key limits)"));
        }
        return refused;
    }

    /** The services this policy uses: plain anchors always, list services when it uses trusted lists. */
    private List<ListedService> usable(List<ListedService> services) {
        if (policy.useTrustedLists()) {
            return services;
        }
        return services.stream().filter(s -> s.standing() == Standing.PLAIN_ANCHOR).toList();
    }

    private record Selection(ListedService service, boolean accepted, List<String> reasons) {
    }

    /**
     * The service the decision rests on: one the policy accepts if there is one (by type and by
     * status at the time that counts), preferring accepted lists, CA/QC, then snapshot order.
     */
    private Selection select(List<ListedService> services, CertificateFacts certificate, Instant time) {
        List<ListedService> ordered = new ArrayList<>(services);
        ordered.sort(Comparator.comparingInt((ListedService s) -> rank(s.standing()))
                .thenComparing(s -> s.service().map(t -> ServiceTypes.CA_QC.equals(t.type()) ? 0 : 1).orElse(0))
                .thenComparingInt(ListedService::order));
        Selection fallback = null;
        for (ListedService service : ordered) {
            if (service.standing() == Standing.STALE_LIST || service.standing() == Standing.REJECTED_LIST) {
                if (fallback == null) {
                    fallback = new Selection(service, false, List.of());
                }
                continue;
            }
            List<String> reasons = new ArrayList<>();
            boolean accepted = judge(service, certificate, time, reasons);
            if (accepted) {
                return new Selection(service, true, reasons);
            }
            if (fallback == null || fallback.service.standing() != Standing.ACCEPTED_LIST && fallback.service.standing() != Standing.PLAIN_ANCHOR) {
                fallback = new Selection(service, false, reasons);
            }
        }
        return Objects.requireNonNull(fallback);
    }

    private static int rank(Standing standing) {
        return switch (standing) {
            case PLAIN_ANCHOR, ACCEPTED_LIST -> 0;
            case STALE_LIST -> 1;
            case REJECTED_LIST -> 2;
        };
    }

    /** Type and status at the time(s) the policy names (TS 119 612 §5.5.1, §5.5.4; the seed's rule 3). */
    private boolean judge(ListedService service, CertificateFacts certificate, Instant time, List<String> reasons) {
        if (service.standing() == Standing.PLAIN_ANCHOR) {
            reasons.add("service: a plain trust anchor of policy " + policy.name() + " (" + service.territory()
                    + "): accepted without a trusted list, so no status or qualification applies");
            return true;
        }
        boolean accepted = true;
        if (policy.statusTime().includesIssuance()) {
            accepted &= statusAccepted(service, certificate.notBefore(), "issuance", reasons);
        }
        if (policy.statusTime().includesValidationTime()) {
            accepted &= statusAccepted(service, time, "validation time", reasons);
        }
        return accepted;
    }

    /**
     * The type and status in force at one instant (TS 119 612 §5.5.1, §5.5.4, §5.6): a
     * ServiceHistoryInstance carries the type the service had then, which is the one that counts,
     * not today's (a service re-typed since does not carry its new type back in time).
     */
    private boolean statusAccepted(ListedService service, Instant at, String label, List<String> reasons) {
        Optional<StatusPeriod> period = service.service().orElseThrow().history().at(at);
        if (period.isEmpty()) {
            reasons.add("status at " + label + " (" + at + "): the service was not yet listed (its first status starts later): not accepted");
            return false;
        }
        StatusPeriod p = period.get();
        String typeAtTime = ServiceTypes.shortName(p.serviceType());
        if (!policy.acceptsServiceType(p.serviceType())) {
            reasons.add("service: type " + typeAtTime + (p.isCurrent() ? "" : " (in force at " + label + ", since " + p.start() + ")")
                    + " is not a type policy " + policy.name() + " accepts "
                    + policy.acceptedServiceTypes().stream().map(ServiceTypes::shortName).sorted().toList()
                    + " (TS 119 612 §5.5.1: the type in force at the time that counts)");
            return false;
        }
        boolean accepted = policy.acceptsStatus(p.status());
        reasons.add("status at " + label + " (" + at + "): " + StatusMeaning.describe(p.status()) + " since " + p.start()
                + (p.isCurrent() ? " (current)" : " (history, until " + p.end().orElseThrow() + ")")
                + (typeAtTime.equals(ServiceTypes.shortName(service.service().orElseThrow().type())) ? ""
                        : ", type then " + typeAtTime + " (today " + ServiceTypes.shortName(service.service().orElseThrow().type()) + ")")
                + (accepted ? ": accepted" : ": not accepted by policy " + policy.name() + " " + policy.acceptedStatuses().stream().sorted().toList()));
        return accepted;
    }

    private VerdictCode requirements(CertificateFacts certificate, CertificateQualification atIssuance,
                                     CertificateQualification atValidation, List<String> trace) {
        VerdictCode code = VerdictCode.OK;
        if (policy.requireQcCompliance()) {
            boolean ok = certificate.qcStatements().compliance();
            trace.add("requirement: QcCompliance " + (ok ? "present" : "missing"));
            code = ok ? code : VerdictCode.NOT_QUALIFIED_CERTIFICATE;
        }
        if (!policy.requiredQcTypes().isEmpty()) {
            boolean ok = certificate.qcStatements().types().stream().anyMatch(policy.requiredQcTypes()::contains);
            trace.add("requirement: QcType one of " + policy.requiredQcTypes().stream().map(QcType::code).sorted().toList()
                    + (ok ? " present" : " missing (certificate declares "
                    + certificate.qcStatements().types().stream().map(QcType::code).toList() + ")"));
            code = ok ? code : VerdictCode.NOT_QUALIFIED_CERTIFICATE;
        }
        if (policy.requireQualified()) {
            boolean ok = (!policy.statusTime().includesIssuance() || atIssuance.qualified())
                    && (!policy.statusTime().includesValidationTime() || atValidation.qualified());
            trace.add("requirement: a qualified certificate at " + policy.statusTime().code() + " — "
                    + (ok ? "confirmed" : "not confirmed") + " (issuance " + atIssuance + ", validation time " + atValidation + ")");
            code = ok ? code : VerdictCode.NOT_QUALIFIED_CERTIFICATE;
        }
        return code;
    }

    /** The listing a certificate has itself: the first service listing it on the most reliable list. */
    private static CertificateVerdict.ListedAs listedAs(ListedCertificate listed, Instant issuance, Instant time) {
        ListedService first = listed.services().stream().min(Comparator.comparingInt((ListedService s) -> rank(s.standing()))
                .thenComparingInt(ListedService::order)).orElseThrow();
        return new CertificateVerdict.ListedAs(first.territory(), first.serviceName(), type(first), status(first, issuance),
                status(first, time), first.standing().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<String> status(ListedService service, Instant at) {
        return service.service().flatMap(s -> s.history().at(at)).map(p -> p.status().shortName());
    }

    private static String type(ListedService service) {
        return service.service().map(s -> ServiceTypes.shortName(s.type())).orElse(ServiceTypes.PLAIN_TRUST_ANCHOR);
    }

    private static String standingText(ListedService service) {
        return switch (service.standing()) {
            case ACCEPTED_LIST -> "on an accepted list";
            case STALE_LIST -> "on an authentic list past its NextUpdate";
            case REJECTED_LIST -> "on a rejected list";
            case PLAIN_ANCHOR -> "plain trust anchor";
        };
    }

    private static CertificateSummary summary(CertificateFacts certificate, List<CertificateFacts> path) {
        List<String> subjects = path.stream().map(CertificateFacts::subject).toList();
        return new CertificateSummary(certificate.subject(), certificate.issuer(), certificate.serialNumber(),
                certificate.notBefore(), certificate.notAfter(), certificate.sha256(), subjects);
    }
}
