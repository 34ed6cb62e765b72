package org.qtrust.core.revocation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The revocation status of a certificate at the validation time, with the evidence's times.
 *
 * @param status     good, revoked or unknown at the validation time
 * @param checked    false when checking was off (status is then unknown)
 * @param source     OCSP or CRL, when an answer was accepted
 * @param producedAt the OCSP response's producedAt (OCSP only)
 * @param thisUpdate the answer's thisUpdate
 * @param nextUpdate the answer's nextUpdate, when it has one
 * @param revokedAt  the revocation time, when the answer says revoked — also when the revocation came
 *                   after the validation time (the status is then good)
 * @param reason     the revocation reason, when the answer gives one
 * @param trace      the rules applied, in order, readable by a person
 */
public record RevocationOutcome(RevocationStatus status, boolean checked, Optional<RevocationSource> source,
                                Optional<Instant> producedAt, Optional<Instant> thisUpdate,
                                Optional<Instant> nextUpdate, Optional<Instant> revokedAt,
                                Optional<RevocationReason> reason, List<String> trace) {

    public RevocationOutcome {
        Objects.requireNonNull(status);
        Objects.requireNonNull(source);
        Objects.requireNonNull(producedAt);
        Objects.requireNonNull(thisUpdate);
        Objects.requireNonNull(nextUpdate);
        Objects.requireNonNull(revokedAt);
        Objects.requireNonNull(reason);
        trace = List.copyOf(trace);
        if (status != RevocationStatus.UNKNOWN && (source.isEmpty() || thisUpdate.isEmpty())) {
            throw new IllegalArgumentException("a good or revoked outcome names its source and thisUpdate");
        }
        if (status == RevocationStatus.REVOKED && revokedAt.isEmpty()) {
            throw new IllegalArgumentException("a revoked outcome has a revocation time");
        }
        if (!checked && status != RevocationStatus.UNKNOWN) {
            throw new IllegalArgumentException("an unchecked outcome is unknown");
        }
    }

    /** No acceptable answer; the trace says what was tried and why each attempt failed. */
    public static RevocationOutcome unknown(List<String> trace) {
        return new RevocationOutcome(RevocationStatus.UNKNOWN, true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), trace);
    }

    /** Checking was off. */
    public static RevocationOutcome notChecked(String why) {
        return new RevocationOutcome(RevocationStatus.UNKNOWN, false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(why));
    }

    public boolean isGood() {
        return status == RevocationStatus.GOOD;
    }

    public boolean isRevoked() {
        return status == RevocationStatus.REVOKED;
    }

    public boolean isUnknown() {
        return status == RevocationStatus.UNKNOWN;
    }
}
