package org.qtrust.adapters.http.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.RefreshTrustedLists;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the cache in the background, for a server: every {@code interval} (12 h by
 * default), earlier when a cached list's NextUpdate comes (publishers issue the next list by
 * then), and again after {@code retryDelay} while a list could not be refreshed or is past its
 * NextUpdate. Each run's report goes to the listeners (to swap the loaded snapshot, to alert).
 * Runs never overlap. Times come from the injected clock.
 */
public final class ScheduledRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRefresher.class);

    /**
     * @param interval         the longest time between two refreshes
     * @param retryDelay       how soon to try again after failures or while a list is past its NextUpdate
     * @param minimumDelay     the shortest time between two refreshes
     * @param nextUpdateMargin how long after a NextUpdate to look for the new list
     */
    public record Settings(Duration interval, Duration retryDelay, Duration minimumDelay, Duration nextUpdateMargin) {
        public Settings {
            Objects.requireNonNull(interval);
            Objects.requireNonNull(retryDelay);
            Objects.requireNonNull(minimumDelay);
            Objects.requireNonNull(nextUpdateMargin);
            if (interval.isNegative() || interval.isZero() || minimumDelay.isNegative()
                    || minimumDelay.compareTo(interval) > 0) {
                throw new IllegalArgumentException("need 0 <= minimumDelay <= interval, interval > 0");
            }
        }

        /** Every 12 h; 1 h after problems; at least 1 min apart; 5 min after a NextUpdate. */
        public static Settings defaults() {
            return new Settings(Duration.ofHours(12), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(5));
        }
    }

    private final RefreshTrustedLists refresher;
    private final Function<Instant, LoadRequest> requestAt;
    private final Clock clock;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    private final List<Consumer<RefreshReport>> listeners = new CopyOnWriteArrayList<>();
    private volatile RefreshReport last;
    private volatile Instant nextRun;
    private ScheduledFuture<?> pending;

    /**
     * @param requestAt the load request for a refresh starting at the given instant (the
     *                  validation time of the load that ends each refresh)
     */
    public ScheduledRefresher(RefreshTrustedLists refresher, Function<Instant, LoadRequest> requestAt, Clock clock,
                              Settings settings) {
        this.refresher = Objects.requireNonNull(refresher);
        this.requestAt = Objects.requireNonNull(requestAt);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qtrust-list-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Receives every report, on the refresh thread. */
    public void addListener(Consumer<RefreshReport> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Starts refreshing after the given delay (zero: now). */
    public void start(Duration initialDelay) {
        schedule(initialDelay);
    }

    /** Refreshes now (after a running refresh, if any); the schedule continues from this run. */
    public CompletableFuture<RefreshReport> refreshNow() {
        CompletableFuture<RefreshReport> result = new CompletableFuture<>();
        executor.execute(() -> {
            Optional<RefreshReport> report = runOnce();
            if (report.isPresent()) {
                result.complete(report.get());
            } else {
                result.completeExceptionally(new IllegalStateException("the refresh failed; see the log"));
            }
        });
        return result;
    }

    public Optional<RefreshReport> lastReport() {
        return Optional.ofNullable(last);
    }

    public Optional<Instant> nextRun() {
        return Optional.ofNullable(nextRun);
    }

    private Optional<RefreshReport> runOnce() {
        Duration delay = settings.retryDelay();
        RefreshReport report = null;
        try {
            report = refresher.refresh(requestAt.apply(clock.instant()));
            last = report;
            delay = nextDelay(report, clock.instant(), settings);
            LOG.info("trusted lists refreshed in {} ms: {}; {} problem(s); next refresh in {}",
                    report.duration().toMillis(), report.counts(), report.problems().size(), delay);
            for (Consumer<RefreshReport> listener : listeners) {
                try {
                    listener.accept(report);
                } catch (RuntimeException e) {
                    LOG.warn("a refresh listener failed: {}", e.toString());
                }
            }
        } catch (ListCacheException | RuntimeException e) {
            LOG.warn("trusted-list refresh failed: {}; next try in {}", e.getMessage(), delay);
        }
        schedule(delay);
        return Optional.ofNullable(report);
    }

    private synchronized void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        nextRun = clock.instant().plus(delay);
        pending = executor.schedule(this::runOnce, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /**
     * When to refresh next: after the interval, or a margin after the earliest NextUpdate still
     * to come, or after the retry delay when a list had a problem or is already past its NextUpdate.
     */
    public static Duration nextDelay(RefreshReport report, Instant now, Settings settings) {
        Instant next = now.plus(settings.interval());
        Instant retry = now.plus(settings.retryDelay());
        for (ListRefresh entry : report.entries()) {
            if (entry.outcome().isProblem() || entry.stale()) {
                next = earlier(next, retry);
            }
            if (entry.nextUpdate().isPresent()) {
                Instant due = entry.nextUpdate().get().plus(settings.nextUpdateMargin());
                next = earlier(next, due.isAfter(now) ? due : retry);
            }
        }
        Duration delay = Duration.between(now, next);
        return delay.compareTo(settings.minimumDelay()) < 0 ? settings.minimumDelay() : delay;
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
