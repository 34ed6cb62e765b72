package org.qtrust.server.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.credential.BoundedReplayCache;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.ReplayGuard;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.server.json.CredentialVerdictDocument;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * Where the credential verification of core (issue 4) meets the server. Without lists of trusted
 * entities, the {@code x5c} issuer chain is decided by the snapshot's certificate decisions for
 * the question's policy and time (as {@code POST /v1/certificates/verify} decides it). With them
 * (issue 7, {@code --lote}), the issuer is looked up as {@code qtrust credential verify --lote}
 * looks it up, under the policy's credential-issuer rules: by the credential's kind, on the lists
 * of trusted entities and, when the policy
 * uses them, the trusted lists, all judged at the question's time. Key binding is required (the
 * request carries aud and nonce) and its freshness judged by the server's clock, never the request's {@code at}; a
 * (nonce, sd_hash) accepted once is refused while fresh ("replayed", issue 13.8). Issuer metadata and status lists are
 * not fetched (the trace says so).
 */
public final class CredentialVerificationBridge implements CredentialVerification {

    /** How many fresh presentations the server remembers to refuse their replay (issue 13.8). */
    public static final int REPLAY_CACHE_ENTRIES = 100_000;

    private final JsonWebTokens jose;
    /** One for the server's lifetime, whatever the snapshot: a presentation accepted once is refused again while fresh. */
    private final ReplayGuard replays;
    /** The verifier over the last trust sources used: it keeps the chain decisions it made. */
    private final AtomicReference<Verifier> last = new AtomicReference<>();

    /** @param issuers the issuer lookup over the lists of trusted entities, when the snapshot has them */
    private record Verifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers, CredentialKindRule kinds,
                            CredentialVerificationService service) {
    }

    public CredentialVerificationBridge(JsonWebTokens jose) {
        this(jose, new BoundedReplayCache(REPLAY_CACHE_ENTRIES));
    }

    public CredentialVerificationBridge(JsonWebTokens jose, ReplayGuard replays) {
        this.jose = Objects.requireNonNull(jose);
        this.replays = Objects.requireNonNull(replays);
    }

    @Override
    public Optional<ObjectNode> verify(CredentialQuestion question) {
        TrustedListsSnapshot snapshot = question.snapshot();
        CredentialIssuerPolicy rules = question.policy().credentialIssuers();
        Optional<IssuerTrustService> issuers = snapshot.lotes().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.issuers(question.validationTime(), question.policy().useTrustedLists(), rules.trust()));
        // Issue 13: without lists of trusted entities the x5c chain is decided under the policy's credential-issuer
        // rules (EAA/Q, EAA/Pub-EAA by default, never CA/QC); with them the certificate policy decides status list chains.
        CertificateDecisionService decisions = snapshot.decisions(issuers.isEmpty() ? question.policy().forCredentialIssuers()
                : question.policy(), question.validationTime()).service();
        CredentialCheck check = CredentialCheck.of(question.presentation(), question.validationTime())
                .forVerifier(question.audience(), question.nonce()).presentedAt(question.receivedAt());
        return Optional.of(CredentialVerdictDocument.of(verifier(decisions, issuers, rules.kinds()).verify(check.requiringKeyBinding(true))));
    }

    private CredentialVerificationService verifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers,
                                                   CredentialKindRule kinds) {
        Verifier current = last.get();
        if (current != null && current.decisions() == decisions
                && current.issuers().orElse(null) == issuers.orElse(null) && current.kinds().equals(kinds)) {
            return current.service();
        }
        // Status list tokens signed by an x5c chain are decided as certificates, as the CLI does with list options.
        IssuerTrust trust = issuers.<IssuerTrust>map(lookup -> new IssuerTrust.TrustSourceLists(lookup,
                kinds, Optional.<VerifyCertificate>of(decisions)))
                .orElseGet(() -> new IssuerTrust.CertificateChain(decisions, decisions.policy().credentialIssuers()));
        Verifier fresh = new Verifier(decisions, issuers, kinds, CredentialVerificationService.offline(trust, jose).withReplayGuard(replays));
        last.set(fresh);
        return fresh.service();
    }
}
