package org.qtrust.core.certificate;

import java.util.Arrays;
import java.util.Objects;

/**
 * A public key as a SubjectPublicKeyInfo (DER), with what decisions need about it. Two keys
 * are the same key when their SubjectPublicKeyInfo bytes are equal; {@link #id()} (SHA-256 of
 * those bytes, hex) names a key without carrying it around.
 *
 * @param algorithm "RSA", "EC", "DSA", "Ed25519"… or the algorithm OID when unknown
 * @param bits      key size in bits (RSA modulus, EC field size); 0 when unknown
 */
public final class SubjectPublicKey {

    private final byte[] encoded;
    private final String id;
    private final byte[] keyIdentifier;
    private final String algorithm;
    private final int bits;

    /**
     * @param encoded       the SubjectPublicKeyInfo DER
     * @param id            SHA-256 of {@code encoded}, lower-case hex
     * @param keyIdentifier RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING
     */
    public SubjectPublicKey(byte[] encoded, String id, byte[] keyIdentifier, String algorithm, int bits) {
        this.encoded = Objects.requireNonNull(encoded).clone();
        this.id = Objects.requireNonNull(id);
        this.keyIdentifier = Objects.requireNonNull(keyIdentifier).clone();
        this.algorithm = Objects.requireNonNull(algorithm);
        this.bits = bits;
    }

    /** The SubjectPublicKeyInfo DER. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** SHA-256 of the SubjectPublicKeyInfo DER, lower-case hex. */
    public String id() {
        return id;
    }

    /**
     * The key identifier computed from the key (RFC 5280 §4.2.1.2 method 1). Unlike a
     * certificate's SubjectKeyIdentifier extension it cannot be chosen by whoever made the
     * certificate, so it identifies the key.
     */
    public byte[] keyIdentifier() {
        return keyIdentifier.clone();
    }

    public String algorithm() {
        return algorithm;
    }

    public int bits() {
        return bits;
    }

    public boolean sameKeyAs(SubjectPublicKey other) {
        return other != null && id.equals(other.id) && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectPublicKey other && sameKeyAs(other);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return algorithm + (bits > 0 ? "-" + bits : "") + " key " + id.substring(0, Math.min(16, id.length()));
    }

}
