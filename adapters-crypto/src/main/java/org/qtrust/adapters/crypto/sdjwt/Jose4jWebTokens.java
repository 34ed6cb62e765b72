package org.qtrust.adapters.crypto.sdjwt;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;

/**
 * The {@link JsonWebTokens} port: jose4j reads the JSON (strictly, {@link StrictJson}) and JWKs,
 * a private Bouncy Castle instance does the signature mathematics ({@link JwsSignatures}). Only
 * the asymmetric algorithms of {@link CredentialVerificationService#ALLOWED_ALGORITHMS} verify;
 * {@code none} and HMAC never do. Decoded public keys are cached (bounded): wallets present the
 * same issuer over and over.
 */
public final class Jose4jWebTokens implements JsonWebTokens {

    private static final Set<String> PRIVATE_JWK_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final int MAX_CACHED_KEYS = 4096;

    private final Map<String, Optional<PublicKey>> keys = new ConcurrentHashMap<>();
    /** Holders present the same cnf.jwk again and again; building a key from a JWK is costly. */
    private final Map<Map<String, Object>, byte[]> jwks = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public SignedJwt read(String compact) throws MalformedTokenException {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new MalformedTokenException("a compact JWS has 3 parts separated by '.', this has " + parts.length);
        }
        Object header = StrictJson.parse(decode(parts[0], "header"));
        Object payload = StrictJson.parse(decode(parts[1], "payload"));
        if (!(header instanceof Map<?, ?>) || !(payload instanceof Map<?, ?>)) {
            throw new MalformedTokenException("the JWS header and payload must be JSON objects");
        }
        if (parts[2].isEmpty()) {
            throw new MalformedTokenException("the JWS has no signature");
        }
        return new SignedJwt(compact, (Map<String, Object>) header, (Map<String, Object>) payload);
    }

    private static String decode(String part, String what) throws MalformedTokenException {
        try {
            return new String(Base64.getUrlDecoder().decode(part), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedTokenException("the JWS " + what + " is not base64url");
        }
    }

    @Override
    public boolean verifies(SignedJwt token, byte[] subjectPublicKeyInfo) {
        Optional<PublicKey> key = key(subjectPublicKeyInfo);
        if (key.isEmpty()) {
            return false;
        }
        Optional<String> algorithm = token.algorithm();
        if (algorithm.isEmpty() || !CredentialVerificationService.ALLOWED_ALGORITHMS.contains(algorithm.get())) {
            return false;
        }
        String compact = token.compact();
        int signatureStart = compact.lastIndexOf('.');
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(compact.substring(signatureStart + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        // RFC 7515 §5.2: the signature covers the ASCII of "header.payload" exactly as received.
        byte[] signingInput = compact.substring(0, signatureStart).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return JwsSignatures.verify(algorithm.get(), key.get(), signingInput, signature);
    }

    @Override
    public byte[] publicKeyInfo(Map<String, Object> jwk) throws MalformedTokenException {
        for (String member : PRIVATE_JWK_MEMBERS) {
            if (jwk.containsKey(member)) {
                throw new MalformedTokenException("the JWK carries private or symmetric key material ('" + member + "')");
            }
        }
        byte[] cached = jwks.get(jwk);
        if (cached != null) {
            return cached.clone();
        }
        try {
            // The JDK's key factory: its SubjectPublicKeyInfo (named curve) is the one certificates carry, so keys compare by bytes.
            PublicKey key = PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey();
            if (key == null) {
                throw new MalformedTokenException("the JWK describes no public key");
            }
            byte[] encoded = key.getEncoded();
            if (jwks.size() >= MAX_CACHED_KEYS) {
                jwks.clear();
            }
            jwks.put(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(jwk)), encoded.clone()); // JSON null members allowed
            return encoded;
        } catch (JoseException | ClassCastException | IllegalArgumentException e) {
            throw new MalformedTokenException("not a usable public JWK: " + e.getMessage());
        }
    }

    @Override
    public Object parseJson(String json) throws MalformedTokenException {
        return StrictJson.parse(json);
    }

    private Optional<PublicKey> key(byte[] subjectPublicKeyInfo) {
        String id = Base64.getEncoder().encodeToString(subjectPublicKeyInfo);
        Optional<PublicKey> cached = keys.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<PublicKey> decoded = decodeKey(subjectPublicKeyInfo);
        if (keys.size() >= MAX_CACHED_KEYS) {
            keys.clear();
        }
        keys.put(id, decoded);
        return decoded;
    }

    private static Optional<PublicKey> decodeKey(byte[] subjectPublicKeyInfo) {
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519", "Ed448"}) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm, JwsSignatures.BOUNCY_CASTLE)
                        .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo)));
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        return Optional.empty();
    }
}
