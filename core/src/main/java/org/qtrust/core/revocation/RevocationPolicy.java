package org.qtrust.core.revocation;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How revocation is checked. Build from {@link #defaults()} and the {@code with…} methods.
 *
 * @param mode                    require, prefer or off (see {@link RevocationMode})
 * @param order                   the sources to ask, in order (default OCSP then CRL); a source left out is never asked
 * @param ocspUrlOverride         when present, OCSP requests go there instead of the certificate's AIA OCSP URL
 * @param tolerance               clock skew allowed when judging thisUpdate/nextUpdate and responder validity
 * @param maxAgeWithoutNextUpdate an answer without nextUpdate ("newer information is always available") is
 *                                fresh for this long after its thisUpdate
 * @param nonce                   whether OCSP requests carry a nonce, and whether the response must echo it
 * @param certIdHash              the hash of the CertID in OCSP requests (responses may use another one)
 * @param ocspGet                 send OCSP requests by GET when the encoded request is short (RFC 5019 §5: under
 *                                255 bytes); POST otherwise and by default
 * @param ocspMaxBytes            the largest OCSP response accepted
 * @param crlMaxBytes             the largest CRL accepted
 */
public record RevocationPolicy(RevocationMode mode, List<RevocationSource> order, Optional<String> ocspUrlOverride,
                               Duration tolerance, Duration maxAgeWithoutNextUpdate, NonceMode nonce,
                               CertIdHash certIdHash, boolean ocspGet, long ocspMaxBytes, long crlMaxBytes) {

    /** Nonce handling for OCSP (RFC 8954). */
    public enum NonceMode {
        /** No nonce is sent. */
        OFF,
        /**
         * A nonce is sent; a response that carries a different nonce is rejected; a response
         * without nonce is accepted with a trace line (many responders pre-produce responses).
         */
        SEND,
        /** A nonce is sent and the response must echo it. */
        REQUIRE
    }

    /** The hash algorithm of the CertID in requests. */
    public enum CertIdHash { SHA1, SHA256 }

    public static final long DEFAULT_OCSP_MAX_BYTES = 256 * 1024;
    public static final long DEFAULT_CRL_MAX_BYTES = 64L * 1024 * 1024;

    public RevocationPolicy {
        Objects.requireNonNull(mode);
        order = List.copyOf(order);
        if (new HashSet<>(order).size() != order.size()) {
            throw new IllegalArgumentException("a revocation source is listed twice: " + order);
        }
        Objects.requireNonNull(ocspUrlOverride);
        Objects.requireNonNull(tolerance);
        Objects.requireNonNull(maxAgeWithoutNextUpdate);
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(certIdHash);
        if (tolerance.isNegative() || maxAgeWithoutNextUpdate.isNegative()) {
            throw new IllegalArgumentException("tolerance and maximum age cannot be negative");
        }
        if (ocspMaxBytes <= 0 || crlMaxBytes <= 0) {
            throw new IllegalArgumentException("size limits must be positive");
        }
    }

    /**
     * Prefer; OCSP then CRL; the AIA URL; 5 minutes of tolerance; 1 hour for answers without
     * nextUpdate; nonce sent (mismatch rejected); SHA-1 CertID (the one every responder
     * understands, RFC 5019); POST; 256 KiB per OCSP response, 64 MiB per CRL.
     */
    public static RevocationPolicy defaults() {
        return new RevocationPolicy(RevocationMode.PREFER, List.of(RevocationSource.OCSP, RevocationSource.CRL),
                Optional.empty(), Duration.ofMinutes(5), Duration.ofHours(1), NonceMode.SEND, CertIdHash.SHA1, false,
                DEFAULT_OCSP_MAX_BYTES, DEFAULT_CRL_MAX_BYTES);
    }

    public RevocationPolicy withMode(RevocationMode value) {
        return new RevocationPolicy(value, order, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, nonce, certIdHash,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withOrder(List<RevocationSource> value) {
        return new RevocationPolicy(mode, value, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, nonce, certIdHash,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withOcspUrlOverride(String value) {
        return new RevocationPolicy(mode, order, Optional.ofNullable(value), tolerance, maxAgeWithoutNextUpdate, nonce,
                certIdHash, ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withTolerance(Duration value) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, value, maxAgeWithoutNextUpdate, nonce, certIdHash,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withMaxAgeWithoutNextUpdate(Duration value) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, tolerance, value, nonce, certIdHash,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withNonce(NonceMode value) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, value, certIdHash,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withCertIdHash(CertIdHash value) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, nonce, value,
                ocspGet, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withOcspGet(boolean value) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, nonce, certIdHash,
                value, ocspMaxBytes, crlMaxBytes);
    }

    public RevocationPolicy withLimits(long ocspBytes, long crlBytes) {
        return new RevocationPolicy(mode, order, ocspUrlOverride, tolerance, maxAgeWithoutNextUpdate, nonce, certIdHash,
                ocspGet, ocspBytes, crlBytes);
    }
}
