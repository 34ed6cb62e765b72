package org.qtrust.server.credential;

import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.credential.port.IssuerMetadataSource;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.server.config.ServerSettings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
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
 * request carries aud and nonce). Issuer metadata and status lists are fetched through the server's
 * transport — the egress rule, a bounded outbound executor, shared in-flight fetches, the request's
 * budget — unless {@code --fetch off}; the status mode is the server's {@code --credential-status},
 * which a request may lower, never raise (issue 13.3).
 */
public final class CredentialVerificationBridge implements CredentialVerification {

    private final JsonWebTokens jose;
    private final IssuerMetadataSource metadata;
    private final StatusListSource statusLists;
    private final ServerSettings.Fetching fetching;
    /** {@code --allow-request-overrides}: a request may also raise the status mode. */
    private final boolean overrides;
    /** The verifier over the last trust sources used: it keeps the chain decisions it made. */
    private final AtomicReference<Verifier> last = new AtomicReference<>();

    /** @param issuers the issuer lookup over the lists of trusted entities, when the snapshot has them */
    private record Verifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers, CredentialKindRule kinds,
                            CredentialVerificationService service) {
    }

    /** Offline: nothing fetched (the trace says so), the status required. */
    public CredentialVerificationBridge(JsonWebTokens jose) {
        this(jose, IssuerMetadataSource.offline(), StatusListSource.offline(), new ServerSettings.Fetching(false,
                CredentialStatusMode.REQUIRE, ServerSettings.Fetching.DEFAULTS.budget()), false);
    }

    public CredentialVerificationBridge(JsonWebTokens jose, IssuerMetadataSource metadata, StatusListSource statusLists,
                                        ServerSettings.Fetching fetching, boolean overrides) {
        this.jose = Objects.requireNonNull(jose);
        this.metadata = Objects.requireNonNull(metadata);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.fetching = Objects.requireNonNull(fetching);
        this.overrides = overrides;
    }

    @Override
    public Optional<ObjectNode> verify(CredentialQuestion question) {
        TrustedListsSnapshot snapshot = question.snapshot();
        CertificateDecisionService decisions = snapshot.decisions(question.policy(), question.validationTime()).service();
        CredentialIssuerPolicy rules = question.policy().credentialIssuers();
        Optional<IssuerTrustService> issuers = snapshot.lotes().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.issuers(question.validationTime(), question.policy().useTrustedLists(), rules.trust()));
        // The server's --credential-status is a ceiling: a request may ask for less (403 override_not_allowed for more).
        CredentialStatusMode mode = org.qtrust.server.policy.RequestCeiling.ordered("credentialStatus",
                java.util.List.of(CredentialStatusMode.OFF, CredentialStatusMode.PREFER, CredentialStatusMode.REQUIRE),
                CredentialStatusMode::label, overrides).apply(fetching.credentialStatus(), question.statusMode());
        CredentialCheck check = CredentialCheck.of(question.presentation(), question.validationTime())
                .forVerifier(question.audience(), question.nonce()).withStatusMode(mode).withFetchBudget(fetching.budget());
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
                .orElseGet(() -> new IssuerTrust.CertificateChain(decisions));
        Verifier fresh = new Verifier(decisions, issuers, kinds, new CredentialVerificationService(trust, jose, metadata, statusLists));
        last.set(fresh);
        return fresh.service();
    }
}
