package org.qtrust.adapters.ocsp;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.qtrust.core.transport.OutboundBudget;

/**
 * The outbound side of the checker (issue 15.1): fetches run on a bounded pool of their own,
 * one fetch per key is shared by every caller that needs it, each caller waits at most its own
 * {@link OutboundBudget} (also on a fetch another caller started), at most
 * {@link OutboundLimits#perHost()} fetches to one host run at once, and a URL whose fetch failed
 * is remembered for {@link OutboundLimits#failureMemory()} (a negative cache: a dead or hanging
 * responder is not asked again by every request).
 *
 * <p>A fetch a caller stopped waiting for goes on (bounded by the transport's whole-exchange
 * deadline) and leaves its answer in the checker's caches for later callers.
 */
final class OutboundFetches {

    /** A fetch's work. It calls {@code networkDone} once its exchange is over: the host's slot is freed before parsing or nested checks. */
    interface Work<V> {
        V run(Runnable networkDone);
    }

    private record Failure(String reason, Instant at, Instant until) {
    }

    static final int MAX_FAILURES = 1_024;
    static final int MAX_HOSTS = 1_024;

    /** Set on the pool's threads: a fetch started from inside another (a delegated responder's CRL) runs inline, never queued behind itself. */
    private static final ThreadLocal<Boolean> ON_POOL = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final OutboundLimits limits;
    private final Clock clock;
    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new LinkedHashMap<>(16, 0.75f, true);

    OutboundFetches(OutboundLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "qtrust-revocation-fetch");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code work} on the pool unless a fetch for {@code key} is already running, whose result
     * is then shared; either way waits at most the budget. {@code failed} turns a reason into the
     * value that says "nothing fetched" (out of budget, refused, internal error).
     */
    <K, V> V shared(ConcurrentHashMap<K, CompletableFuture<V>> inFlight, K key, String url, String label, String what,
                    OutboundBudget budget, List<String> trace, Work<V> work, Function<String, V> failed) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            trace.add(label + ": joined a fetch already in progress for the same " + what);
            return await(running, url, budget, failed);
        }
        Runnable release;
        try {
            Optional<Runnable> slot = hostSlot(url, budget);
            if (slot.isEmpty()) {
                return finish(inFlight, key, mine, failed.apply(url + " not asked: " + limits.perHost() + " fetches to its host "
                        + "are in progress and " + budget.describe() + " ran out waiting for a turn (out of budget)"));
            }
            release = slot.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish(inFlight, key, mine, failed.apply(url + " not asked: interrupted"));
        }
        Runnable task = () -> {
            boolean nested = ON_POOL.get();
            ON_POOL.set(Boolean.TRUE);
            V value;
            try {
                value = work.run(release);
            } catch (RuntimeException e) {
                value = failed.apply("internal error: " + e);
            } finally {
                release.run();
                ON_POOL.set(nested);
            }
            finish(inFlight, key, mine, value);
        };
        if (ON_POOL.get()) {
            task.run();
        } else {
            try {
                pool.execute(task);
            } catch (RejectedExecutionException e) {
                release.run();
                return finish(inFlight, key, mine, failed.apply(url + " not asked: too many fetches at once ("
                        + limits.threads() + " running, " + limits.queue() + " waiting)"));
            }
        }
        return await(mine, url, budget, failed);
    }

    private static <K, V> V finish(ConcurrentHashMap<K, CompletableFuture<V>> inFlight, K key, CompletableFuture<V> future, V value) {
        inFlight.remove(key, future);
        future.complete(value);
        return value;
    }

    private static <V> V await(CompletableFuture<V> future, String url, OutboundBudget budget, Function<String, V> failed) {
        try {
            return budget.limited() ? future.get(budget.remainingNanos(), TimeUnit.NANOSECONDS) : future.get();
        } catch (TimeoutException e) {
            return failed.apply(url + " gave no result within " + budget.describe()
                    + " (out of budget): not awaited further; the fetch goes on and what it brings is kept for later requests");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed.apply(url + ": interrupted while waiting");
        } catch (ExecutionException e) {
            return failed.apply("internal error: " + e.getCause());
        }
    }

    /** A slot among the host's {@link OutboundLimits#perHost()}, waited for within the budget; its release runs once. */
    private Optional<Runnable> hostSlot(String url, OutboundBudget budget) throws InterruptedException {
        String host = host(url);
        Semaphore permits = hosts.computeIfAbsent(host, h -> new Semaphore(limits.perHost()));
        if (hosts.size() > MAX_HOSTS) {
            hosts.entrySet().removeIf(entry -> entry.getValue() != permits && entry.getValue().availablePermits() == limits.perHost());
        }
        if (budget.limited()) {
            if (!permits.tryAcquire(budget.remainingNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } else {
            permits.acquire();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        });
    }

    /** scheme-independent "host:port" of a URL (the URL itself when it has no host). */
    static String host(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return url;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The trace line for a URL whose fetch failed recently, empty when it may be asked. */
    synchronized Optional<String> failedRecently(String label, String url) {
        Failure failure = failures.get(label + " " + url);
        Instant now = clock.instant();
        if (failure == null || !now.isBefore(failure.until())) {
            return Optional.empty();
        }
        return Optional.of(label + ": " + url + " failed at " + failure.at() + " (" + failure.reason() + "): not asked again before "
                + failure.until() + " (failed fetches are remembered " + limits.failureMemory().toSeconds() + " s)");
    }

    /** Remembers that fetching {@code url} failed (no answer, HTTP error, empty or oversized body). */
    synchronized void failed(String label, String url, String reason) {
        if (limits.failureMemory().isZero()) {
            return;
        }
        Instant now = clock.instant();
        failures.put(label + " " + url, new Failure(reason, now, now.plus(limits.failureMemory())));
        Iterator<Failure> oldest = failures.values().iterator();
        while (failures.size() > MAX_FAILURES && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Forgets an earlier failure of {@code url}: it answered. */
    synchronized void answered(String label, String url) {
        if (!failures.isEmpty()) {
            failures.remove(label + " " + url);
        }
    }

    synchronized void clearFailures() {
        failures.clear();
    }
}
