package org.qtrust.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How long one request may still wait for outbound work (revocation fetches, and waits on
 * fetches other requests started), issue 15.1. A budget starts when it is made and is measured
 * on a monotonic ticker, never on the validation time: it bounds waiting, it decides nothing.
 * {@link #unlimited()} waits as long as the transport's own deadlines allow (the CLI, libraries).
 */
public final class OutboundBudget {

    private static final OutboundBudget UNLIMITED = new OutboundBudget(Optional.empty(), 0, () -> 0);

    private final Optional<Duration> total;
    private final long deadline;
    private final LongSupplier ticker;

    private OutboundBudget(Optional<Duration> total, long deadline, LongSupplier ticker) {
        this.total = total;
        this.deadline = deadline;
        this.ticker = ticker;
    }

    /** No budget of its own: waits end only with the transport's deadlines. */
    public static OutboundBudget unlimited() {
        return UNLIMITED;
    }

    /** A budget of {@code total} starting now ({@link System#nanoTime()}). */
    public static OutboundBudget startingNow(Duration total) {
        return startingNow(total, System::nanoTime);
    }

    /** A budget of {@code total} starting now on {@code nanoTicker} (a monotonic nanosecond counter). */
    public static OutboundBudget startingNow(Duration total, LongSupplier nanoTicker) {
        Objects.requireNonNull(total);
        Objects.requireNonNull(nanoTicker);
        if (total.isNegative()) {
            throw new IllegalArgumentException("an outbound budget cannot be negative");
        }
        long nanos = total.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : total.toNanos();
        return new OutboundBudget(Optional.of(total), nanoTicker.getAsLong() + nanos, nanoTicker);
    }

    /** Whether this budget ends at all. */
    public boolean limited() {
        return total.isPresent();
    }

    /** The whole budget, empty when unlimited. */
    public Optional<Duration> total() {
        return total;
    }

    /** Nanoseconds left (0 when spent; {@link Long#MAX_VALUE} when unlimited). */
    public long remainingNanos() {
        if (total.isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, deadline - ticker.getAsLong());
    }

    /** What is left, as a duration (a year when unlimited). */
    public Duration remaining() {
        return total.isEmpty() ? Duration.ofDays(365) : Duration.ofNanos(remainingNanos());
    }

    /** Whether nothing is left to wait. */
    public boolean spent() {
        return remainingNanos() == 0;
    }

    /** For traces: "the request's outbound budget of PT10S". */
    public String describe() {
        return total.map(t -> "the request's outbound budget of " + t.toMillis() + " ms").orElse("no outbound budget");
    }

    @Override
    public String toString() {
        return total.map(t -> "OutboundBudget[" + t + ", " + Duration.ofNanos(remainingNanos()) + " left]")
                .orElse("OutboundBudget[unlimited]");
    }
}
