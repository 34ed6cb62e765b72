package org.qtrust.core.certificate;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A public key as a SubjectPublicKeyInfo (DER), with what decisions need about it. Two keys
 * are the same key when their SubjectPublicKeyInfo bytes are equal; {@link #id()} (SHA-256 of
 * those bytes, hex) names a key without carrying it around.
 * Its algorithm is "RSA", "EC", "DSA", "Ed25519"… or the algorithm OID when unknown; its size
 * is in bits (RSA modulus, EC field size), 0 when unknown.
 */
public final class SubjectPublicKey {

    private final byte[] encoded;
    private final String id;
    private final byte[] keyIdentifier;
    private final String algorithm;
    private final int bits;
    private final String curve;
    private final BigInteger rsaExponent;

    /**
     * @param encoded       the SubjectPublicKeyInfo DER
     * @param id            SHA-256 of {@code encoded}, lower-case hex
     * @param keyIdentifier RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING
     */
    public SubjectPublicKey(byte[] encoded, String id, byte[] keyIdentifier, String algorithm, int bits) {
        this(encoded, id, keyIdentifier, algorithm, bits, Optional.empty(), Optional.empty());
    }

    /**
     * @param curve       for an EC key on a named curve, the curve's OID; empty otherwise (explicit parameters too)
     * @param rsaExponent for an RSA key, its public exponent
     */
    public SubjectPublicKey(byte[] encoded, String id, byte[] keyIdentifier, String algorithm, int bits,
                            Optional<String> curve, Optional<BigInteger> rsaExponent) {
        this.curve = curve.orElse(null);
        this.rsaExponent = rsaExponent.orElse(null);
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

    /** The named curve's OID of an EC key; empty for other keys and for explicit curve parameters. */
    public Optional<String> curve() {
        return Optional.ofNullable(curve);
    }

    /** The public exponent of an RSA key. */
    public Optional<BigInteger> rsaExponent() {
        return Optional.ofNullable(rsaExponent);
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
