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
import org.qtrust.core.credential.BoundedReplayCache;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.ReplayGuard;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.server.json.CredentialVerdictDocument;
import org.qtrust.server.json.MdocVerdictDocument;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * Where the credential verification of core (issue 4) meets the server. Without lists of trusted
 * entities, the {@code x5c} issuer chain is decided by the snapshot's certificate decisions for
 * the question's policy and time, under the policy's credential-issuer roles (issue 13.1). With
 * them (issue 7, {@code --lote}), the issuer is looked up as {@code qtrust credential verify --lote}
 * looks it up, under the policy's credential-issuer rules: by the credential's kind, on the lists
 * of trusted entities and, when the policy uses them, the trusted lists, all judged at the
 * question's time. Key binding is required (the request carries aud and nonce) and its freshness
 * judged by the server's clock, never the request's {@code at}; a (nonce, sd_hash) accepted once is
 * refused while fresh ("replayed", issue 13.8). Issuer metadata and status lists are fetched
 * through the server's transport — the egress rule, a bounded outbound executor, shared in-flight
 * fetches, the request's budget — unless {@code --fetch off}; the status mode is the policy's
 * {@code credentialStatus} under the server's {@code --credential-status} ceiling, which a request may
 * lower, never raise (issue 13.3).
 */
public final class CredentialVerificationBridge implements CredentialVerification {

    /** How many fresh presentations the server remembers to refuse their replay (issue 13.8). */
    public static final int REPLAY_CACHE_ENTRIES = 100_000;

    private final JsonWebTokens jose;
    /** One for the server's lifetime, whatever the snapshot: a presentation accepted once is refused again while fresh. */
    private final ReplayGuard replays;
    private final IssuerMetadataSource metadata;
    private final StatusListSource statusLists;
    private final ServerSettings.Fetching fetching;
    /** {@code --allow-request-overrides}: a request may also raise the status mode. */
    private final boolean overrides;
    /** The verifier over the last trust sources used: it keeps the chain decisions it made. */
    private final AtomicReference<Verifier> last = new AtomicReference<>();

    /** @param issuers the issuer lookup over the lists of trusted entities, when the snapshot has them */
    private record Verifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers, CredentialKindRule kinds,
                            IssuerBinding binding, CredentialVerificationService service) {
    }

    private final Optional<CborCodec> cbor;
    private final Optional<CoseSignatures> cose;
    private final AtomicReference<MdocVerifier> lastMdoc = new AtomicReference<>();
    private final Optional<StatusListSource> mdocStatusLists;

    private record MdocVerifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers, CredentialKindRule kinds,
                                MdocVerificationService service) {
    }

    /** Offline (nothing fetched, the status required), without CBOR and COSE: mdocs are answered 501. */
    public CredentialVerificationBridge(JsonWebTokens jose) {
        this(jose, new BoundedReplayCache(REPLAY_CACHE_ENTRIES));
    }

    /** Offline, without CBOR and COSE, with the given replay guard. */
    public CredentialVerificationBridge(JsonWebTokens jose, ReplayGuard replays) {
        this(jose, IssuerMetadataSource.offline(), StatusListSource.offline(), offlineFetching(), false, Optional.empty(),
                Optional.empty(), replays);
    }

    /** Offline SD-JWT VCs and mdocs (issue 18), both over the same issuer trust. */
    public CredentialVerificationBridge(JsonWebTokens jose, CborCodec cbor, CoseSignatures cose) {
        this(jose, IssuerMetadataSource.offline(), StatusListSource.offline(), offlineFetching(), false, Optional.of(cbor),
                Optional.of(cose), new BoundedReplayCache(REPLAY_CACHE_ENTRIES));
    }

    /** Fetching issuer metadata and status lists as the server's settings say, without CBOR and COSE. */
    public CredentialVerificationBridge(JsonWebTokens jose, IssuerMetadataSource metadata, StatusListSource statusLists,
                                        ServerSettings.Fetching fetching, boolean overrides) {
        this(jose, metadata, statusLists, fetching, overrides, Optional.empty(), Optional.empty(),
                new BoundedReplayCache(REPLAY_CACHE_ENTRIES));
    }

    public CredentialVerificationBridge(JsonWebTokens jose, IssuerMetadataSource metadata, StatusListSource statusLists,
                                        ServerSettings.Fetching fetching, boolean overrides, Optional<CborCodec> cbor,
                                        Optional<CoseSignatures> cose, ReplayGuard replays) {
        this.jose = Objects.requireNonNull(jose);
        this.metadata = Objects.requireNonNull(metadata);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.fetching = Objects.requireNonNull(fetching);
        this.overrides = overrides;
        this.cbor = Objects.requireNonNull(cbor);
        this.cose = Objects.requireNonNull(cose);
        this.replays = Objects.requireNonNull(replays);
        // Issue 18: an mdoc's status list may be a CWT; an HTTP source reads its ttl/exp to bound its caching.
        this.mdocStatusLists = cbor.map(codec -> statusLists instanceof org.qtrust.core.credential.status.HttpStatusListSource http
                ? http.readingCwtWith(codec) : statusLists);
    }

    private static ServerSettings.Fetching offlineFetching() {
        return new ServerSettings.Fetching(false, CredentialStatusMode.REQUIRE, ServerSettings.Fetching.DEFAULTS.budget());
    }

    /**
     * An mdoc, its issuer trusted exactly as an SD-JWT VC's would be for the same policy and time;
     * device authentication is required over the handover the request names (the OpenID4VP 1.0
     * session transcript, or ISO/IEC 18013-7's with an mdoc generated nonce). The MSO's status list (JWT or
     * CWT) is fetched and judged as an SD-JWT VC's, under the same --credential-status ceiling and budget.
     */
    @Override
    public Optional<java.util.List<byte[]>> mdocIssuerChain(byte[] presentation) {
        return cbor.flatMap(codec -> MdocVerificationService.issuerChain(codec, presentation));
    }

    @Override
    public Optional<ObjectNode> verifyMdoc(MdocQuestion question) {
        if (cbor.isEmpty() || cose.isEmpty()) {
            return Optional.empty();
        }
        TrustedListsSnapshot snapshot = question.snapshot();
        CredentialIssuerPolicy rules = question.policy().credentialIssuers();
        Optional<IssuerTrustService> issuers = snapshot.lotes().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.issuers(question.validationTime(), question.policy().useTrustedLists(), rules.trust(),
                        question.policy().revocation()));
        // As for SD-JWT VCs (issue 13.1): without lists of trusted entities the DS chain is decided under the policy's
        // credential-issuer rules and must end at a service whose role fits the document's kind.
        CertificateDecisionService decisions = snapshot.decisions(issuers.isEmpty() ? question.policy().forCredentialIssuers()
                : question.policy(), question.validationTime()).service();
        MdocVerifier current = lastMdoc.get();
        if (current == null || current.decisions() != decisions || current.issuers().orElse(null) != issuers.orElse(null)
                || !current.kinds().equals(rules.kinds())) {
            current = new MdocVerifier(decisions, issuers, rules.kinds(), new MdocVerificationService(trustOf(decisions, issuers,
                    rules.kinds()), cbor.get(), cose.get(), jose, mdocStatusLists.orElseThrow()));
            lastMdoc.set(current);
        }
        MdocQuestion.Handover handover = question.handover();
        SessionTranscript transcript = handover.mdocGeneratedNonce().isPresent()
                ? SessionTranscript.iso18013Part7(cbor.get(), handover.clientId(), handover.responseUri(), handover.nonce(), handover.mdocGeneratedNonce().get())
                : SessionTranscript.openId4Vp(cbor.get(), handover.clientId(), handover.responseUri(), handover.nonce(), Optional.empty());
        MdocCheck check = MdocCheck.of(question.presentation(), question.validationTime()).withTranscript(transcript)
                .requiringDeviceAuthentication(true).withStatusMode(statusMode(question.statusMode(), rules.status())).withFetchBudget(fetching.budget());
        return Optional.of(MdocVerdictDocument.of(current.service().verify(check)));
    }

    /**
     * The server's --credential-status is a ceiling: a request may ask for less (403 override_not_allowed for more);
     * without a request's value the policy's credentialStatus counts, lowered to the ceiling (issue 13.3).
     */
    private CredentialStatusMode statusMode(Optional<CredentialStatusMode> requested, CredentialStatusMode policy) {
        java.util.List<CredentialStatusMode> reach = java.util.List.of(CredentialStatusMode.OFF, CredentialStatusMode.PREFER,
                CredentialStatusMode.REQUIRE);
        CredentialStatusMode ceiling = fetching.credentialStatus();
        if (requested.isEmpty()) {
            return reach.indexOf(policy) < reach.indexOf(ceiling) ? policy : ceiling;
        }
        return org.qtrust.server.policy.RequestCeiling.ordered("credentialStatus", reach, CredentialStatusMode::label, overrides)
                .apply(ceiling, requested);
    }

    private static IssuerTrust trustOf(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers, CredentialKindRule kinds) {
        return issuers.<IssuerTrust>map(lookup -> new IssuerTrust.TrustSourceLists(lookup,
                kinds, Optional.<VerifyCertificate>of(decisions)))
                .orElseGet(() -> new IssuerTrust.CertificateChain(decisions));
    }

    @Override
    public Optional<ObjectNode> verify(CredentialQuestion question) {
        TrustedListsSnapshot snapshot = question.snapshot();
        CredentialIssuerPolicy rules = question.policy().credentialIssuers();
        Optional<IssuerTrustService> issuers = snapshot.lotes().isEmpty() ? Optional.empty()
                : Optional.of(snapshot.issuers(question.validationTime(), question.policy().useTrustedLists(), rules.trust(),
                        question.policy().revocation()));
        // Issue 13: without lists of trusted entities the x5c chain is decided under the policy's credential-issuer
        // rules (EAA/Q, EAA/Pub-EAA by default, never CA/QC); with them the certificate policy decides status list chains.
        CertificateDecisionService decisions = snapshot.decisions(issuers.isEmpty() ? question.policy().forCredentialIssuers()
                : question.policy(), question.validationTime()).service();
        // The server's --credential-status is a ceiling: a request may ask for less (403 override_not_allowed for more);
        // without one, the policy's credentialStatus counts, lowered to the ceiling.
        CredentialStatusMode mode = statusMode(question.statusMode(), rules.status());
        CredentialCheck check = CredentialCheck.of(question.presentation(), question.validationTime())
                .forVerifier(question.audience(), question.nonce()).presentedAt(question.receivedAt())
                .withStatusMode(mode).withFetchBudget(fetching.budget());
        return Optional.of(CredentialVerdictDocument.of(verifier(decisions, issuers, rules.kinds(), rules.binding())
                .verify(check.requiringKeyBinding(true))));
    }

    private CredentialVerificationService verifier(CertificateDecisionService decisions, Optional<IssuerTrustService> issuers,
                                                   CredentialKindRule kinds, IssuerBinding binding) {
        Verifier current = last.get();
        if (current != null && current.decisions() == decisions
                && current.issuers().orElse(null) == issuers.orElse(null) && current.kinds().equals(kinds)
                && current.binding() == binding) {
            return current.service();
        }
        // Status list tokens signed by an x5c chain are decided as certificates, as the CLI does with list options.
        IssuerTrust trust = issuers.<IssuerTrust>map(lookup -> new IssuerTrust.TrustSourceLists(lookup,
                kinds, Optional.<VerifyCertificate>of(decisions), binding))
                .orElseGet(() -> new IssuerTrust.CertificateChain(decisions, decisions.policy().credentialIssuers()));
        Verifier fresh = new Verifier(decisions, issuers, kinds, binding,
                new CredentialVerificationService(trust, jose, metadata, statusLists).withReplayGuard(replays));
        last.set(fresh);
        return fresh.service();
    }
}
