package org.qtrust.server.credential;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * One {@code POST /v1/credentials/verify} question about an mdoc ({@code "format": "mso_mdoc"}).
 *
 * @param presentation   the DeviceResponse (or IssuerSigned) CBOR, decoded from base64url
 * @param handover       the verifier's OpenID4VP request the device must have signed
 * @param validationTime the request's {@code at}, else now
 * @param policy         the policy named by the request, else the server's default
 * @param snapshot       the snapshot in force when the request arrived
 * @param lists          that snapshot's lists judged at the validation time
 * @param statusMode     the request's {@code credentialStatus}, if any (the server's is a ceiling)
 */
public record MdocQuestion(byte[] presentation, Handover handover, Instant validationTime, VerificationPolicy policy,
                           TrustedListsSnapshot snapshot, ListsAtTime lists, Optional<CredentialStatusMode> statusMode) {

    /** Without a request status mode: the server's applies. */
    public MdocQuestion(byte[] presentation, Handover handover, Instant validationTime, VerificationPolicy policy,
                        TrustedListsSnapshot snapshot, ListsAtTime lists) {
        this(presentation, handover, validationTime, policy, snapshot, lists, Optional.empty());
    }

    /**
     * {@code "handover": {"client_id", "response_uri", "nonce"[, "mdoc_generated_nonce"]}}: the OpenID4VP 1.0
     * handover, or the ISO/IEC 18013-7 one when the mdoc generated nonce is given.
     */
    public record Handover(String clientId, String responseUri, String nonce, Optional<String> mdocGeneratedNonce) {
        public Handover {
            Objects.requireNonNull(clientId);
            Objects.requireNonNull(responseUri);
            Objects.requireNonNull(nonce);
            Objects.requireNonNull(mdocGeneratedNonce);
        }
    }

    public MdocQuestion {
        presentation = presentation.clone();
        Objects.requireNonNull(handover);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(snapshot);
        Objects.requireNonNull(lists);
        Objects.requireNonNull(statusMode);
    }

    @Override
    public byte[] presentation() {
        return presentation.clone();
    }
}
