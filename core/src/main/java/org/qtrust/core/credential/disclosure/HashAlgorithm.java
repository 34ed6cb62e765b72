package org.qtrust.core.credential.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code _sd_alg} hash functions (RFC 9901 §4.1.1: names from the IANA "Named Information
 * Hash Algorithm" registry; sha-256 when absent), and the digest of a disclosure or of the
 * presented SD-JWT: base64url (no padding) of the hash of its ASCII characters.
 */
public enum HashAlgorithm {
    SHA_256("sha-256", "SHA-256"),
    SHA_384("sha-384", "SHA-384"),
    SHA_512("sha-512", "SHA-512"),
    SHA3_256("sha3-256", "SHA3-256"),
    SHA3_384("sha3-384", "SHA3-384"),
    SHA3_512("sha3-512", "SHA3-512");

    private final String name;
    private final String jdkName;
    /** A digest engine per thread: looking one up costs more than hashing a disclosure. */
    private final ThreadLocal<MessageDigest> engines;

    HashAlgorithm(String name, String jdkName) {
        this.name = name;
        this.jdkName = jdkName;
        this.engines = ThreadLocal.withInitial(this::engine);
    }

    private MessageDigest engine() {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + jdkName, e);
        }
    }

    /** The registry name, as {@code _sd_alg} carries it. */
    public String registryName() {
        return name;
    }

    public static Optional<HashAlgorithm> named(String registryName) {
        for (HashAlgorithm algorithm : values()) {
            if (algorithm.name.equals(registryName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public String digest(String ascii) {
        byte[] hash = engines.get().digest(ascii.getBytes(StandardCharsets.US_ASCII)); // digest() resets the engine
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }
}
