package org.qtrust.core.credential;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.credential.disclosure.DisclosureException;
import org.qtrust.core.credential.disclosure.SelectiveDisclosures;
import org.qtrust.core.credential.metadata.IssuerMetadata;
import org.qtrust.core.credential.metadata.MetadataLookup;
import org.qtrust.core.transport.OutboundBudget;
import org.qtrust.core.credential.port.IssuerMetadataSource;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.credential.presentation.SdJwtPresentation;
import org.qtrust.core.credential.status.StatusList;
import org.qtrust.core.credential.status.StatusListFetch;
import org.qtrust.core.credential.status.StatusReference;
import org.qtrust.core.credential.status.CredentialStatus;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.trustsource.IssuerKey;
import org.qtrust.core.trustsource.IssuerTrustQuery;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * Verifies an SD-JWT VC presentation, step by step (docs/credentials.md lists the steps and
 * their codes): its form, the issuer's {@code x5c} chain decided like any certificate, the
 * issuer signature, the validity times, the disclosures (RFC 9901 §7.1), key binding (§7.3),
 * the issuer's metadata and the credential's status list entry. The first failing step decides
 * the code. Thread-safe.
 */
public final class CredentialVerificationService implements VerifyCredential {

    /** Asymmetric JWS algorithms only (RFC 7518 §3, RFC 8037): never "none", never HMAC. */
    public static final Set<String> ALLOWED_ALGORITHMS = Set.of("ES256", "ES384", "ES512", "PS256", "PS384", "PS512",
            "RS256", "RS384", "RS512", "EdDSA");
    /**
     * draft-ietf-oauth-sd-jwt-vc §3.2.1: dc+sd-jwt; vc+sd-jwt is the earlier drafts' type, still accepted. Compared
     * without the {@code application/} prefix and case-insensitively (RFC 7515 §4.1.9).
     */
    public static final Set<String> CREDENTIAL_TYPES = Set.of("dc+sd-jwt", "vc+sd-jwt");
    public static final String KEY_BINDING_TYPE = "kb+jwt";
    public static final String STATUS_LIST_TYPE = "statuslist+jwt";

    private final IssuerTrust trust;
    private final JsonWebTokens jose;
    private final IssuerMetadataSource metadata;
    private final StatusListSource statusLists;
    private final SelectiveDisclosures disclosures;
    private final Optional<ChainDecisions> chains;
    private final Optional<ReplayGuard> replays;

    public CredentialVerificationService(IssuerTrust trust, JsonWebTokens jose, IssuerMetadataSource metadata,
                                         StatusListSource statusLists) {
        this.trust = Objects.requireNonNull(trust);
        this.jose = Objects.requireNonNull(jose);
        this.metadata = Objects.requireNonNull(metadata);
        this.statusLists = Objects.requireNonNull(statusLists);
        this.disclosures = new SelectiveDisclosures(jose);
        this.replays = Optional.empty();
        if (trust instanceof IssuerTrust.CertificateChain chain) {
            this.chains = Optional.of(new ChainDecisions(chain.decisions()));
        } else if (trust instanceof IssuerTrust.TrustSourceLists lists) {
            this.chains = lists.statusListChains().map(ChainDecisions::new);
        } else {
            this.chains = Optional.empty();
        }
    }

    /**
     * The same verifier refusing a presentation whose (nonce, sd_hash) it has accepted before, while that
     * KB-JWT is fresh (issue 13.8; servers: many callers, one verifier). The trust behind it is shared.
     */
    public CredentialVerificationService withReplayGuard(ReplayGuard guard) {
        return new CredentialVerificationService(this, Optional.of(guard));
    }

    private CredentialVerificationService(CredentialVerificationService base, Optional<ReplayGuard> replays) {
        this.trust = base.trust;
        this.jose = base.jose;
        this.metadata = base.metadata;
        this.statusLists = base.statusLists;
        this.disclosures = base.disclosures;
        this.chains = base.chains;
        this.replays = replays;
    }

    /** Without network: issuer metadata and status lists are skipped (the trace says so). */
    public static CredentialVerificationService offline(IssuerTrust trust, JsonWebTokens jose) {
        return new CredentialVerificationService(trust, jose, IssuerMetadataSource.offline(), StatusListSource.offline());
    }

    /** The outcome so far; {@link #reject} ends it. */
    private static final class Progress {
        final List<String> trace = new ArrayList<>();
        Optional<String> issuer = Optional.empty();
        Optional<String> vct = Optional.empty();
        Map<String, Object> claims = Map.of();
        boolean holderBound;
        byte[] issuerKey;
        Optional<CertificateVerdict> certificate = Optional.empty();
        Optional<String> trustSource = Optional.empty();
        Optional<IssuerTrustVerdict> issuerTrust = Optional.empty();
        CredentialStatus status = CredentialStatus.none();
        /** The SAN names of the issuer's leaf certificate (issue 13.2). */
        LeafNames leafNames = LeafNames.NONE;
        /** The verified metadata document that publishes the signing key, when one does. */
        Optional<String> keyPublishedAt = Optional.empty();
        /** Why no metadata was read, when none was. */
        Optional<String> metadataMissing = Optional.empty();
        /** Issue 15.1: one outbound budget for the whole check (issuer metadata, then the status list). */
        OutboundBudget budget = OutboundBudget.unlimited();

        CredentialVerdict reject(CredentialCode code, String why) {
            trace.add(why);
            trace.add("verdict: not valid (" + code.code() + ")");
            // Fail closed: the claims of a credential that is not valid are not handed out, so nobody relies on them.
            return new CredentialVerdict(false, code, issuer, vct, Map.of(), holderBound, certificate, trace, trustSource, issuerTrust,
                    status);
        }

        CredentialVerdict accept() {
            trace.add("verdict: valid");
            return new CredentialVerdict(true, CredentialCode.OK, issuer, vct, claims, holderBound, certificate, trace, trustSource,
                    issuerTrust, status);
        }
    }

    @Override
    public CredentialVerdict verify(CredentialCheck check) {
        Progress p = new Progress();
        p.budget = OutboundBudget.startingNow(check.fetchBudget());
        Instant time = check.validationTime();
        boolean vc = !(trust instanceof IssuerTrust.FixedKey);
        p.trace.add("validation time " + time + ", clock skew " + check.clockSkew().toSeconds() + " s, "
                + (vc ? "SD-JWT VC with an x5c issuer chain" : "plain SD-JWT (RFC 9901) with a given issuer key"));

        // 1. Form (RFC 9901 §4).
        SdJwtPresentation presentation;
        SignedJwt issuerJwt;
        try {
            presentation = SdJwtPresentation.parse(check.presentation());
            issuerJwt = jose.read(presentation.issuerJwt());
        } catch (MalformedTokenException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: " + e.getMessage());
        }
        try {
            JoseRules.critical(issuerJwt.header(), "the issuer JWT's");
        } catch (MalformedTokenException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: " + e.getMessage());
        }
        p.trace.add("form: issuer JWT, " + presentation.disclosures().size() + " disclosure(s), "
                + (presentation.keyBindingJwt().isPresent() ? "a KB-JWT" : "no KB-JWT"));
        Object iss = issuerJwt.claims().get("iss");
        if (iss != null && !(iss instanceof String)) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: iss is not a string");
        }
        p.issuer = Optional.ofNullable((String) iss);
        p.vct = issuerJwt.claim("vct");
        String algorithm = issuerJwt.algorithm().orElse("(none)");
        if (!ALLOWED_ALGORITHMS.contains(algorithm)) {
            return p.reject(CredentialCode.INVALID_SIGNATURE, "signature: algorithm " + algorithm + " is not allowed " + ALLOWED_ALGORITHMS.stream().sorted().toList());
        }
        if (vc) {
            // draft-ietf-oauth-sd-jwt-vc §3.2.1 (typ, compared as RFC 7515 §4.1.9 says) and §3.2.2.1.1 (vct).
            String type = issuerJwt.type().orElse("(none)");
            if (!CREDENTIAL_TYPES.contains(JoseRules.mediaType(issuerJwt.type()).orElse("(none)"))) {
                return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: typ " + type + " is not dc+sd-jwt (or the legacy vc+sd-jwt)");
            }
            if (p.vct.isEmpty()) {
                return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "form: no vct (credential type) string");
            }
            p.trace.add("form: typ " + type + ", vct " + p.vct.get() + p.issuer.map(i -> ", iss " + i).orElse(", no iss"));
        }

        // 2. The issuer key: the x5c chain decided like a certificate, or the key given.
        byte[] issuerKey;
        if (trust instanceof IssuerTrust.FixedKey fixed) {
            issuerKey = fixed.subjectPublicKeyInfo();
            p.trustSource = Optional.of(CredentialVerdict.SOURCE_KEY);
            p.trace.add("issuer key: given out of band (no certificate chain, no trusted list)");
        } else if (trust instanceof IssuerTrust.TrustSourceLists lists) {
            Optional<CredentialVerdict> rejected = issuerOnLists(lists, issuerJwt, presentation, check, p);
            if (rejected.isPresent()) {
                return rejected.get();
            }
            issuerKey = p.issuerKey;
        } else {
            IssuerTrust.CertificateChain roles = (IssuerTrust.CertificateChain) trust;
            CredentialKind kind = roles.issuers().kinds().kindOf(p.vct.orElseThrow());
            p.trace.add("kind: " + kind.code() + " (" + roles.issuers().kinds().describe() + ")");
            Optional<List<String>> chain;
            ChainDecisions.Decided decided;
            try {
                chain = x5c(issuerJwt.header());
                if (chain.isEmpty()) {
                    return p.reject(CredentialCode.MISSING_CERTIFICATE_CHAIN, "x5c: the issuer JWT carries no certificate chain");
                }
                decided = chains.orElseThrow().decide(chain.get(), time);
            } catch (MalformedTokenException | IllegalArgumentException e) {
                return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "x5c: " + (e instanceof IllegalArgumentException ? "an entry is not base64" : e.getMessage()));
            }
            p.certificate = Optional.of(decided.verdict());
            p.leafNames = decided.leafNames();
            p.trace.add("x5c: " + chain.get().size() + " certificate(s); certificate decision: "
                    + (decided.verdict().trusted() ? "trusted" : "not trusted (" + decided.verdict().code().code() + ")")
                    + decided.verdict().territory().map(t -> " via " + t + " / " + decided.verdict().provider().orElse("?")).orElse(""));
            p.trustSource = decided.verdict().service().map(service -> "plain_anchor".equals(service.standing())
                    ? CredentialVerdict.SOURCE_ANCHOR : "TL");
            IssuerRole role = IssuerRole.judge(roles.issuers().trust(), kind, decided.verdict());
            p.trace.add(role.line());
            if (!decided.verdict().trusted()) {
                return p.reject(certificateCode(decided.verdict().code()), "x5c: the issuer certificate is not trusted: see certificate.trace");
            }
            if (!role.holds()) {
                return p.reject(CredentialCode.ISSUER_NOT_TRUSTED, "issuer role: the " + kind.code()
                        + " issuer is not trusted: its chain ends at a service without the role the policy needs");
            }
            if (decided.leafKey().isEmpty()) {
                return p.reject(CredentialCode.INVALID_CERTIFICATE_CHAIN, "x5c: the leaf's key cannot be read");
            }
            issuerKey = decided.leafKey().get();
        }

        // 3. The issuer signature (RFC 9901 §7.1 step 2).
        if (!jose.verifies(issuerJwt, issuerKey)) {
            return p.reject(CredentialCode.INVALID_SIGNATURE, "signature: the issuer JWT's " + algorithm + " signature does not verify with the issuer key");
        }
        p.trace.add("signature: " + algorithm + " verifies with the issuer key");

        // 4. Validity times (RFC 7519 §4.1.4–6, with the clock skew).
        Optional<String> timeProblem;
        String times;
        try {
            timeProblem = timeProblem(issuerJwt.claims(), check);
            times = describeTimes(issuerJwt.claims());
        } catch (MalformedTokenException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "times: " + e.getMessage());
        }
        if (timeProblem.isPresent()) {
            return p.reject(CredentialCode.CREDENTIAL_EXPIRED, "times: " + timeProblem.get());
        }
        p.trace.add("times: " + times + " — valid at " + time);

        // 5. Disclosures (RFC 9901 §7.1 steps 3–5).
        SelectiveDisclosures.Processed processed;
        try {
            processed = disclosures.process(issuerJwt.claims(), presentation.disclosures());
        } catch (DisclosureException e) {
            return p.reject(CredentialCode.INVALID_DISCLOSURE, "disclosures: " + e.getMessage());
        }
        for (String name : JoseRules.NOT_DISCLOSABLE) {
            if (processed.claims().containsKey(name) && !issuerJwt.claims().containsKey(name)) {
                // A disclosed name is never also a plain claim (step 8), so it arrived through a disclosure.
                return p.reject(CredentialCode.INVALID_DISCLOSURE, "disclosures: " + name + " arrives through a disclosure; "
                        + JoseRules.NOT_DISCLOSABLE.stream().sorted().toList() + " must not be selectively disclosed "
                        + "(draft-ietf-oauth-sd-jwt-vc §3.2.2.2)");
            }
        }
        p.claims = processed.claims();
        p.trace.add("disclosures: " + processed.disclosed() + " disclosed with " + processed.algorithm().registryName()
                + ", each referenced exactly once");

        // 6. Key binding (RFC 9901 §7.3).
        Optional<String> bindingProblem = keyBinding(presentation, processed, check, p);
        if (bindingProblem.isPresent()) {
            return p.reject(CredentialCode.INVALID_HOLDER_BINDING, "key binding: " + bindingProblem.get());
        }

        if (!vc) {
            p.trace.add("metadata and status: not checked for a plain SD-JWT with a given key");
            return p.accept();
        }

        // 7. Issuer metadata (draft-ietf-oauth-sd-jwt-vc §5; OpenID4VCI §12.2).
        Optional<String> metadataProblem = metadata(p, issuerKey);
        if (metadataProblem.isPresent()) {
            return p.reject(CredentialCode.ISSUER_METADATA_MISMATCH, "metadata: " + metadataProblem.get());
        }

        // 7b. iss bound to the signing key (issue 13.2; draft-ietf-oauth-sd-jwt-vc, Issuer Signature Mechanisms).
        Optional<String> unbound = binding(p);
        if (unbound.isPresent()) {
            return p.reject(CredentialCode.ISSUER_NOT_BOUND, "issuer binding: " + unbound.get());
        }

        // 8. Status (draft-ietf-oauth-status-list §8.2).
        return status(p, issuerKey, issuerJwt, check);
    }

    /**
     * Step 2 with lists of trusted entities: the credential's kind (from its vct) chooses the lists,
     * the issuer's x5c chain must end at a service on one of them whose status counts at issuance
     * (iat; the validation time when the credential gives none). The iat read here is not yet
     * verified: a forged one fails the signature step that follows.
     */
    private Optional<CredentialVerdict> issuerOnLists(IssuerTrust.TrustSourceLists lists, SignedJwt issuerJwt,
                                                      SdJwtPresentation presentation, CredentialCheck check, Progress p) {
        List<byte[]> chain;
        Instant issuedAt;
        try {
            Optional<List<String>> x5c = x5c(issuerJwt.header());
            if (x5c.isEmpty()) {
                return Optional.of(p.reject(CredentialCode.MISSING_CERTIFICATE_CHAIN, "x5c: the issuer JWT carries no certificate chain"));
            }
            chain = x5c.get().stream().map(java.util.Base64.getDecoder()::decode).toList();
        } catch (MalformedTokenException e) {
            return Optional.of(p.reject(CredentialCode.MALFORMED_CREDENTIAL, "x5c: " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            return Optional.of(p.reject(CredentialCode.MALFORMED_CREDENTIAL, "x5c: an entry is not base64"));
        }
        try {
            issuedAt = issuanceForStatus(issuerJwt, presentation, check, p);
        } catch (MalformedTokenException e) {
            return Optional.of(p.reject(CredentialCode.MALFORMED_CREDENTIAL, "times: " + e.getMessage()));
        }
        CredentialKind kind = lists.kinds().kindOf(p.vct.orElseThrow());
        p.trace.add("kind: " + kind.code() + " (" + lists.kinds().describe() + ")");
        IssuerTrustVerdict verdict = lists.issuers().check(new IssuerTrustQuery(kind, IssuerKey.chain(chain), issuedAt,
                check.validationTime()));
        p.issuerTrust = Optional.of(verdict);
        p.trustSource = verdict.trustSource();
        verdict.trace().forEach(line -> p.trace.add("issuer trust: " + line));
        if (!verdict.trusted()) {
            return Optional.of(p.reject(certificateCode(verdict.code()), "issuer trust: the " + kind.code()
                    + " issuer is not trusted through the lists the policy names"
                    + verdict.list().map(l -> " (found on " + l.type() + " " + l.territory() + " seq " + l.sequenceNumber()
                            + " at " + l.location() + ")").orElse("")));
        }
        Optional<byte[]> leafKey = ChainDecisions.leafKey(chain.get(0));
        if (leafKey.isEmpty()) {
            return Optional.of(p.reject(CredentialCode.INVALID_CERTIFICATE_CHAIN, "x5c: the leaf's key cannot be read"));
        }
        p.issuerKey = leafKey.get();
        p.leafNames = LeafNames.of(chain.get(0));
        return Optional.empty();
    }

    /**
     * Issue 13.7: when the issuer's status is judged. {@code iat} is asserted by the issuer itself (and not yet verified
     * here), so it counts only when it is not after the validation time and not after the KB-JWT's {@code iat} (nothing
     * is presented before it is issued); otherwise, or without one, the validation time counts.
     */
    private Instant issuanceForStatus(SignedJwt issuerJwt, SdJwtPresentation presentation, CredentialCheck check,
                                             Progress p) throws MalformedTokenException {
        Instant time = check.validationTime();
        Optional<Instant> iat = numericDate(issuerJwt.claims(), "iat");
        if (iat.isEmpty()) {
            p.trace.add("issuance: no iat; the issuer's status is judged at the validation time " + time);
            return time;
        }
        if (iat.get().isAfter(time)) {
            p.trace.add("issuance: iat " + iat.get() + " (issuer-asserted) is after the validation time; the issuer's status is judged at "
                    + time);
            return time;
        }
        Optional<Instant> keyBinding = Optional.empty();
        if (presentation.keyBindingJwt().isPresent()) {
            try {
                keyBinding = numericDate(jwtClaims(presentation.keyBindingJwt().get()), "iat");
            } catch (MalformedTokenException e) {
                keyBinding = Optional.empty(); // the key-binding step refuses it
            }
        }
        if (keyBinding.isPresent() && iat.get().isAfter(keyBinding.get())) {
            p.trace.add("issuance: iat " + iat.get() + " (issuer-asserted) is after the KB-JWT's iat " + keyBinding.get()
                    + "; the issuer's status is judged at the validation time " + time);
            return time;
        }
        p.trace.add("issuance: iat " + iat.get() + " (issuer-asserted; not after the validation time"
                + (keyBinding.isPresent() ? " nor the KB-JWT's iat" : "") + "): the issuer's status is judged then");
        return iat.get();
    }

    private static CredentialCode certificateCode(VerdictCode code) {
        return switch (code) {
            case ISSUER_NOT_TRUSTED, LIST_NOT_TRUSTED -> CredentialCode.ISSUER_NOT_TRUSTED;
            case NOT_QUALIFIED_CERTIFICATE -> CredentialCode.NOT_QUALIFIED_CERTIFICATE;
            case CERTIFICATE_REVOKED -> CredentialCode.CERTIFICATE_REVOKED;
            // Broken, expired, not yet valid, weak, malformed, or any code added later: the chain does not hold (fail closed).
            default -> CredentialCode.INVALID_CERTIFICATE_CHAIN;
        };
    }

    /** RFC 7515 §4.1.6: x5c is an array of base64 (not base64url) DER certificates, the signer's first. */
    private static Optional<List<String>> x5c(Map<String, Object> header) throws MalformedTokenException {
        Object value = header.get("x5c");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> entries) || entries.isEmpty()) {
            throw new MalformedTokenException("x5c is not a non-empty array");
        }
        if (entries.size() > 10) {
            throw new MalformedTokenException("x5c holds more than 10 certificates");
        }
        List<String> chain = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (!(entry instanceof String text)) {
                throw new MalformedTokenException("an x5c entry is not a string");
            }
            chain.add(text);
        }
        return Optional.of(chain);
    }

    private static Optional<String> timeProblem(Map<String, Object> claims, CredentialCheck check) throws MalformedTokenException {
        Instant time = check.validationTime();
        Optional<Instant> exp = numericDate(claims, "exp");
        Optional<Instant> nbf = numericDate(claims, "nbf");
        Optional<Instant> iat = numericDate(claims, "iat");
        if (exp.isPresent() && !time.isBefore(exp.get().plus(check.clockSkew()))) {
            return Optional.of("expired at " + exp.get() + " (exp), before the validation time " + time);
        }
        if (nbf.isPresent() && time.isBefore(nbf.get().minus(check.clockSkew()))) {
            return Optional.of("not valid before " + nbf.get() + " (nbf), after the validation time " + time);
        }
        if (iat.isPresent() && time.isBefore(iat.get().minus(check.clockSkew()))) {
            return Optional.of("issued at " + iat.get() + " (iat), after the validation time " + time);
        }
        return Optional.empty();
    }

    private static String describeTimes(Map<String, Object> claims) throws MalformedTokenException {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("iat", "nbf", "exp")) {
            Optional<Instant> at = numericDate(claims, name);
            if (at.isPresent()) {
                parts.add(name + " " + at.get());
            }
        }
        return parts.isEmpty() ? "no iat, nbf or exp" : String.join(", ", parts);
    }

    private static Optional<Instant> numericDate(Map<String, Object> claims, String name) throws MalformedTokenException {
        return JoseRules.numericDate(claims, name);
    }

    private Optional<String> keyBinding(SdJwtPresentation presentation, SelectiveDisclosures.Processed processed,
                                        CredentialCheck check, Progress p) {
        if (presentation.keyBindingJwt().isEmpty()) {
            if (check.requireKeyBinding()) {
                return Optional.of("required, but the presentation has no KB-JWT");
            }
            p.trace.add("key binding: no KB-JWT; not required, so the holder is not proven");
            return Optional.empty();
        }
        SignedJwt kb;
        try {
            kb = jose.read(presentation.keyBindingJwt().get());
        } catch (MalformedTokenException e) {
            return Optional.of("the KB-JWT is not a JWS: " + e.getMessage());
        }
        try {
            JoseRules.critical(kb.header(), "the KB-JWT's");
        } catch (MalformedTokenException e) {
            return Optional.of(e.getMessage());
        }
        if (!KEY_BINDING_TYPE.equals(JoseRules.mediaType(kb.type()).orElse(null))) {
            return Optional.of("the KB-JWT's typ is " + kb.type().orElse("(none)") + ", not kb+jwt");
        }
        if (!ALLOWED_ALGORITHMS.contains(kb.algorithm().orElse(""))) {
            return Optional.of("the KB-JWT's algorithm " + kb.algorithm().orElse("(none)") + " is not allowed");
        }
        if (!(processed.claims().get("cnf") instanceof Map<?, ?> cnf) || !(cnf.get("jwk") instanceof Map<?, ?> jwk)) {
            return Optional.of("the issuer JWT has no cnf.jwk holder key");
        }
        byte[] holderKey;
        try {
            holderKey = jose.publicKeyInfo(stringKeys(jwk));
        } catch (MalformedTokenException e) {
            return Optional.of("cnf.jwk is not a usable public key: " + e.getMessage());
        }
        if (!jose.verifies(kb, holderKey)) {
            return Optional.of("the KB-JWT's signature does not verify with the key in cnf.jwk");
        }
        Optional<Instant> iat;
        try {
            iat = numericDate(kb.claims(), "iat");
        } catch (MalformedTokenException e) {
            return Optional.of("the KB-JWT's " + e.getMessage());
        }
        // Freshness by the verifier's clock when it received the presentation, never by a past validation time (issue 13.8).
        Instant time = check.presentedAt();
        if (iat.isEmpty()) {
            return Optional.of("the KB-JWT has no iat");
        }
        if (time.isBefore(iat.get().minus(check.clockSkew()))) {
            return Optional.of("the KB-JWT was made at " + iat.get() + ", after it was received (" + time + ", verifier's clock)");
        }
        Instant freshUntil = iat.get().plus(check.keyBindingMaxAge()).plus(check.clockSkew());
        if (freshUntil.isBefore(time)) {
            return Optional.of("the KB-JWT was made at " + iat.get() + ", more than " + check.keyBindingMaxAge().toSeconds()
                    + " s before it was received (" + time + ", verifier's clock)");
        }
        if (check.audience().isEmpty() || check.nonce().isEmpty()) {
            return Optional.of("the verifier gave no expected audience and nonce to check the KB-JWT against");
        }
        if (!check.audience().get().equals(kb.claims().get("aud"))) {
            return Optional.of("the KB-JWT's aud " + kb.claims().get("aud") + " is not this verifier (" + check.audience().get() + ")");
        }
        if (!check.nonce().get().equals(kb.claims().get("nonce"))) {
            return Optional.of("the KB-JWT's nonce is not the one this verifier gave");
        }
        String expected = processed.algorithm().digest(presentation.sdHashInput());
        if (!expected.equals(kb.claims().get("sd_hash"))) {
            return Optional.of("the KB-JWT's sd_hash does not match the presented SD-JWT (" + processed.algorithm().registryName() + ")");
        }
        if (replays.isPresent()) {
            ReplayGuard.Seen seen = replays.get().present(check.nonce().get(), expected, time, freshUntil);
            if (seen == ReplayGuard.Seen.REPLAYED) {
                return Optional.of("replayed: this verifier accepted the same nonce and sd_hash before (until " + freshUntil
                        + " it refuses them again)");
            }
            if (seen == ReplayGuard.Seen.FULL) {
                return Optional.of("the replay cache is full of fresh presentations: this one cannot be shown not to be replayed (fail closed)");
            }
        }
        p.holderBound = true;
        p.trace.add("key binding: KB-JWT " + kb.algorithm().get() + " verifies with cnf.jwk; aud, nonce, iat " + iat.get() + " and sd_hash match"
                + (replays.isPresent() ? "; first presentation of this nonce and sd_hash" : "")
                + (time.equals(check.validationTime()) ? "" : "; fresh when received at " + time));
        return Optional.empty();
    }

    private Optional<String> metadata(Progress p, byte[] issuerKey) {
        if (p.issuer.isEmpty()) {
            p.trace.add("metadata: no iss, nothing to look up");
            return Optional.empty();
        }
        String issuer = p.issuer.get();
        MetadataLookup lookup = metadata.lookup(issuer, p.budget.remaining());
        if (lookup instanceof MetadataLookup.Skipped skipped) {
            p.trace.add("metadata: skipped (" + skipped.reason() + ")");
            p.metadataMissing = Optional.of("skipped: " + skipped.reason());
            return Optional.empty();
        }
        if (lookup instanceof MetadataLookup.Broken broken) {
            return Optional.of("unusable issuer metadata: " + broken.reason());
        }
        MetadataLookup.Found found = (MetadataLookup.Found) lookup;
        found.notes().forEach(note -> p.trace.add("metadata: " + note));
        if (found.documents().isEmpty()) {
            p.trace.add("metadata: the issuer publishes none (optional when the key comes from x5c)");
            p.metadataMissing = Optional.of("the issuer publishes none");
            return Optional.empty();
        }
        for (IssuerMetadata document : found.documents()) {
            if (!issuer.equals(document.declaredIssuer())) {
                return Optional.of(document.location() + " declares issuer " + document.declaredIssuer() + ", not " + issuer);
            }
            if (document.keys().isPresent()) {
                boolean published = false;
                for (Map<String, Object> jwk : document.keys().get()) {
                    try {
                        published |= Arrays.equals(jose.publicKeyInfo(jwk), issuerKey);
                    } catch (MalformedTokenException e) {
                        p.trace.add("metadata: a published key is not usable and is ignored: " + e.getMessage());
                    }
                }
                if (!published) {
                    return Optional.of(document.location() + " publishes " + document.keys().get().size()
                            + " key(s), none of them the key that signed the credential");
                }
            }
            p.trace.add("metadata: " + document.location() + " matches iss" + (document.keys().isPresent() ? " and publishes the signing key" : ""));
            if (document.keys().isPresent() && p.keyPublishedAt.isEmpty()) {
                p.keyPublishedAt = Optional.of(document.location());
            }
        }
        return Optional.empty();
    }

    /**
     * Issue 13.2: is {@code iss} bound to the key that signed the credential? By the policy's
     * {@code issuerBinding}: a SAN URI or dNSName of the leaf certificate that matches it (same
     * origin), or verified issuer metadata for it that publishes the signing key. The trace says
     * what bound it.
     */
    private Optional<String> binding(Progress p) {
        IssuerBinding mode = trust instanceof IssuerTrust.CertificateChain chain ? chain.issuers().binding()
                : trust instanceof IssuerTrust.TrustSourceLists lists ? lists.binding() : IssuerBinding.NONE;
        String policy = "policy issuerBinding " + mode.code();
        if (p.issuer.isEmpty()) {
            p.trace.add("issuer binding: no iss, nothing to bind (" + policy + ")");
            return Optional.empty();
        }
        String iss = p.issuer.get();
        if (mode == IssuerBinding.NONE) {
            p.trace.add("issuer binding: not checked (" + policy + "): iss " + iss + " is only the issuer's claim");
            return Optional.empty();
        }
        String metadata = p.keyPublishedAt.map(at -> "verified issuer metadata " + at + " publishes the signing key")
                .orElse("no verified issuer metadata publishes the signing key ("
                        + p.metadataMissing.orElse("the documents publish no keys") + ")");
        boolean byMetadata = p.keyPublishedAt.isPresent();
        Optional<String> bySan = p.leafNames.matching(iss);
        String san = "the leaf certificate's SAN has " + p.leafNames.describe();
        switch (mode) {
            case CERTIFICATE -> {
                if (bySan.isEmpty()) {
                    return Optional.of("iss " + iss + " is not bound to the signing key (" + policy + "): " + san
                            + ", none of the same origin");
                }
                p.trace.add("issuer binding: iss " + iss + " bound by " + bySan.get() + " (" + policy + ")");
            }
            case METADATA -> {
                if (!byMetadata) {
                    return Optional.of("iss " + iss + " is not bound to the signing key (" + policy + "): " + metadata);
                }
                p.trace.add("issuer binding: iss " + iss + " bound by " + metadata + " (" + policy + ")");
            }
            default -> {
                if (!p.leafNames.isEmpty()) {
                    if (bySan.isEmpty()) {
                        return Optional.of("iss " + iss + " is not bound to the signing key (" + policy + "): " + san
                                + ", none of the same origin (a certificate that names its holder binds it to those names only)");
                    }
                    p.trace.add("issuer binding: iss " + iss + " bound by " + bySan.get() + " (" + policy + ")");
                } else if (!byMetadata) {
                    return Optional.of("iss " + iss + " is not bound to the signing key (" + policy + "): the leaf certificate has "
                            + "no SAN URI or dNSName and " + metadata);
                } else {
                    p.trace.add("issuer binding: iss " + iss + " bound by " + metadata + " (" + policy
                            + "; the leaf certificate has no SAN URI or dNSName)");
                }
            }
        }
        return Optional.empty();
    }

    private CredentialVerdict status(Progress p, byte[] issuerKey, SignedJwt issuerJwt, CredentialCheck check) {
        Optional<StatusReference> reference;
        try {
            reference = StatusReference.in(p.claims);
        } catch (IllegalArgumentException e) {
            return p.reject(CredentialCode.MALFORMED_CREDENTIAL, "status: " + e.getMessage());
        }
        if (reference.isEmpty()) {
            p.trace.add("status: the credential names no status list");
            return p.accept();
        }
        StatusReference ref = reference.get();
        p.status = CredentialStatus.unchecked(ref);
        CredentialStatusMode mode = check.statusMode();
        String entry = "index " + ref.index() + " of " + ref.uri();
        if (mode == CredentialStatusMode.OFF) {
            p.trace.add("status: " + entry + " not checked (credentialStatus off)");
            return p.accept();
        }
        StatusListFetch fetch = statusLists.fetch(ref.uri(), p.budget.remaining());
        if (fetch instanceof StatusListFetch.Skipped skipped) {
            return unavailable(p, mode, entry + " not checked (" + skipped.reason() + ")");
        }
        if (fetch instanceof StatusListFetch.Failed failed) {
            return unavailable(p, mode, failed.reason());
        }
        StatusListFetch.Fetched fetched = (StatusListFetch.Fetched) fetch;
        p.status = CredentialStatus.unchecked(ref, fetched);
        StatusList list;
        try {
            list = statusList(fetched, ref, issuerKey, issuerJwt, check, p);
        } catch (MalformedTokenException e) {
            // A cached token may come from a store shared by replicas (issue 17.4: storage, not trust): once, anew.
            StatusListFetch again = StatusListFetch.Fetched.CACHE.equals(fetched.source())
                    ? statusLists.fetchAnew(ref.uri(), p.budget.remaining()) : fetch;
            if (!(again instanceof StatusListFetch.Fetched fresh) || fresh.token().equals(fetched.token())) {
                return unavailable(p, mode, "the status list token of " + ref.uri() + " is not usable: " + e.getMessage());
            }
            p.trace.add("status: the cached status list token of " + ref.uri() + " is not usable (" + e.getMessage()
                    + "): fetched anew");
            fetched = fresh;
            p.status = CredentialStatus.unchecked(ref, fetched);
            try {
                list = statusList(fetched, ref, issuerKey, issuerJwt, check, p);
            } catch (MalformedTokenException retried) {
                return unavailable(p, mode, "the status list token of " + ref.uri() + " is not usable: " + retried.getMessage());
            }
        }
        OptionalInt value = list.status(ref.index());
        if (value.isEmpty()) {
            return unavailable(p, mode, "index " + ref.index() + " is beyond the list's " + list.size() + " entries");
        }
        String where = "status: " + entry + " (" + list.bits() + " bit(s) each, token " + fetched.source() + " "
                + fetched.fetchedAt() + ") is " + value.getAsInt();
        return switch (value.getAsInt()) {
            case StatusList.VALID -> {
                p.status = CredentialStatus.read(ref, fetched, value.getAsInt());
                p.trace.add(where + " (VALID)");
                yield p.accept();
            }
            case StatusList.INVALID -> {
                p.status = CredentialStatus.read(ref, fetched, value.getAsInt());
                yield p.reject(CredentialCode.CREDENTIAL_REVOKED, where + " (INVALID: revoked)");
            }
            case StatusList.SUSPENDED -> {
                p.status = CredentialStatus.read(ref, fetched, value.getAsInt());
                yield p.reject(CredentialCode.CREDENTIAL_SUSPENDED, where + " (SUSPENDED)");
            }
            default -> unavailable(p, mode, where + ": a value this verifier cannot interpret");
        };
    }

    /**
     * The status could not be established: under {@code require} the credential is not valid
     * (fail closed); under {@code prefer} it is, with a warning in the trace.
     */
    private static CredentialVerdict unavailable(Progress p, CredentialStatusMode mode, String why) {
        String line = why.startsWith("status: ") ? why : "status: " + why;
        if (mode == CredentialStatusMode.PREFER) {
            p.trace.add(line);
            p.trace.add("status: warning: the status could not be established; accepted because credentialStatus is prefer");
            return p.accept();
        }
        return p.reject(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE, line + " — credentialStatus require: not valid (fail closed)");
    }

    /**
     * Verifies the Status List Token (draft-ietf-oauth-status-list §8.3): typ statuslist+jwt; a
     * signature by the credential's issuer — the same key, or an x5c chain through the same
     * issuing CA as the credential's — or by a status service of the same provider on the issuer's
     * trusted list (issue 13.4: a chain the policy trusts is not enough by itself); sub equal to
     * the referenced uri; not expired at the time it is used (never a caller's past validation
     * time); then decodes its list.
     */
    private StatusList statusList(StatusListFetch.Fetched fetched, StatusReference ref, byte[] issuerKey, SignedJwt issuerJwt,
                                  CredentialCheck check, Progress p) throws MalformedTokenException {
        SignedJwt jwt = jose.read(fetched.token());
        JoseRules.critical(jwt.header(), "its");
        if (!STATUS_LIST_TYPE.equals(JoseRules.mediaType(jwt.type()).orElse(null))) {
            throw new MalformedTokenException("typ is " + jwt.type().orElse("(none)") + ", not statuslist+jwt");
        }
        if (!ALLOWED_ALGORITHMS.contains(jwt.algorithm().orElse(""))) {
            throw new MalformedTokenException("algorithm " + jwt.algorithm().orElse("(none)") + " is not allowed");
        }
        byte[] key = issuerKey;
        String signer = "the credential issuer's key";
        Optional<List<String>> chain = x5c(jwt.header());
        if (chain.isPresent()) {
            if (chains.isEmpty()) {
                throw new MalformedTokenException("it is signed by an x5c chain and no certificate decisions are configured to decide it");
            }
            ChainDecisions.Decided decided;
            try {
                decided = chains.get().decide(chain.get(), check.validationTime());
            } catch (IllegalArgumentException e) {
                throw new MalformedTokenException("an x5c entry is not base64");
            }
            if (!decided.verdict().trusted() || decided.leafKey().isEmpty()) {
                throw new MalformedTokenException("its x5c certificate is not trusted (" + decided.verdict().code().code() + ")");
            }
            key = decided.leafKey().get();
            signer = statusSigner(key, issuerKey, chain.get(), x5c(issuerJwt.header()), decided.verdict(), p)
                    .orElseThrow(() -> new MalformedTokenException("its signer is not the credential's issuer: not the same key, "
                            + "not issued by the credential's issuing CA, nor a service of the issuer's provider on its trusted list"
                            + " (a chain the policy trusts is not enough)"));
        }
        if (!jose.verifies(jwt, key)) {
            throw new MalformedTokenException("its signature does not verify with " + signer);
        }
        if (!ref.uri().equals(jwt.claims().get("sub"))) {
            throw new MalformedTokenException("its sub " + jwt.claims().get("sub") + " is not the referenced uri");
        }
        if (numericDate(jwt.claims(), "iat").isEmpty()) {
            throw new MalformedTokenException("it has no iat");
        }
        Optional<Instant> exp = numericDate(jwt.claims(), "exp");
        // draft-ietf-oauth-status-list §8.3 step 4: exp against the time the token is used, not a past validation time.
        if (exp.isPresent() && !fetched.usedAt().isBefore(exp.get().plus(check.clockSkew()))) {
            throw new MalformedTokenException("it expired at " + exp.get() + " (used at " + fetched.usedAt() + ")");
        }
        if (!(jwt.claims().get("status_list") instanceof Map<?, ?> statusList) || !(statusList.get("bits") instanceof Number bits)
                || !(statusList.get("lst") instanceof String lst)) {
            throw new MalformedTokenException("no status_list {bits, lst}");
        }
        p.trace.add("status: the status list token is signed by " + signer);
        try {
            return StatusList.decode(bits.intValue(), lst);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException(e.getMessage());
        }
    }

    /** The payload of a compact JWS, read without verifying it (only to compare its iat; verified later). */
    private Map<String, Object> jwtClaims(String compact) throws MalformedTokenException {
        return jose.read(compact).claims();
    }

    /** Who signed a status list token that carries its own x5c, when it is the credential's issuer. */
    private static Optional<String> statusSigner(byte[] tokenKey, byte[] issuerKey, List<String> tokenChain,
                                                 Optional<List<String>> issuerChain, CertificateVerdict tokenVerdict, Progress p) {
        if (Arrays.equals(tokenKey, issuerKey)) {
            return Optional.of("the credential issuer's key (in its own x5c)");
        }
        if (issuerChain.isPresent() && issuerChain.get().size() > 1 && tokenChain.size() > 1
                && issuerChain.get().get(1).equals(tokenChain.get(1))) {
            return Optional.of("a certificate of the credential's issuing CA (same certificate chain)");
        }
        if (p.certificate.isPresent() && p.certificate.get().provider().isPresent()
                && p.certificate.get().provider().equals(tokenVerdict.provider())
                && p.certificate.get().territory().equals(tokenVerdict.territory())) {
            return Optional.of("a service of the issuer's provider " + tokenVerdict.provider().get() + " on its trusted list");
        }
        return Optional.empty();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
