package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.server.json.CredentialVerdictDocument;

/**
 * Where the credential verification of core (issue 4) meets the server: the {@code x5c} issuer
 * chain is decided by the snapshot's certificate decisions for the question's policy and time
 * (as {@code POST /v1/certificates/verify} decides it), key binding is required (the request
 * carries aud and nonce), and issuer metadata and status lists are not fetched (the trace says so).
 */
public final class CredentialVerificationBridge implements CredentialVerification {

    private final JsonWebTokens jose;
    /** The verifier over the last decision service used: it keeps the chain decisions it made. */
    private final AtomicReference<Verifier> last = new AtomicReference<>();

    private record Verifier(CertificateDecisionService decisions, CredentialVerificationService service) {
    }

    public CredentialVerificationBridge(JsonWebTokens jose) {
        this.jose = Objects.requireNonNull(jose);
    }

    @Override
    public Optional<ObjectNode> verify(CredentialQuestion question) {
        CertificateDecisionService decisions = question.snapshot().decisions(question.policy(), question.validationTime()).service();
        CredentialCheck check = CredentialCheck.of(question.presentation(), question.validationTime())
                .forVerifier(question.audience(), question.nonce());
        return Optional.of(CredentialVerdictDocument.of(verifier(decisions).verify(check.requiringKeyBinding(true))));
    }

    private CredentialVerificationService verifier(CertificateDecisionService decisions) {
        Verifier current = last.get();
        if (current != null && current.decisions() == decisions) {
            return current.service();
        }
        Verifier fresh = new Verifier(decisions, CredentialVerificationService.offline(new IssuerTrust.CertificateChain(decisions), jose));
        last.set(fresh);
        return fresh.service();
    }
}
