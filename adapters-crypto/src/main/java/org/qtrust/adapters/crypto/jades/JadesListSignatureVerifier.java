package org.qtrust.adapters.crypto.jades;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;

/**
 * Verifies the JWS (JAdES baseline, TS 119 602 §6.8 and the EU profiles' "compact JAdES
 * baseline B") of a JSON list of trusted entities with jose4j. Compact serialization, or JSON
 * serialization with exactly one signature (flattened or general).
 *
 * <ul>
 *   <li>Only asymmetric algorithms of the allow-list ({@link #ALLOWED_ALGORITHMS}); "none", HMAC
 *       and anything else are refused before any cryptography.</li>
 *   <li>Only the protected header counts: an unprotected header cannot name the key.</li>
 *   <li>The signer is the certificate of {@code x5c} (its first entry), or the expected signer
 *       whose SHA-256 thumbprint {@code x5t#S256} gives, or — with only a {@code kid} or no key
 *       reference at all — each expected signer's key in turn. VALID only for an expected signer
 *       (equal DER); a sound signature by another key is SIGNER_NOT_TRUSTED.</li>
 *   <li>Unencoded payloads ({@code b64: false}) and critical headers other than JAdES {@code sigT}
 *       are refused; so are an {@code x5t#S256} that names another certificate than {@code x5c}'s
 *       first and a {@code sigT} that is not a UTC date-time (which otherwise only goes into the trace).</li>
 * </ul>
 * Thread-safe: nothing is shared between calls.
 */
public final class JadesListSignatureVerifier implements LoteSignatureVerifier {

    /** ETSI TS 119 312 / RFC 7518 asymmetric signature algorithms. */
    public static final Set<String> ALLOWED_ALGORITHMS = Set.of(
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512,
            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512);

    /** Lists are small; a JWS larger than this is refused unread. */
    public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

    private final int maxBytes;

    public JadesListSignatureVerifier() {
        this(DEFAULT_MAX_BYTES);
    }

    public JadesListSignatureVerifier(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(expectedSigners, "expectedSigners");
        try {
            return verifyCompact(compactForm(document), expectedSigners);
        } catch (Refusal refusal) {
            return SignatureCheck.failed(refusal.failure, Optional.empty(), "", refusal.getMessage());
        } catch (RuntimeException unexpected) {
            return SignatureCheck.failed(Failure.UNREADABLE, Optional.empty(), "",
                    "the JWS could not be processed: " + unexpected.getClass().getSimpleName());
        }
    }

    /** The one signature as "protected.payload.signature", whichever serialization carried it. */
    private String compactForm(ListDocument document) throws Refusal {
        byte[] content = document.content();
        if (content.length > maxBytes) {
            throw new Refusal(Failure.UNREADABLE, "the document has " + content.length + " bytes, more than the "
                    + maxBytes + " allowed");
        }
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (!text.startsWith("{")) {
            if (text.split("\\.", -1).length != 3) {
                throw new Refusal(Failure.UNREADABLE, "not a JWS in compact serialization (three base64url parts)");
            }
            return text;
        }
        Map<String, Object> json;
        try {
            json = JsonUtil.parseJson(text);
        } catch (JoseException e) {
            throw new Refusal(Failure.UNREADABLE, "the document is not JSON: " + e.getMessage());
        }
        if (!json.containsKey("payload")) {
            throw new Refusal(Failure.MISSING, "the JSON list is not wrapped in a JWS: it carries no signature");
        }
        Object signatures = json.get("signatures");
        Map<?, ?> signature = json;
        if (signatures != null) {
            if (!(signatures instanceof List<?> list) || list.isEmpty()) {
                throw new Refusal(Failure.MISSING, "the JWS JSON serialization has no signature");
            }
            if (list.size() > 1) {
                throw new Refusal(Failure.MULTIPLE_SIGNATURES, "the JWS carries " + list.size() + " signatures; a list has one");
            }
            if (!(list.get(0) instanceof Map<?, ?> only)) {
                throw new Refusal(Failure.UNREADABLE, "the JWS signature entry is not an object");
            }
            signature = only;
        }
        Object protectedHeader = signature.get("protected");
        Object value = signature.get("signature");
        Object payload = json.get("payload");
        if (!(protectedHeader instanceof String) || !(value instanceof String) || !(payload instanceof String)) {
            throw new Refusal(protectedHeader == null ? Failure.FORBIDDEN_CONSTRUCT : Failure.UNREADABLE,
                    "the JWS needs a protected header, a payload and a signature value, all strings");
        }
        return protectedHeader + "." + payload + "." + value;
    }

    private SignatureCheck verifyCompact(String compact, List<ServiceCertificate> expectedSigners) throws Refusal {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(compact);
        } catch (JoseException e) {
            throw new Refusal(Failure.UNREADABLE, "the JWS is malformed: " + e.getMessage());
        }
        String algorithm = jws.getAlgorithmHeaderValue();
        if (algorithm == null || !ALLOWED_ALGORITHMS.contains(algorithm)) {
            throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "signature algorithm '" + algorithm + "' is not accepted (allowed: "
                    + ALLOWED_ALGORITHMS.stream().sorted().toList() + ")");
        }
        if (Boolean.FALSE.equals(jws.getHeaders().getObjectHeaderValue("b64"))) {
            throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "an unencoded payload (b64: false) is not accepted");
        }
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                ALLOWED_ALGORITHMS.toArray(String[]::new)));
        jws.setKnownCriticalHeaders("sigT");

        List<X509Certificate> x5c;
        try {
            x5c = jws.getCertificateChainHeaderValue();
        } catch (JoseException e) {
            throw new Refusal(Failure.UNREADABLE, "the x5c header does not hold certificates: " + e.getMessage());
        }
        String what = algorithm + " over the whole payload" + claimedSigningTime(jws);
        if (x5c != null && !x5c.isEmpty()) {
            X509Certificate named = x5c.get(0);
            String thumbprint = jws.getHeader("x5t#S256");
            if (thumbprint != null && !thumbprint.equals(thumbprint(ServiceCertificate.of(named)))) {
                // JAdES (TS 119 182-1 §5.1.7): x5t#S256 binds the signing certificate; one that names another certificate than x5c is a substitution.
                throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "x5t#S256 names another certificate than the first x5c entry "
                        + subject(named));
            }
            Optional<ServiceCertificate> expected = expectedSigners.stream().filter(e -> e.sameAs(named)).findFirst();
            boolean sound = verifies(jws, named.getPublicKey());
            if (!sound) {
                return SignatureCheck.failed(Failure.CRYPTOGRAPHIC_FAILURE, Optional.of(ServiceCertificate.of(named)), subject(named),
                        "the JWS signature does not verify with the key of the x5c certificate " + subject(named)
                                + ": the list was changed after signing");
            }
            if (expected.isEmpty()) {
                return SignatureCheck.failed(Failure.SIGNER_NOT_TRUSTED, Optional.of(ServiceCertificate.of(named)), subject(named),
                        "the JWS verifies with the key of " + subject(named) + ", which is not among the "
                                + expectedSigners.size() + " configured signers (" + what + ")");
            }
            return SignatureCheck.valid(expected.get(), subject(named), "verified with the key of the configured signer "
                    + subject(named) + " named in x5c: " + what);
        }
        List<ServiceCertificate> candidates = candidates(jws, expectedSigners);
        for (ServiceCertificate candidate : candidates) {
            X509Certificate certificate = candidate.toX509();
            if (verifies(jws, certificate.getPublicKey())) {
                return SignatureCheck.valid(candidate, subject(certificate), "verified with the key of the configured signer "
                        + subject(certificate) + " (" + (jws.getHeader("x5t#S256") != null ? "x5t#S256" : "kid or no key reference")
                        + "): " + what);
            }
        }
        return SignatureCheck.failed(Failure.SIGNER_NOT_TRUSTED, Optional.empty(), "", "the JWS names no certificate (x5c) and"
                + " verifies with none of the " + candidates.size() + " configured signers' keys it may refer to");
    }

    /** With x5t#S256 only the signer of that thumbprint; else every configured signer. */
    private static List<ServiceCertificate> candidates(JsonWebSignature jws, List<ServiceCertificate> expectedSigners) {
        String thumbprint = jws.getHeader("x5t#S256");
        if (thumbprint == null) {
            return expectedSigners;
        }
        List<ServiceCertificate> matching = new ArrayList<>();
        for (ServiceCertificate signer : expectedSigners) {
            if (thumbprint(signer).equals(thumbprint)) {
                matching.add(signer);
            }
        }
        return matching;
    }

    private static String thumbprint(ServiceCertificate certificate) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(certificate.der()));
    }

    /**
     * JAdES {@code sigT} (TS 119 182-1 §5.2.1): the claimed signing time, a UTC date-time. It is a
     * claim, not evidence, so it only goes into the trace — but a malformed one is refused.
     */
    private static String claimedSigningTime(JsonWebSignature jws) throws Refusal {
        Object sigT = jws.getHeaders().getObjectHeaderValue("sigT");
        if (sigT == null) {
            return "";
        }
        if (!(sigT instanceof String text)) {
            throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "sigT is not a date-time string");
        }
        try {
            return ", claimed signing time " + java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "sigT '" + text + "' is not a UTC date-time (YYYY-MM-DDThh:mm:ssZ)");
        }
    }

    private static boolean verifies(JsonWebSignature jws, PublicKey key) throws Refusal {
        jws.setKey(key);
        try {
            return jws.verifySignature();
        } catch (JoseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("crit")) {
                throw new Refusal(Failure.FORBIDDEN_CONSTRUCT, "a critical header is not understood: " + message);
            }
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    /** A refusal before or instead of the cryptography, with its failure code. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        Refusal(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }
    }
}
