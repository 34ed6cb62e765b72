package org.qtrust.core.trustedlist.loading;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How strictly list freshness is judged.
 *
 * @param expiryGrace how long after its NextUpdate a list is still accepted (as stale); zero by default
 */
public record ListAcceptancePolicy(Duration expiryGrace) {

    public static final ListAcceptancePolicy STRICT = new ListAcceptancePolicy(Duration.ZERO);

    /**
     * For refreshes, which judge authenticity and leave freshness to the loads: every NextUpdate
     * is within this grace, so only a list issued after the validation time (or a closed one) is refused for its dates.
     */
    public static final ListAcceptancePolicy AUTHENTICITY_ONLY = new ListAcceptancePolicy(Duration.ofDays(3_650_000));

    public ListAcceptancePolicy {
        Objects.requireNonNull(expiryGrace);
        if (expiryGrace.isNegative()) {
            throw new IllegalArgumentException("the expiry grace period cannot be negative");
        }
    }

    /**
     * Whether a list is fresh at the validation time, stale within the grace, or refused, with a
     * line for the trace.
     *
     * @param rejection   {@link ListRejection#NOT_YET_ISSUED} or {@link ListRejection#EXPIRED}, empty when usable
     * @param stale       usable only within the grace period after NextUpdate
     * @param explanation one readable line
     */
    public record Freshness(Optional<ListRejection> rejection, boolean stale, String explanation) {
        public Freshness {
            Objects.requireNonNull(rejection);
            Objects.requireNonNull(explanation);
        }
    }

    /**
     * ListIssueDateTime and NextUpdate against the validation time (TS 119 612 §5.3.14-15,
     * TS 119 602 §6.3.14-15): issued later is refused, a closed list or one past its NextUpdate
     * expired unless within the grace.
     */
    public Freshness freshness(Instant issued, Optional<Instant> nextUpdate, Instant at) {
        if (issued.isAfter(at)) {
            return new Freshness(Optional.of(ListRejection.NOT_YET_ISSUED), false,
                    "issued " + issued + ", after the validation time " + at);
        }
        if (nextUpdate.isEmpty()) {
            return new Freshness(Optional.of(ListRejection.EXPIRED), false, "no NextUpdate: the list is closed");
        }
        if (nextUpdate.get().isAfter(at)) {
            return new Freshness(Optional.empty(), false, "fresh: issued " + issued + ", next update " + nextUpdate.get());
        }
        Instant graceEnd = nextUpdate.get().plus(expiryGrace);
        if (!graceEnd.isAfter(at)) {
            return new Freshness(Optional.of(ListRejection.EXPIRED), false,
                    "expired: NextUpdate " + nextUpdate.get() + " has passed at " + at);
        }
        return new Freshness(Optional.empty(), true, "stale: NextUpdate " + nextUpdate.get() + " has passed at " + at
                + ", accepted within the policy's grace period until " + graceEnd);
    }
}
