package org.qtrust.core.policy;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.SignatureAlgorithm;
import org.qtrust.core.certificate.SubjectPublicKey;

/**
 * Until when an algorithm counts (ETSI TS 119 312, cryptographic suites): hash functions and
 * key sizes each have a date after which a signature made with them is no longer accepted.
 *
 * @param digests   hash functions with the last instant they count
 * @param keySizes  keys smaller than a size with the last instant they count
 * @param at        which instant a certificate's signature is judged at: its issuance (when the CA
 *                  signed it) or the validation time (TS 119 102-1 without proof of existence)
 * @param keyLimits which keys any work is done with at all (checked before any signature is verified)
 */
public record CryptoConstraints(List<DigestExpiry> digests, List<KeySizeExpiry> keySizes, TimeThatCounts at,
                                KeyLimits keyLimits) {

    /** A hash function is acceptable for signatures before {@code notAfter}. */
    public record DigestExpiry(String digest, Instant notAfter) {
        public DigestExpiry {
            digest = normalizeDigest(digest);
            Objects.requireNonNull(notAfter);
        }
    }

    /** A key of {@code algorithm} with fewer than {@code minBits} bits is acceptable before {@code notAfter}. */
    public record KeySizeExpiry(String algorithm, int minBits, Instant notAfter) {
        public KeySizeExpiry {
            algorithm = algorithm.trim().toUpperCase(Locale.ROOT);
            Objects.requireNonNull(notAfter);
            if (minBits <= 0) {
                throw new IllegalArgumentException("minBits must be positive");
            }
        }
    }

    /** No date constraint; the default key limits stay (they protect the verifier, not the relying party's judgement). */
    public static final CryptoConstraints NONE = new CryptoConstraints(List.of(), List.of(), TimeThatCounts.VALIDATION_TIME);

    /** Dates with the default key limits. */
    public CryptoConstraints(List<DigestExpiry> digests, List<KeySizeExpiry> keySizes, TimeThatCounts at) {
        this(digests, keySizes, at, KeyLimits.defaults());
    }

    public CryptoConstraints {
        Objects.requireNonNull(keyLimits);
        digests = List.copyOf(digests);
        keySizes = List.copyOf(keySizes);
        Objects.requireNonNull(at);
        if (at == TimeThatCounts.BOTH) {
            throw new IllegalArgumentException("crypto constraints are judged at one instant: issuance or validation-time");
        }
    }

    /**
     * Why a signature made with this algorithm and key does not count at {@code time}, or empty
     * when it does.
     */
    public Optional<String> violation(SignatureAlgorithm algorithm, SubjectPublicKey signerKey, Instant time) {
        String digest = normalizeDigest(algorithm.digest());
        for (DigestExpiry expiry : digests) {
            if (expiry.digest().equals(digest) && !time.isBefore(expiry.notAfter())) {
                return Optional.of(algorithm.name() + ": " + digest + " no longer counts for signatures from "
                        + expiry.notAfter() + " (ETSI TS 119 312), judged at " + time);
            }
        }
        String keyAlgorithm = signerKey.algorithm().toUpperCase(Locale.ROOT);
        for (KeySizeExpiry expiry : keySizes) {
            if (expiry.algorithm().equals(keyAlgorithm) && signerKey.bits() > 0 && signerKey.bits() < expiry.minBits()
                    && !time.isBefore(expiry.notAfter())) {
                return Optional.of(keyAlgorithm + "-" + signerKey.bits() + " keys (below " + expiry.minBits()
                        + " bits) no longer count from " + expiry.notAfter() + " (ETSI TS 119 312), judged at " + time);
            }
        }
        return Optional.empty();
    }

    /** The same dates with other key limits. */
    public CryptoConstraints withKeyLimits(KeyLimits limits) {
        return new CryptoConstraints(digests, keySizes, at, limits);
    }

    /** "SHA1", "sha-1", "SHA-1" → "SHA-1"; "SHA256" → "SHA-256". */
    public static String normalizeDigest(String name) {
        String upper = Objects.requireNonNull(name).trim().toUpperCase(Locale.ROOT).replace("_", "-");
        if (upper.matches("SHA[0-9]+")) {
            String size = upper.substring(3);
            return "SHA-" + (size.equals("1") ? "1" : size);
        }
        if (upper.matches("SHA3[0-9]+")) {
            return "SHA3-" + upper.substring(4);
        }
        return upper;
    }
}
