package org.qtrust.server.credential;

import java.time.Instant;
import java.util.Objects;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * One {@code POST /v1/credentials/verify} question, checked for shape, with the lists judged at
 * its validation time.
 *
 * @param presentation   the presentation as sent (an SD-JWT VC with disclosures and key-binding JWT)
 * @param audience       the expected {@code aud} of the key-binding JWT
 * @param nonce          the expected {@code nonce} of the key-binding JWT
 * @param validationTime the request's {@code at}, else now
 * @param policy         the policy named by the request, else the server's default
 * @param snapshot       the snapshot in force when the request arrived
 * @param lists          that snapshot's lists judged at the validation time
 * @param receivedAt     when the server received it, by its own clock: the KB-JWT's freshness is judged then, never at
 *                       the request's {@code at} (issue 13.8)
 * @param statusMode     the request's {@code credentialStatus}, when given (lowered to the server's ceiling)
 */
public record CredentialQuestion(String presentation, String audience, String nonce, Instant validationTime,
                                 VerificationPolicy policy, TrustedListsSnapshot snapshot, ListsAtTime lists, Instant receivedAt,
                                 java.util.Optional<org.qtrust.core.credential.CredentialStatusMode> statusMode) {

    /** A question without a request's {@code credentialStatus}. */
    public CredentialQuestion(String presentation, String audience, String nonce, Instant validationTime,
                              VerificationPolicy policy, TrustedListsSnapshot snapshot, ListsAtTime lists, Instant receivedAt) {
        this(presentation, audience, nonce, validationTime, policy, snapshot, lists, receivedAt, java.util.Optional.empty());
    }

    public CredentialQuestion {
        Objects.requireNonNull(presentation);
        Objects.requireNonNull(audience);
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(snapshot);
        Objects.requireNonNull(lists);
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(statusMode);
    }
}
