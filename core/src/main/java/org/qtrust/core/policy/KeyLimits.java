package org.qtrust.core.policy;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.SubjectPublicKey;

/**
 * Which public keys a decision does any work with (issue 14.11, issue 15.3). A key outside these
 * limits is refused before any signature is verified with it: a 16384-bit RSA key costs seconds
 * of CPU per verification, an exponent above 2^32 multiplies the cost of every check, and an EC
 * key on an unexpected curve (or with explicit parameters) is a curve nobody vetted.
 *
 * @param maxRsaBits     the largest RSA modulus (and DSA prime) accepted, in bits
 * @param allowedCurves  the named EC curves accepted, as OIDs ({@link #curveOid(String)} reads names)
 */
public record KeyLimits(int maxRsaBits, Set<String> allowedCurves) {

    /** The default maximum RSA modulus: 8192 bits (ETSI TS 119 312 asks for at least 1900; nobody issues more than 8192). */
    public static final int DEFAULT_MAX_RSA_BITS = 8192;
    /** The largest RSA public exponent accepted: 2^32 (real keys use 65537; a huge exponent only costs the verifier). */
    public static final BigInteger MAX_RSA_EXPONENT = BigInteger.ONE.shiftLeft(32);

    /** Named curves by their usual names (ETSI TS 119 312 recommends NIST P-256/384/521 and brainpool r1). */
    private static final java.util.Map<String, String> CURVES = java.util.Map.ofEntries(
            java.util.Map.entry("p-224", "1.3.132.0.33"), java.util.Map.entry("secp224r1", "1.3.132.0.33"),
            java.util.Map.entry("p-256", "1.2.840.10045.3.1.7"), java.util.Map.entry("secp256r1", "1.2.840.10045.3.1.7"),
            java.util.Map.entry("prime256v1", "1.2.840.10045.3.1.7"),
            java.util.Map.entry("p-384", "1.3.132.0.34"), java.util.Map.entry("secp384r1", "1.3.132.0.34"),
            java.util.Map.entry("p-521", "1.3.132.0.35"), java.util.Map.entry("secp521r1", "1.3.132.0.35"),
            java.util.Map.entry("brainpoolp224r1", "1.3.36.3.3.2.8.1.1.5"),
            java.util.Map.entry("brainpoolp256r1", "1.3.36.3.3.2.8.1.1.7"),
            java.util.Map.entry("brainpoolp320r1", "1.3.36.3.3.2.8.1.1.9"),
            java.util.Map.entry("brainpoolp384r1", "1.3.36.3.3.2.8.1.1.11"),
            java.util.Map.entry("brainpoolp512r1", "1.3.36.3.3.2.8.1.1.13"),
            java.util.Map.entry("secp256k1", "1.3.132.0.10"));

    /** The curves accepted by default: NIST P-224 to P-521 and brainpool P224r1 to P512r1 (small ones are then judged by date). */
    public static final Set<String> DEFAULT_CURVES = Set.of("1.3.132.0.33", "1.2.840.10045.3.1.7", "1.3.132.0.34",
            "1.3.132.0.35", "1.3.36.3.3.2.8.1.1.5", "1.3.36.3.3.2.8.1.1.7", "1.3.36.3.3.2.8.1.1.9",
            "1.3.36.3.3.2.8.1.1.11", "1.3.36.3.3.2.8.1.1.13");

    public KeyLimits {
        if (maxRsaBits < 1024) {
            throw new IllegalArgumentException("maxRsaBits must be at least 1024");
        }
        allowedCurves = Set.copyOf(new LinkedHashSet<>(allowedCurves));
    }

    public static KeyLimits defaults() {
        return new KeyLimits(DEFAULT_MAX_RSA_BITS, DEFAULT_CURVES);
    }

    /** A curve's OID from its name ("P-256", "brainpoolP256r1", "secp384r1"…) or from an OID; empty when unknown. */
    public static Optional<String> curveOid(String nameOrOid) {
        String text = Objects.requireNonNull(nameOrOid).trim();
        if (text.matches("[0-2](\\.[0-9]+)+")) {
            return Optional.of(text);
        }
        return Optional.ofNullable(CURVES.get(text.toLowerCase(Locale.ROOT)));
    }

    /** A readable name for a curve OID (its NIST or brainpool name when known). */
    public static String curveName(String oid) {
        String best = null;
        for (var entry : CURVES.entrySet()) {
            if (entry.getValue().equals(oid) && (best == null || entry.getKey().startsWith("p-") || entry.getKey().startsWith("brainpool"))) {
                best = entry.getKey();
            }
        }
        if (best == null) {
            return oid;
        }
        return best.startsWith("p-") ? best.toUpperCase(Locale.ROOT) : best.replace("brainpoolp", "brainpoolP");
    }

    /** Why no work is done with this key, or empty when it is within the limits. */
    public Optional<String> violation(SubjectPublicKey key) {
        String algorithm = key.algorithm().toUpperCase(Locale.ROOT);
        if (("RSA".equals(algorithm) || "DSA".equals(algorithm)) && key.bits() > maxRsaBits) {
            return Optional.of(algorithm + "-" + key.bits() + " key above the policy's maximum of " + maxRsaBits + " bits");
        }
        if ("RSA".equals(algorithm) && key.rsaExponent().filter(e -> e.compareTo(MAX_RSA_EXPONENT) > 0).isPresent()) {
            return Optional.of("RSA key with a public exponent of " + key.rsaExponent().get().bitLength()
                    + " bits, above 2^32");
        }
        if ("EC".equals(algorithm)) {
            Optional<String> curve = key.curve();
            if (curve.isEmpty()) {
                return Optional.of("EC key with explicit or unreadable curve parameters (only named curves are accepted)");
            }
            if (!allowedCurves.contains(curve.get())) {
                return Optional.of("EC key on curve " + curveName(curve.get()) + ", which the policy does not allow");
            }
        }
        return Optional.empty();
    }
}
