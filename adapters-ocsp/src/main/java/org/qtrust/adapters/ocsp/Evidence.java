package org.qtrust.adapters.ocsp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;

/**
 * What one source said about one certificate, after every check that does not depend on the
 * validation time (signature, responder authorisation, CertID, nonce). Whether it answers the
 * question at the validation time is {@link EvidenceJudge}'s job, so one fetched answer can be
 * cached and shared by callers with different validation times.
 *
 * @param expiredCertsSince the source's own statement of how far back it keeps expired certificates: a CRL's
 *                          ExpiredCertsOnCRL (X.509 §9.6.2.9, OID 2.5.29.60), an OCSP answer's archiveCutoff
 *                          (RFC 6960 §4.4.4); a certificate that expired at or after it is still answered for
 */
record Evidence(RevocationSource source, Kind kind, String origin, Optional<Instant> producedAt,
                Optional<Instant> thisUpdate, Optional<Instant> nextUpdate, Optional<Instant> revokedAt,
                Optional<RevocationReason> reason, Optional<Instant> expiredCertsSince, List<String> trace) {

    enum Kind {
        /** The source says not revoked (as of thisUpdate). */
        GOOD,
        /** The source says revoked at revokedAt. */
        REVOKED,
        /** A valid answer in which the source says it does not know the certificate. */
        UNKNOWN_TO_SOURCE,
        /** No usable answer; the trace says why. */
        FAILED
    }

    Evidence {
        Objects.requireNonNull(source);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(expiredCertsSince);
        trace = List.copyOf(trace);
        if ((kind == Kind.GOOD || kind == Kind.REVOKED) && thisUpdate.isEmpty()) {
            throw new IllegalArgumentException("an answer has a thisUpdate");
        }
        if (kind == Kind.REVOKED && revokedAt.isEmpty()) {
            throw new IllegalArgumentException("a revoked answer has a revocation time");
        }
    }

    static Evidence failed(RevocationSource source, String origin, List<String> trace) {
        return new Evidence(source, Kind.FAILED, origin, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), trace);
    }

    /** The same evidence with other trace lines. */
    Evidence withTrace(List<String> lines) {
        return new Evidence(source, kind, origin, producedAt, thisUpdate, nextUpdate, revokedAt, reason,
                expiredCertsSince, lines);
    }

    boolean isAnswer() {
        return kind == Kind.GOOD || kind == Kind.REVOKED;
    }

    /** Until when this answer may be served from a cache: its nextUpdate, else thisUpdate plus the maximum age. */
    Optional<Instant> cacheableUntil(Duration maxAgeWithoutNextUpdate) {
        if (!isAnswer()) {
            return Optional.empty();
        }
        return Optional.of(nextUpdate.orElseGet(() -> thisUpdate.orElseThrow().plus(maxAgeWithoutNextUpdate)));
    }
}
