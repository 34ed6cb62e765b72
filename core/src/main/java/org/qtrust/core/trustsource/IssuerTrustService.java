package org.qtrust.core.trustsource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.PathRevocation;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.ListedKey;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.path.CertificatePath;
import org.qtrust.core.certificate.path.PathBuilder;
import org.qtrust.core.certificate.path.PathSearch;
import org.qtrust.core.certificate.path.PathValidator;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.policy.CryptoConstraints;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TrustSourceRule;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationProblem;
import org.qtrust.core.transport.OutboundBudget;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustsource.IssuerTrustVerdict.ListSummary;
import org.qtrust.core.trustsource.IssuerTrustVerdict.ServiceSummary;

/**
 * Finds the list that vouches for a credential issuer: for each rule the policy names for the
 * credential's kind, on each list of that kind, the issuer's chain must end at (or its key be)
 * a key a service lists — verified by signature, names never suffice — the service's type must
 * be one the rule accepts, and its status at the credential's issuance (and/or the validation
 * time) one that counts (TS 119 602 §6.6.4, §6.7; a withdrawal after issuance does not undo it).
 * Thread-safe; one instance per snapshot and policy.
 */
public final class IssuerTrustService implements CheckIssuerTrust {

    private final TrustSources sources;
    private final IssuerTrustPolicy policy;
    private final CertificateInspector inspector;
    private final CryptoConstraints crypto;
    private final Optional<PathRevocation> revocation;
    private final RevocationMode revocationMode;

    /** Without revocation data: the trace says the issuer's chain was not checked for revocation. */
    public IssuerTrustService(TrustSources sources, IssuerTrustPolicy policy, CertificateInspector inspector) {
        this(sources, policy, inspector, VerificationPolicy.ts119312());
    }

    public IssuerTrustService(TrustSources sources, IssuerTrustPolicy policy, CertificateInspector inspector,
                              CryptoConstraints crypto) {
        this(sources, policy, inspector, crypto, Optional.empty(), RevocationMode.OFF);
    }

    /**
     * Issue 13.7: the issuer's chain gets the revocation check the trusted-list path gives a
     * certificate — {@code checker} asks about every link once the issuer is otherwise trusted, the
     * issuer's own certificate judged in {@code mode}, an intermediate refused only when revoked.
     */
    public IssuerTrustService(TrustSources sources, IssuerTrustPolicy policy, CertificateInspector inspector,
                              CryptoConstraints crypto, Optional<RevocationChecker> checker, RevocationMode mode) {
        this.sources = Objects.requireNonNull(sources);
        this.policy = Objects.requireNonNull(policy);
        this.inspector = Objects.requireNonNull(inspector);
        this.crypto = Objects.requireNonNull(crypto);
        this.revocation = checker.map(c -> new PathRevocation(c, RevocationPolicy.defaults()));
        this.revocationMode = Objects.requireNonNull(mode);
    }

    /** The issuer as the index can search it: a certificate with intermediates, or a bare key. */
    private record Issuer(Optional<CertificateFacts> certificate, List<CertificateFacts> intermediates, SubjectPublicKey key) {
    }

    /** A list service that holds the issuer's key, and how far it got. */
    private record Candidate(SourceList list, ListedService service, Optional<CertificatePath> path, int rank,
                             List<String> reasons) {
    }

    @Override
    public IssuerTrustVerdict check(IssuerTrustQuery query) {
        List<String> trace = new ArrayList<>();
        List<TrustSourceRule> rules = policy.rulesFor(query.kind());
        trace.add("policy " + policy.name() + ": the issuer of a " + query.kind().code() + " credential is trusted through "
                + (rules.isEmpty() ? "no list" : rules.stream().map(TrustSourceRule::describe).toList())
                + "; credential issued " + query.issuedAt() + ", validation time " + query.validationTime());
        if (rules.isEmpty()) {
            return notFound(VerdictCode.ISSUER_NOT_TRUSTED, trace);
        }
        Issuer issuer;
        try {
            issuer = issuer(query.issuer(), trace);
        } catch (MalformedCertificateException e) {
            trace.add("issuer: not a usable certificate or key: " + e.getMessage());
            return notFound(VerdictCode.MALFORMED_CERTIFICATE, trace);
        }
        Candidate best = null;
        boolean brokenChain = false;
        for (TrustSourceRule rule : rules) {
            List<SourceList> lists = sources.lists().stream().filter(l -> l.matches(rule)).toList();
            if (lists.isEmpty()) {
                trace.add(rule.describe() + ": no such list loaded");
                continue;
            }
            for (SourceList list : lists) {
                Optional<Found> found = find(list, issuer);
                if (found.isEmpty() || found.get().services().isEmpty()) {
                    brokenChain |= found.map(Found::brokenChain).orElse(false);
                    trace.add(list.describe() + ": no service on it holds the issuer's key"
                            + found.map(f -> f.brokenChain() ? " (a given intermediate did not sign the certificate below it)" : "").orElse(""));
                    continue;
                }
                for (ListedService service : found.get().services()) {
                    Candidate candidate = judge(rule, list, service, found.get().path(), query);
                    if (candidate.rank() == Integer.MAX_VALUE) {
                        return trusted(candidate, query, trace);
                    }
                    if (best == null || candidate.rank() > best.rank()) {
                        best = candidate;
                    }
                }
            }
        }
        if (best != null) {
            trace.add("found: " + best.list().describe() + " / " + best.service().providerName() + " / "
                    + best.service().serviceName());
            trace.addAll(best.reasons());
            VerdictCode code = best.list().accepted() ? VerdictCode.ISSUER_NOT_TRUSTED : VerdictCode.LIST_NOT_TRUSTED;
            trace.add("verdict: not trusted (" + code.code() + ")");
            return verdict(false, code, best, query, trace);
        }
        return notFound(brokenChain ? VerdictCode.INVALID_CERTIFICATE_CHAIN : VerdictCode.ISSUER_NOT_TRUSTED, trace);
    }

    private Issuer issuer(IssuerKey key, List<String> trace) throws MalformedCertificateException {
        if (key instanceof IssuerKey.PublicKey bare) {
            SubjectPublicKey publicKey = inspector.publicKey(bare.subjectPublicKeyInfo());
            trace.add("issuer: bare " + publicKey + " (found only where a list gives exactly this key)");
            return new Issuer(Optional.empty(), List.of(), publicKey);
        }
        List<byte[]> chain = ((IssuerKey.Chain) key).certificates();
        CertificateFacts leaf = inspector.inspect(chain.get(0));
        List<CertificateFacts> intermediates = new ArrayList<>();
        for (byte[] der : chain.subList(1, chain.size())) {
            try {
                intermediates.add(inspector.inspect(der));
            } catch (MalformedCertificateException e) {
                trace.add("chain: a given certificate is not usable and is ignored: " + e.getMessage());
            }
        }
        trace.add("issuer: " + leaf.subject() + ", issued by " + leaf.issuer() + ", sha256 " + leaf.sha256()
                + (intermediates.isEmpty() ? "" : ", with " + intermediates.size() + " other certificate(s)"));
        return new Issuer(Optional.of(leaf), intermediates, leaf.publicKey());
    }

    private record Found(List<ListedService> services, Optional<CertificatePath> path, boolean brokenChain) {
    }

    private Optional<Found> find(SourceList list, Issuer issuer) {
        if (issuer.certificate().isEmpty()) {
            return list.index().byKey(issuer.key()).map(k -> new Found(k.services(), Optional.empty(), false));
        }
        PathSearch search = new PathBuilder(list.index(), inspector).find(issuer.certificate().get(), issuer.intermediates());
        if (!search.found()) {
            return Optional.of(new Found(List.of(), Optional.empty(), search.failure() == VerdictCode.INVALID_CERTIFICATE_CHAIN));
        }
        CertificatePath path = search.path().get();
        ListedKey anchor = path.anchor();
        return Optional.of(new Found(anchor.services(), Optional.of(path), false));
    }

    /** Rank: MAX_VALUE vouches; 3 right type on an accepted list but its status does not count; 2 on a rejected list; 1 another type. */
    private Candidate judge(TrustSourceRule rule, SourceList list, ListedService listed, Optional<CertificatePath> path,
                            IssuerTrustQuery query) {
        List<String> reasons = new ArrayList<>();
        TrustedService service = listed.service().orElseThrow();
        if (!rule.acceptsServiceType(service.type())) {
            reasons.add("service type " + shortType(rule, service.type()) + " is not one of " + rule.describe());
            return new Candidate(list, listed, path, 1, reasons);
        }
        if (!list.accepted()) {
            reasons.add("list: " + list.describe() + " is not accepted (" + list.rejection().orElseThrow()
                    + "): nothing it lists is trusted");
            return new Candidate(list, listed, path, 2, reasons);
        }
        boolean accepted = true;
        if (policy.statusTime().includesIssuance()) {
            accepted &= statusCounts(rule, service, query.issuedAt(), "issuance", list, reasons);
        }
        if (policy.statusTime().includesValidationTime()) {
            accepted &= statusCounts(rule, service, query.validationTime(), "validation time", list, reasons);
        }
        return new Candidate(list, listed, path, accepted ? Integer.MAX_VALUE : 3, reasons);
    }

    private static boolean statusCounts(TrustSourceRule rule, TrustedService service, Instant at, String label,
                                        SourceList list, List<String> reasons) {
        Optional<StatusPeriod> period = service.history().at(at);
        if (period.isEmpty()) {
            reasons.add("status at " + label + " (" + at + "): not yet listed on " + list.describe() + ": not accepted");
            return false;
        }
        StatusPeriod p = period.get();
        boolean counts = rule.acceptsStatus(p.status());
        reasons.add("status at " + label + " (" + at + "): " + statusName(rule, p.status())
                + (LoteIdentifiers.LISTED.equals(p.status().uri()) ? " (the list gives no status: listed means may issue)"
                : " since " + p.start() + (p.isCurrent() ? " (current)" : " (history, until " + p.end().orElseThrow() + ")"))
                + " on " + list.describe() + (counts ? ": accepted" : ": not accepted"));
        return counts;
    }

    private IssuerTrustVerdict trusted(Candidate candidate, IssuerTrustQuery query, List<String> trace) {
        trace.add("found: " + candidate.list().describe() + " / " + candidate.service().providerName() + " / "
                + candidate.service().serviceName());
        trace.addAll(candidate.reasons());
        VerdictCode code = VerdictCode.OK;
        if (candidate.path().isPresent()) {
            PathValidator.Outcome validity = PathValidator.validate(candidate.path().get(), query.validationTime(), crypto);
            trace.addAll(validity.trace());
            code = validity.code();
        }
        if (code == VerdictCode.OK) {
            code = revocation(candidate, query, trace);
        }
        trace.add(code == VerdictCode.OK ? "verdict: trusted through " + candidate.list().describe()
                : "verdict: not trusted (" + code.code() + ")");
        return verdict(code == VerdictCode.OK, code, candidate, query, trace);
    }

    /** The issuer's chain checked for revocation at the validation time, as the trusted-list path checks a certificate. */
    private VerdictCode revocation(Candidate candidate, IssuerTrustQuery query, List<String> trace) {
        if (candidate.path().isEmpty()) {
            trace.add("revocation: the issuer is a bare key the list gives: its status is the list's to say");
            return VerdictCode.OK;
        }
        if (revocation.isEmpty() || revocationMode == RevocationMode.OFF) {
            trace.add("revocation: mode " + revocationMode.code() + (revocation.isEmpty() ? "; no revocation checker configured," : ",")
                    + " the issuer's chain is not consulted");
            return VerdictCode.OK;
        }
        PathRevocation.Result checked = revocation.get().check(candidate.path().get(), revocationMode, query.validationTime(),
                candidate.service().service().flatMap(s -> s.extensions().expiredCertsRevocationInfo()), OutboundBudget.unlimited());
        trace.addAll(checked.trace());
        if (checked.problem().isEmpty()) {
            return VerdictCode.OK;
        }
        return checked.problem().get() == RevocationProblem.REVOKED ? VerdictCode.CERTIFICATE_REVOKED : VerdictCode.REVOCATION_UNKNOWN;
    }

    private static IssuerTrustVerdict verdict(boolean trusted, VerdictCode code, Candidate candidate, IssuerTrustQuery query,
                                              List<String> trace) {
        SourceList list = candidate.list();
        TrustedService service = candidate.service().service().orElseThrow();
        ServiceSummary summary = new ServiceSummary(candidate.service().serviceName(), service.type(),
                service.history().at(query.issuedAt()).map(p -> p.status().uri()),
                service.history().at(query.validationTime()).map(p -> p.status().uri()));
        return new IssuerTrustVerdict(trusted, code, Optional.of(list.source().label()),
                Optional.of(new ListSummary(list.listType(), list.territory(), list.operator(), list.sequenceNumber(),
                        list.location(), list.accepted())),
                Optional.of(candidate.service().providerName()), Optional.of(summary), trace);
    }

    private static IssuerTrustVerdict notFound(VerdictCode code, List<String> trace) {
        trace.add("verdict: not trusted (" + code.code() + ")");
        return new IssuerTrustVerdict(false, code, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trace);
    }

    private static String shortType(TrustSourceRule rule, String type) {
        return rule.source() == TrustSourceRule.Source.LOTE ? LoteIdentifiers.shortServiceType(type) : ServiceTypes.shortName(type);
    }

    private static String statusName(TrustSourceRule rule, ServiceStatus status) {
        return rule.source() == TrustSourceRule.Source.LOTE ? LoteIdentifiers.shortStatus(status.uri()) : status.shortName();
    }
}
