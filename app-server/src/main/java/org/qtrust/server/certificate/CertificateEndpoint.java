package org.qtrust.server.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.server.refresh.IssuerCountries;
import org.qtrust.server.refresh.MissRefresh;
import java.time.Duration;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.transport.OutboundBudget;
import org.qtrust.server.http.Answer;
import org.qtrust.server.http.ApiProblem;
import org.qtrust.server.http.JsonRequests;
import org.qtrust.server.json.CertificateVerdictDocument;
import org.qtrust.server.metrics.ServerMetrics;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.policy.RequestCeiling;
import org.qtrust.server.snapshot.ListJudgement;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * {@code POST /v1/certificates/verify}: {@code {"certificate", "chain", "at", "policy", "revocation"}}
 * (only the certificate is required; {@code revocation} may lower the policy's mode, raise it only
 * with {@code --allow-request-overrides}: {@link RequestCeiling}) answered with the {@code cert verify} document. The verdict,
 * trusted or not, is a 200: a 4xx means the question itself was broken.
 */
public final class CertificateEndpoint {

    public static final Set<String> FIELDS = Set.of("certificate", "chain", "at", "policy", "revocation");
    static final int MAX_CHAIN = 16;

    private final PolicyCatalog policies;
    private final Clock clock;
    private final ServerMetrics metrics;
    private final RequestCeiling<RevocationMode> revocationCeiling;
    private final MissRefresh missRefresh;
    private final Duration budget;
    /** A request's outbound budget by default (10 s, {@code --outbound-budget}): revocation fetches and an on-miss refresh. */
    public static final Duration MISS_WAIT = Duration.ofSeconds(10);

    public CertificateEndpoint(PolicyCatalog policies, Clock clock, ServerMetrics metrics) {
        this(policies, clock, metrics, RequestCeiling.revocation(false));
    }

    /** @param revocationCeiling how far a request's {@code revocation} may move the policy's mode */
    public CertificateEndpoint(PolicyCatalog policies, Clock clock, ServerMetrics metrics, RequestCeiling<RevocationMode> revocationCeiling) {
        this(policies, clock, metrics, revocationCeiling, new MissRefresh(MissRefresh.DEFAULT_INTERVAL, System::nanoTime), MISS_WAIT);
    }

    /**
     * @param missRefresh refreshes the list of an issuer's territory when no listed key matches (cache and store modes)
     * @param budget      a request's outbound budget (issue 15.1): the longest it waits, in all, for revocation fetches
     *                    (its own and those other requests started) and for that refresh
     */
    public CertificateEndpoint(PolicyCatalog policies, Clock clock, ServerMetrics metrics, RequestCeiling<RevocationMode> revocationCeiling,
                               MissRefresh missRefresh, Duration budget) {
        this.missRefresh = Objects.requireNonNull(missRefresh);
        this.budget = Objects.requireNonNull(budget);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
        this.metrics = Objects.requireNonNull(metrics);
        this.revocationCeiling = Objects.requireNonNull(revocationCeiling);
    }

    public Answer verify(ObjectNode body, TrustedListsSnapshot snapshot) {
        OutboundBudget outbound = OutboundBudget.startingNow(budget);
        // A PEM bundle: the first certificate is the one to verify, every other one joins the chain (as on the CLI).
        List<byte[]> bundle = CertificateText.decodeAll(JsonRequests.requiredText(body, "certificate"), "certificate");
        byte[] certificate = bundle.get(0);
        List<byte[]> chain = new ArrayList<>(bundle.subList(1, bundle.size()));
        chain.addAll(chain(body.get("chain")));
        if (chain.size() > MAX_CHAIN) {
            throw ApiProblem.badRequest("invalid_field", "the chain (bundle and 'chain' together) holds more than " + MAX_CHAIN + " certificates");
        }
        Instant at = JsonRequests.instant(JsonRequests.optionalText(body, "at"), "at").orElseGet(clock::instant);
        VerificationPolicy policy = policy(policies, JsonRequests.optionalText(body, "policy"));
        Optional<RevocationMode> revocation = revocationMode(JsonRequests.optionalText(body, "revocation"));
        if (revocation.isPresent()) {
            // The policy's mode already carries the operator's --revocation: the ceiling a request may lower.
            policy = policy.withRevocation(revocationCeiling.apply(policy.revocation(), revocation));
        }
        TrustedListsSnapshot.Decisions decisions = snapshot.decisions(policy, at);
        metrics.decisionIndex(decisions.reused());
        CertificateVerdict verdict = decisions.service().verify(new CertificateCheck(certificate, chain, at).withOutboundBudget(outbound));
        List<String> missTrace = new ArrayList<>();
        if (verdict.code() == VerdictCode.ISSUER_NOT_TRUSTED && missRefresh.available()) {
            for (String territory : IssuerCountries.of(certificate, chain)) {
                if (snapshot.report().lists().stream().noneMatch(list -> list.location().territory().equals(territory))) {
                    continue; // the LOTL has no list for it: nothing to refresh
                }
                MissRefresh.Outcome outcome = missRefresh.onMiss(territory, outbound.remaining());
                missTrace.add(outcome.trace(territory));
                if (outcome.snapshot().isPresent()) {
                    snapshot = outcome.snapshot().get();
                    verdict = snapshot.decisions(policy, at).service().verify(new CertificateCheck(certificate, chain, at)
                            .withOutboundBudget(outbound));
                    break;
                }
            }
        }
        CertificateVerdict decided = verdict;
        metrics.revocation(decided.revocation());
        ObjectNode document = listsNotTrusted(decided, policy, snapshot, at).orElseGet(() -> CertificateVerdictDocument.of(decided));
        missTrace.forEach(document.withArray("trace")::add);
        snapshot.snapshotId().ifPresent(id -> document.put("snapshot", id)); // which store snapshot answered (replicas)
        return Answer.json(200, document, verdict.trusted() ? "trusted" : "not_trusted");
    }

    /** The server's code when no LOTL is accepted at the validation time (see {@link #listsNotTrusted}). */
    public static final String LISTS_NOT_TRUSTED = "lists_not_trusted";

    /**
     * When no LOTL is accepted at the validation time, a certificate not trusted for want of an
     * accepted list or service is {@code lists_not_trusted}: the lists are the problem, not the
     * certificate, and the trace says why the LOTL is not accepted. Empty otherwise.
     */
    static java.util.Optional<ObjectNode> listsNotTrusted(CertificateVerdict verdict, VerificationPolicy policy,
                                                          TrustedListsSnapshot snapshot, Instant at) {
        if (verdict.trusted() || !policy.useTrustedLists()
                || (verdict.code() != VerdictCode.ISSUER_NOT_TRUSTED && verdict.code() != VerdictCode.LIST_NOT_TRUSTED)) {
            return java.util.Optional.empty();
        }
        ListJudgement lotl = snapshot.at(at).listOfLists();
        if (lotl.accepted()) {
            return java.util.Optional.empty();
        }
        ObjectNode document = CertificateVerdictDocument.of(verdict);
        document.put("code", LISTS_NOT_TRUSTED);
        ((com.fasterxml.jackson.databind.node.ArrayNode) document.get("trace")).add("lists: the LOTL ("
                + lotl.verdict().location().url() + ") is not accepted at " + at + " (" + lotl.reason().orElse("rejected")
                + "): no trusted list it points to vouches for anything at that time");
        return java.util.Optional.of(document);
    }

    /** The named policy among those the server was started with. */
    public static VerificationPolicy policy(PolicyCatalog policies, java.util.Optional<String> name) {
        return policies.find(name).orElseThrow(() -> ApiProblem.badRequest("unknown_policy",
                "unknown policy '" + name.orElse("") + "'; this server offers " + policies.names()));
    }

    /** The request's {@code revocation} field: require, prefer or off (within the ceiling). */
    private static Optional<RevocationMode> revocationMode(Optional<String> text) {
        try {
            return text.map(RevocationMode::parse);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_field", "'revocation' must be require, prefer or off");
        }
    }

    private static List<byte[]> chain(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiProblem.badRequest("invalid_field", "'chain' must be an array of PEM or base64 DER certificates");
        }
        if (node.size() > MAX_CHAIN) {
            throw ApiProblem.badRequest("invalid_field", "'chain' holds more than " + MAX_CHAIN + " certificates");
        }
        List<byte[]> chain = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (!element.isTextual()) {
                throw ApiProblem.badRequest("invalid_field", "'chain[" + i + "]' must be a string");
            }
            chain.addAll(CertificateText.decodeAll(element.asText(), "chain[" + i + "]"));
            if (chain.size() > MAX_CHAIN) {
                throw ApiProblem.badRequest("invalid_field", "'chain' holds more than " + MAX_CHAIN + " certificates");
            }
        }
        return chain;
    }
}
