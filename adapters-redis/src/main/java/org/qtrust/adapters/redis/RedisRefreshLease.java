package org.qtrust.adapters.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.RefreshLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh lease in Redis: {@code SET lease <holder> NX PX <ms>} and, in the same script, an
 * {@code INCR} of the fencing counter, whose value is the grant's fencing token. A held lease is
 * renewed (only by its holder) every third of its time while the work goes on; a holder that dies
 * stops renewing and the lease expires, so another replica takes over; a holder that was paused
 * past its lease still holds an older token, which {@link RedisSnapshotStore#publish} refuses.
 */
public final class RedisRefreshLease implements RefreshLease {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRefreshLease.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedisStore store;
    private final Duration leaseTime;
    private final Duration wait;
    private final ScheduledExecutorService renewals;
    private final ThreadLocal<Grant> owned = new ThreadLocal<>();

    /**
     * @param wait how long {@link #await()} (the caches' {@code lock()}) waits for another holder to finish
     */
    public RedisRefreshLease(RedisStore store, Duration wait) {
        this.store = Objects.requireNonNull(store);
        this.leaseTime = store.config().leaseTime();
        this.wait = Objects.requireNonNull(wait);
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qtrust-redis-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Optional<Held> tryAcquire() {
        String holder = HexFormat.of().formatHex(randomBytes());
        try {
            Object token = store.script(Scripts.ACQUIRE, List.of(store.keys().lease(), store.keys().leaseFence()),
                    List.of(RedisStore.utf8(holder), RedisStore.utf8(String.valueOf(leaseTime.toMillis()))));
            if (!(token instanceof Long value) || value <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Grant(holder, value));
        } catch (ListCacheException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Waits up to the configured time for the lease: the caches' exclusive lock for one refresh.
     * The thread that holds a grant of this instance (a refresh that publishes a snapshot with its
     * token) gets a nested hold, so the refreshers' own {@code lock()} calls do not wait for it.
     */
    ListCache.Lock await() throws ListCacheException {
        Grant active = owned.get();
        if (active != null && active.held()) {
            return () -> { };
        }
        return hold();
    }

    /** The lease now if free, owned by this thread until closed (so the caches' {@code lock()} nests); empty when held elsewhere. */
    public Optional<Grant> tryHold() {
        Optional<Held> held = tryAcquire();
        held.ifPresent(grant -> owned.set((Grant) grant));
        return held.map(grant -> (Grant) grant);
    }

    /** Waits up to the configured time for the lease and makes this thread its owner until closed. */
    public Grant hold() throws ListCacheException {
        Grant grant = waitForGrant();
        owned.set(grant);
        return grant;
    }

    private Grant waitForGrant() throws ListCacheException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Held> held = tryAcquire();
            if (held.isPresent()) {
                return (Grant) held.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ListCacheException("another replica holds the refresh lease of " + store.display()
                        + " (or the store cannot be reached)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ListCacheException("interrupted while waiting for the refresh lease of " + store.display(), e);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A granted lease, renewed in the background until closed or lost. */
    public final class Grant implements Held, ListCache.Lock {

        private final String holder;
        private final long token;
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final ScheduledFuture<?> renewal;

        Grant(String holder, long token) {
            this.holder = holder;
            this.token = token;
            long every = Math.max(100, leaseTime.toMillis() / 3);
            this.renewal = renewals.scheduleWithFixedDelay(() -> {
                if (held.get() && !renew()) {
                    LOG.warn("the refresh lease of {} was lost (token {})", store.display(), token);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public long fencingToken() {
            return token;
        }

        /** True while this grant believes it holds the lease (it may have expired in Redis since the last renewal). */
        public boolean held() {
            return held.get();
        }

        @Override
        public boolean renew() {
            if (!held.get()) {
                return false;
            }
            try {
                Object done = store.script(Scripts.RENEW, List.of(store.keys().lease()),
                        List.of(RedisStore.utf8(holder), RedisStore.utf8(String.valueOf(leaseTime.toMillis()))));
                if (Long.valueOf(1).equals(done)) {
                    return true;
                }
            } catch (ListCacheException e) {
                LOG.warn("{}", e.getMessage());
            }
            held.set(false);
            renewal.cancel(false);
            return false;
        }

        @Override
        public void close() {
            if (owned.get() == this) {
                owned.remove();
            }
            renewal.cancel(false);
            if (held.getAndSet(false)) {
                try {
                    store.script(Scripts.RELEASE, List.of(store.keys().lease()), List.of(RedisStore.utf8(holder)));
                } catch (ListCacheException e) {
                    LOG.warn("{} (the lease expires by itself)", e.getMessage());
                }
            }
        }
    }

    /** Stops the renewal thread. */
    public void shutdown() {
        renewals.shutdownNow();
    }
}
