package org.qtrust.adapters.redis;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * The shared evidence store in Redis (issue 17.4): OCSP responses, CRLs and Status List Tokens
 * under {@code <prefix>evidence:<kind>:<sha256 of key>}, as plain strings that expire on their
 * own ({@code SET … PX}) when their user says — never later than {@link #MAX_TIME_TO_LIVE}.
 *
 * <p>No request waits on Redis: this store has its own connection pool with a short timeout
 * ({@link #TIMEOUT} at most, connect, socket and pool wait); writes go to one background thread
 * with a bounded queue (dropped when full); after any error the store is skipped for
 * {@link #PAUSE} (a circuit: found nothing, kept nothing) and then tried again. Reads are one
 * round trip (a script that returns the length, the remaining time and, only when it is within
 * the caller's size bound, the bytes).
 */
public final class RedisEvidenceStore implements SharedEvidenceStore, AutoCloseable {

    /** The longest any command of this store may take. */
    public static final Duration TIMEOUT = Duration.ofMillis(200);
    /** How long the store is left alone after an error. */
    public static final Duration PAUSE = Duration.ofSeconds(30);
    /** No entry is kept longer, whatever its nextUpdate says. */
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofDays(7);
    private static final int WRITE_QUEUE = 128;

    /** Length; when within ARGV[1]: remaining milliseconds and the bytes. Nil when absent. */
    private static final String READ = """
            local n = redis.call('STRLEN', KEYS[1])
            if n == 0 then return nil end
            if n > tonumber(ARGV[1]) then return {n} end
            return {n, redis.call('PTTL', KEYS[1]), redis.call('GET', KEYS[1])}
            """;

    /** Reads, hits, misses (none, or over the size bound), writes, errors, and calls skipped while paused. */
    public record Stats(long hits, long misses, long writes, long errors, long skipped) {
    }

    private final RedisStore store;
    private final boolean ownsStore;
    private final LongSupplier nanoTime;
    private final Duration pause;
    private final ThreadPoolExecutor writer;
    private final AtomicLong pausedUntil;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    /** Its own pool to the configured store, with the short {@link #TIMEOUT}. */
    public RedisEvidenceStore(RedisStoreConfig config) {
        this(new RedisStore(config.timeout().compareTo(TIMEOUT) > 0 ? config.withTimeout(TIMEOUT) : config), true,
                System::nanoTime, PAUSE);
    }

    /** Over a given store (tests: a controllable time source and pause). */
    RedisEvidenceStore(RedisStore store, boolean ownsStore, LongSupplier nanoTime, Duration pause) {
        this.store = Objects.requireNonNull(store);
        this.ownsStore = ownsStore;
        this.nanoTime = Objects.requireNonNull(nanoTime);
        this.pause = Objects.requireNonNull(pause);
        this.pausedUntil = new AtomicLong(nanoTime.getAsLong());
        this.writer = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WRITE_QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "qtrust-evidence-store");
            thread.setDaemon(true);
            return thread;
        }, (dropped, executor) -> pending.decrementAndGet());
        this.writer.allowCoreThreadTimeOut(true);
    }

    @Override
    public Optional<Entry> find(Kind kind, String key, long maxBytes) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(key);
        if (paused()) {
            skipped.increment();
            return Optional.empty();
        }
        Object answer;
        try {
            answer = store.script(READ, List.of(key(kind, key)), List.of(RedisStore.utf8(Long.toString(Math.max(0, maxBytes)))));
        } catch (ListCacheException | RuntimeException e) {
            failed();
            return Optional.empty();
        }
        if (answer instanceof List<?> parts && parts.size() == 3 && parts.get(1) instanceof Long millis
                && parts.get(2) instanceof byte[] bytes && bytes.length <= maxBytes) {
            hits.increment();
            return Optional.of(new Entry(bytes, Duration.ofMillis(Math.max(0, millis))));
        }
        misses.increment();
        return Optional.empty();
    }

    @Override
    public void put(Kind kind, String key, byte[] bytes, Duration timeToLive) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(key);
        Objects.requireNonNull(bytes);
        Duration ttl = timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0 ? MAX_TIME_TO_LIVE : timeToLive;
        if (ttl.toMillis() < 1 || bytes.length == 0) {
            return;
        }
        if (paused()) {
            skipped.increment();
            return;
        }
        String name = key(kind, key);
        byte[] copy = bytes.clone();
        pending.incrementAndGet();
        writer.execute(() -> {
            try {
                if (paused()) {
                    skipped.increment();
                    return;
                }
                store.putExpiring(name, copy, ttl.toMillis());
                writes.increment();
            } catch (ListCacheException | RuntimeException e) {
                failed();
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private String key(Kind kind, String key) {
        return store.keys().evidence(kind.name().toLowerCase(Locale.ROOT), key);
    }

    private boolean paused() {
        return nanoTime.getAsLong() - pausedUntil.get() < 0;
    }

    private void failed() {
        errors.increment();
        pausedUntil.set(nanoTime.getAsLong() + pause.toNanos());
    }

    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), writes.sum(), errors.sum(), skipped.sum());
    }

    /** Where the store is, as it may be shown. */
    public String display() {
        return store.display();
    }

    /** Waits until the writes queued so far are done (for tests and an orderly shutdown). */
    public boolean awaitWrites(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        writer.shutdown();
        if (ownsStore) {
            store.close();
        }
    }
}
