package org.qtrust.server.refresh;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.qtrust.server.snapshot.TrustedListsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-miss refresh (the seed's "on a cache miss during verification, refresh the relevant
 * country's list"): when a certificate's issuer matches no listed key and the issuer's country has
 * a list on the LOTL, that one list is refreshed — conditionally, at most once per territory per
 * interval whatever the number of requests, one refresh in flight per territory shared by every
 * request that waits for it — and a newer verified copy swaps into the snapshot. The request that
 * asked waits only within its budget; otherwise it is answered with what is known. Where the
 * lists cannot be refreshed (an offline folder) nothing is installed and nothing is attempted.
 */
public final class MissRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MissRefresh.class);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    /** Refreshes one territory's list and, when a newer copy was stored, swaps in the new snapshot. */
    public interface TerritoryRefresher {
        Outcome refresh(String territory);
    }

    /** What became of an on-miss refresh, for the trace. */
    public record Outcome(Kind kind, String detail, Optional<BigInteger> sequence, Optional<TrustedListsSnapshot> snapshot) {

        public enum Kind { REFRESHED, UNCHANGED, FAILED, RATE_LIMITED, PENDING }

        public Outcome {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(detail);
            Objects.requireNonNull(sequence);
            Objects.requireNonNull(snapshot);
        }

        public static Outcome refreshed(BigInteger sequence, TrustedListsSnapshot snapshot) {
            return new Outcome(Kind.REFRESHED, "", Optional.of(sequence), Optional.of(snapshot));
        }

        public static Outcome unchanged() {
            return new Outcome(Kind.UNCHANGED, "", Optional.empty(), Optional.empty());
        }

        public static Outcome failed(String why) {
            return new Outcome(Kind.FAILED, why, Optional.empty(), Optional.empty());
        }

        /** The trace line: "refreshed AT on a miss: new sequence 43" or "AT not refreshed on a miss (…)". */
        public String trace(String territory) {
            return switch (kind) {
                case REFRESHED -> "refreshed " + territory + " on a miss: new sequence " + sequence.map(BigInteger::toString).orElse("?");
                case UNCHANGED -> territory + " not refreshed on a miss (unchanged: the publisher's copy is the one in force)";
                case RATE_LIMITED -> territory + " not refreshed on a miss (rate limit: " + detail + ")";
                case PENDING -> territory + " not refreshed on a miss yet (" + detail + ")";
                case FAILED -> territory + " not refreshed on a miss (failed: " + detail + ")";
            };
        }
    }

    private final Duration interval;
    private final LongSupplier nanoTime;
    private final ExecutorService executor;
    private final AtomicReference<TerritoryRefresher> refresher = new AtomicReference<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param interval at most one refresh per territory in this time
     * @param nanoTime a monotonic clock (pacing only, never a trust decision)
     */
    public MissRefresh(Duration interval, LongSupplier nanoTime) {
        this.interval = Objects.requireNonNull(interval);
        this.nanoTime = Objects.requireNonNull(nanoTime);
        // Two threads: refreshes are rare, and at most one per territory runs at a time.
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "qtrust-miss-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Where lists can be refreshed (cache, store), the way to refresh one. */
    public void install(TerritoryRefresher territoryRefresher) {
        refresher.set(Objects.requireNonNull(territoryRefresher));
    }

    /** True when a refresher is installed (not an offline folder). */
    public boolean available() {
        return refresher.get() != null;
    }

    /**
     * Refreshes the territory's list unless it was tried within the interval; waits at most
     * {@code wait} for the outcome (the refresh goes on after that, and a later request benefits).
     */
    public Outcome onMiss(String territory, Duration wait) {
        TerritoryRefresher installed = refresher.get();
        if (installed == null) {
            return Outcome.failed("the lists are not refreshed from the network");
        }
        CompletableFuture<Outcome> running;
        synchronized (this) {
            running = inFlight.get(territory);
            if (running == null) {
                long now = nanoTime.getAsLong();
                Long last = started.get(territory);
                if (last != null && now - last < interval.toNanos()) {
                    Duration left = Duration.ofNanos(interval.toNanos() - (now - last));
                    return new Outcome(Outcome.Kind.RATE_LIMITED, "tried " + Duration.ofNanos(now - last).toSeconds()
                            + " s ago; next attempt in " + left.toSeconds() + " s", Optional.empty(), Optional.empty());
                }
                started.put(territory, now);
                CompletableFuture<Outcome> mine = new CompletableFuture<>();
                inFlight.put(territory, mine);
                running = mine;
                executor.execute(() -> {
                    Outcome outcome;
                    try {
                        outcome = installed.refresh(territory);
                    } catch (RuntimeException e) {
                        LOG.warn("on-miss refresh of {} failed: {}", territory, e.toString());
                        outcome = Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    }
                    inFlight.remove(territory);
                    mine.complete(outcome);
                });
            }
        }
        try {
            return running.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(Outcome.Kind.PENDING, "still running after " + wait.toMillis() + " ms: answered with what is known",
                    Optional.empty(), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (ExecutionException e) {
            return Outcome.failed(String.valueOf(e.getCause()));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
