package org.qtrust.adapters.crypto.issuance;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qtrust.core.credential.disclosure.HashAlgorithm;

/**
 * Makes the KB-JWT a holder appends to a presentation (RFC 9901 §4.3): {@code typ} kb+jwt,
 * {@code iat}, {@code aud}, {@code nonce} and {@code sd_hash} over the SD-JWT it follows. Every
 * field can be set to a wrong value, to make the broken variants a verifier must refuse.
 */
public final class KeyBinding {

    private final JwsSigner signer;
    private String type = "kb+jwt";
    private String audience;
    private String nonce;
    private Instant issuedAt;
    private String sdHash;
    private HashAlgorithm hash = HashAlgorithm.SHA_256;

    private KeyBinding(JwsSigner signer) {
        this.signer = signer;
    }

    /** A KB-JWT signed with the holder's key (the private half of {@code cnf.jwk}). */
    public static KeyBinding signedWith(PrivateKey holderKey, String algorithm) {
        return signedWith(new JwsSigner(holderKey, algorithm, List.of()));
    }

    /** A KB-JWT signed by this signer, e.g. {@link JwsSigner#deterministic} over the holder's key. */
    public static KeyBinding signedWith(JwsSigner holderSigner) {
        return new KeyBinding(Objects.requireNonNull(holderSigner));
    }

    public KeyBinding audience(String value) {
        this.audience = value;
        return this;
    }

    public KeyBinding nonce(String value) {
        this.nonce = value;
        return this;
    }

    public KeyBinding issuedAt(Instant value) {
        this.issuedAt = value;
        return this;
    }

    public KeyBinding type(String value) {
        this.type = value;
        return this;
    }

    /** The hash of the SD-JWT's {@code _sd_alg} (sha-256 unless told). */
    public KeyBinding hash(HashAlgorithm algorithm) {
        this.hash = Objects.requireNonNull(algorithm);
        return this;
    }

    /** An sd_hash of the caller's choosing instead of the right one. */
    public KeyBinding sdHash(String value) {
        this.sdHash = value;
        return this;
    }

    /** The presentation: the SD-JWT (ending in '~') followed by its KB-JWT. */
    public String bind(String sdJwt) {
        if (!sdJwt.endsWith("~")) {
            throw new IllegalArgumentException("a KB-JWT follows an SD-JWT that ends in '~'");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", Objects.requireNonNull(issuedAt, "issuedAt").getEpochSecond());
        if (audience != null) {
            claims.put("aud", audience);
        }
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        claims.put("sd_hash", sdHash != null ? sdHash : hash.digest(sdJwt));
        return sdJwt + signer.sign(type, Map.of(), claims);
    }
}
