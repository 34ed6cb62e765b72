package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.server.http.ApiProblem;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.server.certificate.CertificateEndpoint;
import org.qtrust.server.http.Answer;
import org.qtrust.server.http.ApiProblem;
import org.qtrust.server.http.JsonRequests;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.refresh.IssuerCountries;
import org.qtrust.server.refresh.MissRefresh;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * {@code POST /v1/credentials/verify}: {@code {"presentation", "aud", "nonce", "at", "policy"}} for an
 * SD-JWT VC, or {@code {"format": "mso_mdoc", "presentation": base64url, "handover": {"client_id",
 * "response_uri", "nonce"[, "mdoc_generated_nonce"]}, "at", "policy"}} for an mdoc (issue 18).
 * An SD-JWT VC question may add {@code "credentialStatus"}, which may lower the server's
 * {@code --credential-status}, never raise it.
 * The question is checked here (so broken requests get their 4xx now); the verification is
 * {@link CredentialVerification}'s.
 */
public final class CredentialEndpoint {

    public static final Set<String> FIELDS = Set.of("presentation", "aud", "nonce", "at", "policy", "format", "handover", "credentialStatus");
    public static final String MSO_MDOC = "mso_mdoc";
    private static final Set<String> HANDOVER_FIELDS = Set.of("client_id", "response_uri", "nonce", "mdoc_generated_nonce");

    private final CredentialVerification verification;
    private final PolicyCatalog policies;
    private final Clock clock;

    private final MissRefresh missRefresh;
    private final java.time.Duration missWait;

    public CredentialEndpoint(CredentialVerification verification, PolicyCatalog policies, Clock clock) {
        this(verification, policies, clock, new MissRefresh(MissRefresh.DEFAULT_INTERVAL, System::nanoTime),
                java.time.Duration.ofSeconds(10));
    }

    /**
     * @param missRefresh refreshes the list of the x5c issuer's territory when no listed key matches (issue 19.1)
     * @param missWait    the longest a request waits for that refresh (its outbound budget)
     */
    public CredentialEndpoint(CredentialVerification verification, PolicyCatalog policies, Clock clock,
                              MissRefresh missRefresh, java.time.Duration missWait) {
        this.verification = Objects.requireNonNull(verification);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
        this.missRefresh = Objects.requireNonNull(missRefresh);
        this.missWait = Objects.requireNonNull(missWait);
    }

    public Answer verify(ObjectNode body, TrustedListsSnapshot snapshot) {
        Optional<String> format = JsonRequests.optionalText(body, "format");
        if (format.isPresent() && !Set.of(MSO_MDOC, "dc+sd-jwt", "vc+sd-jwt").contains(format.get())) {
            throw ApiProblem.badRequest("invalid_field", "the field 'format' is dc+sd-jwt or mso_mdoc");
        }
        if (format.filter(MSO_MDOC::equals).isPresent()) {
            return verifyMdoc(body, snapshot);
        }
        if (body.has("handover")) {
            throw ApiProblem.badRequest("invalid_field", "the field 'handover' is for \"format\": \"mso_mdoc\"");
        }
        String presentation = JsonRequests.requiredText(body, "presentation");
        String audience = JsonRequests.requiredText(body, "aud");
        String nonce = JsonRequests.requiredText(body, "nonce");
        Instant now = clock.instant();
        Instant at = JsonRequests.instant(JsonRequests.optionalText(body, "at"), "at").orElse(now);
        VerificationPolicy policy = CertificateEndpoint.policy(policies, JsonRequests.optionalText(body, "policy"));
        Optional<CredentialStatusMode> statusMode = statusMode(body);
        CredentialQuestion question = new CredentialQuestion(presentation, audience, nonce, at, policy, snapshot, snapshot.at(at),
                now, statusMode);
        long started = System.nanoTime();
        Optional<ObjectNode> first = verification.verify(question);
        if (first.isEmpty()) {
            return Answer.problem(501, "not_available", "credential verification is not available in this build of the server");
        }
        // Issue 19.1: an x5c chain that finds no listed key refreshes its issuer's list, as a certificate does. The x5c
        // decision comes before key binding, so the presentation's nonce is not yet recorded and it can be decided again.
        List<String> missTrace = new ArrayList<>();
        Optional<ObjectNode> document = first;
        if ("issuer_not_trusted".equals(first.get().path("code").asText()) && missRefresh.available()) {
            for (String territory : IssuerCountries.ofSdJwt(presentation)) {
                if (snapshot.report().lists().stream().noneMatch(list -> list.location().territory().equals(territory))) {
                    continue; // the LOTL has no list for it: nothing to refresh
                }
                java.time.Duration left = missWait.minusNanos(System.nanoTime() - started);
                MissRefresh.Outcome outcome = missRefresh.onMiss(territory, left.isNegative() ? java.time.Duration.ZERO : left);
                missTrace.add(outcome.trace(territory));
                if (outcome.snapshot().isPresent()) {
                    snapshot = outcome.snapshot().get();
                    document = verification.verify(new CredentialQuestion(presentation, audience, nonce, at, policy, snapshot,
                            snapshot.at(at), now, statusMode));
                    break;
                }
            }
        }
        ObjectNode answer = document.get();
        missTrace.forEach(answer.withArray("trace")::add);
        snapshot.snapshotId().ifPresent(id -> answer.put("snapshot", id)); // which store snapshot answered (replicas)
        boolean valid = answer.path("valid").asBoolean(answer.path("trusted").asBoolean(false));
        return Answer.json(200, answer, valid ? "trusted" : "not_trusted");
    }

    private Answer verifyMdoc(ObjectNode body, TrustedListsSnapshot snapshot) {
        if (body.has("aud") || body.has("nonce")) {
            throw ApiProblem.badRequest("invalid_field", "an mdoc takes 'handover' {client_id, response_uri, nonce}, not 'aud' and 'nonce'");
        }
        byte[] presentation;
        try {
            presentation = Base64.getUrlDecoder().decode(JsonRequests.requiredText(body, "presentation").strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_field", "the field 'presentation' is not base64url");
        }
        JsonNode handover = body.get("handover");
        if (handover == null || !handover.isObject()) {
            throw ApiProblem.badRequest("missing_field", "the field 'handover' {client_id, response_uri, nonce} is required");
        }
        ObjectNode fields = (ObjectNode) handover;
        fields.fieldNames().forEachRemaining(name -> {
            if (!HANDOVER_FIELDS.contains(name)) {
                throw ApiProblem.badRequest("unknown_field", "handover has an unknown field '" + name + "'");
            }
        });
        MdocQuestion.Handover request = new MdocQuestion.Handover(JsonRequests.requiredText(fields, "client_id"),
                JsonRequests.requiredText(fields, "response_uri"), JsonRequests.requiredText(fields, "nonce"),
                JsonRequests.optionalText(fields, "mdoc_generated_nonce"));
        Instant at = JsonRequests.instant(JsonRequests.optionalText(body, "at"), "at").orElseGet(clock::instant);
        VerificationPolicy policy = CertificateEndpoint.policy(policies, JsonRequests.optionalText(body, "policy"));
        long started = System.nanoTime();
        Optional<ObjectNode> document = verification.verifyMdoc(new MdocQuestion(presentation, request, at, policy, snapshot, snapshot.at(at),
                statusMode(body)));
        if (document.isEmpty()) {
            return Answer.problem(501, "not_available", "mdoc verification is not available in this build of the server");
        }
        // Issue 19.1: a Document Signer whose x5chain finds no listed key refreshes its issuer's list, as an SD-JWT VC's
        // x5c does (the chain is read only to choose the list); mdocs have no replay guard, so the mdoc is decided again.
        List<String> missTrace = new ArrayList<>();
        Optional<java.util.List<byte[]>> chain = "issuer_not_trusted".equals(document.get().path("code").asText()) && missRefresh.available()
                ? verification.mdocIssuerChain(presentation) : Optional.empty();
        if (chain.isPresent()) {
            java.util.List<byte[]> certificates = chain.get();
            for (String territory : IssuerCountries.of(certificates.get(0),
                    certificates.subList(1, Math.min(certificates.size(), IssuerCountries.MAX + 1)))) {
                if (snapshot.report().lists().stream().noneMatch(list -> list.location().territory().equals(territory))) {
                    continue; // the LOTL has no list for it: nothing to refresh
                }
                java.time.Duration left = missWait.minusNanos(System.nanoTime() - started);
                MissRefresh.Outcome outcome = missRefresh.onMiss(territory, left.isNegative() ? java.time.Duration.ZERO : left);
                missTrace.add(outcome.trace(territory));
                if (outcome.snapshot().isPresent()) {
                    snapshot = outcome.snapshot().get();
                    document = verification.verifyMdoc(new MdocQuestion(presentation, request, at, policy, snapshot, snapshot.at(at),
                            statusMode(body)));
                    break;
                }
            }
        }
        ObjectNode answer = document.get();
        missTrace.forEach(answer.withArray("trace")::add);
        snapshot.snapshotId().ifPresent(id -> answer.put("snapshot", id)); // which store snapshot answered (replicas)
        return Answer.json(200, answer, answer.path("valid").asBoolean(false) ? "trusted" : "not_trusted");
    }

    /** The request's {@code credentialStatus} (require, prefer, off), for SD-JWT VCs and mdocs alike. */
    private static Optional<CredentialStatusMode> statusMode(ObjectNode body) {
        try {
            return JsonRequests.optionalText(body, "credentialStatus").map(CredentialStatusMode::parse);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_field", "'credentialStatus' must be require, prefer or off");
        }
    }
}
