package org.qtrust.core.trustedlist.loading;

import java.time.Duration;
import java.util.Objects;

/**
 * How strictly list freshness is judged.
 *
 * @param expiryGrace how long after its NextUpdate a list is still accepted (as stale); zero by default
 */
public record ListAcceptancePolicy(Duration expiryGrace) {

    public static final ListAcceptancePolicy STRICT = new ListAcceptancePolicy(Duration.ZERO);

    public ListAcceptancePolicy {
        Objects.requireNonNull(expiryGrace);
        if (expiryGrace.isNegative()) {
            throw new IllegalArgumentException("the expiry grace period cannot be negative");
        }
    }
}
