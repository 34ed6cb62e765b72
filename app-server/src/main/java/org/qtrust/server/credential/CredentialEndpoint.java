package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.server.http.ApiProblem;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.server.certificate.CertificateEndpoint;
import org.qtrust.server.http.Answer;
import org.qtrust.server.http.JsonRequests;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * {@code POST /v1/credentials/verify}: {@code {"presentation", "aud", "nonce", "at", "policy", "credentialStatus"}}
 * ({@code credentialStatus} may lower the server's {@code --credential-status}, never raise it).
 * The question is checked here (so broken requests get their 4xx now); the verification is
 * {@link CredentialVerification}'s.
 */
public final class CredentialEndpoint {

    public static final Set<String> FIELDS = Set.of("presentation", "aud", "nonce", "at", "policy", "credentialStatus");

    private final CredentialVerification verification;
    private final PolicyCatalog policies;
    private final Clock clock;

    public CredentialEndpoint(CredentialVerification verification, PolicyCatalog policies, Clock clock) {
        this.verification = Objects.requireNonNull(verification);
        this.policies = Objects.requireNonNull(policies);
        this.clock = Objects.requireNonNull(clock);
    }

    public Answer verify(ObjectNode body, TrustedListsSnapshot snapshot) {
        String presentation = JsonRequests.requiredText(body, "presentation");
        String audience = JsonRequests.requiredText(body, "aud");
        String nonce = JsonRequests.requiredText(body, "nonce");
        Instant at = JsonRequests.instant(JsonRequests.optionalText(body, "at"), "at").orElseGet(clock::instant);
        VerificationPolicy policy = CertificateEndpoint.policy(policies, JsonRequests.optionalText(body, "policy"));
        Optional<CredentialStatusMode> statusMode;
        try {
            statusMode = JsonRequests.optionalText(body, "credentialStatus").map(CredentialStatusMode::parse);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_field", "'credentialStatus' must be require, prefer or off");
        }
        CredentialQuestion question = new CredentialQuestion(presentation, audience, nonce, at, policy, snapshot, snapshot.at(at),
                statusMode);
        Optional<ObjectNode> document = verification.verify(question);
        if (document.isEmpty()) {
            return Answer.problem(501, "not_available", "credential verification is not available in this build of the server");
        }
        snapshot.snapshotId().ifPresent(id -> document.get().put("snapshot", id)); // which store snapshot answered (replicas)
        boolean valid = document.get().path("valid").asBoolean(document.get().path("trusted").asBoolean(false));
        return Answer.json(200, document.get(), valid ? "trusted" : "not_trusted");
    }
}
