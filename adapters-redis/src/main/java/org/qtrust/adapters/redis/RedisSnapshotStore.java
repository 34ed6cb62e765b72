package org.qtrust.adapters.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.SnapshotStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The current snapshot manifest in Redis ({@code snapshot:current}: id, manifest, publishedAt,
 * fence). Publishing is one script: it refuses a stale fencing token or a manifest naming a
 * missing document, keeps the documents the new snapshot names (no time to live), lets those
 * only the previous one named expire, and announces the id on the {@code snapshots} channel.
 */
public final class RedisSnapshotStore implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSnapshotStore.class);

    /** The largest manifest read (about 5,000 entries). */
    public static final int MAX_MANIFEST_CHARACTERS = 1 << 20;

    private final RedisStore store;

    public RedisSnapshotStore(RedisStore store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public boolean publish(SnapshotManifest manifest, long fencingToken) throws ListCacheException {
        List<String> keys = new ArrayList<>();
        keys.add(store.keys().currentSnapshot());
        keys.add(store.keys().leaseFence());
        manifest.entries().forEach(entry -> keys.add(store.keys().document(entry.sha256())));
        int named = manifest.entries().size();
        current().ifPresent(old -> old.entries().forEach(entry -> keys.add(store.keys().document(entry.sha256()))));
        String id = manifest.id();
        Object result = store.script(Scripts.PUBLISH, keys, List.of(RedisStore.utf8(id),
                RedisStore.utf8(manifest.canonicalText()), RedisStore.utf8(manifest.publishedAt().toString()),
                RedisStore.utf8(String.valueOf(fencingToken)),
                RedisStore.utf8(String.valueOf(store.config().documentTtl().toSeconds())),
                RedisStore.utf8(store.keys().snapshotChannel()), RedisStore.utf8(String.valueOf(named))));
        if (Long.valueOf(-1).equals(result)) {
            throw new ListCacheException("snapshot " + id + " names a document that is not in " + store.display());
        }
        return Long.valueOf(1).equals(result);
    }

    @Override
    public Optional<SnapshotManifest> current() throws ListCacheException {
        Map<String, String> fields = store.hash(store.keys().currentSnapshot());
        String text = fields.get("manifest");
        if (text == null) {
            return Optional.empty();
        }
        // The manifest names a few dozen documents: anything far larger was not written by a refresh.
        if (text.length() > MAX_MANIFEST_CHARACTERS) {
            throw new ListCacheException("the current snapshot in " + store.display() + " is larger than "
                    + MAX_MANIFEST_CHARACTERS + " characters: refused");
        }
        try {
            Instant published = Instant.parse(fields.getOrDefault("publishedAt", Instant.EPOCH.toString()));
            SnapshotManifest manifest = SnapshotManifest.parse(text, published);
            if (!manifest.id().equals(fields.get("id"))) {
                throw new ListCacheException("the current snapshot in " + store.display() + " does not match its id");
            }
            return Optional.of(manifest);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ListCacheException("the current snapshot in " + store.display() + " is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Listens for new snapshot ids on a daemon thread until the returned handle is closed; reconnects
     * with a growing pause (up to {@code maxBackoff}) when Redis goes away. Readers also check
     * {@link #current()} periodically: a message lost while disconnected is caught there.
     */
    public AutoCloseable watch(Consumer<String> onSnapshot, Duration maxBackoff) {
        AtomicBoolean running = new AtomicBoolean(true);
        JedisPubSub[] current = new JedisPubSub[1];
        Thread thread = new Thread(() -> {
            long pause = 100;
            while (running.get()) {
                JedisPubSub listener = new JedisPubSub() {
                    @Override
                    public void onMessage(String channel, String message) {
                        try {
                            onSnapshot.accept(message);
                        } catch (RuntimeException e) {
                            LOG.warn("snapshot listener failed: {}", e.getMessage());
                        }
                    }
                };
                synchronized (current) {
                    current[0] = listener;
                }
                try {
                    store.subscribe(listener, store.keys().snapshotChannel());
                    pause = 100;
                } catch (JedisException e) {
                    if (running.get()) {
                        LOG.debug("snapshot channel of {} lost: {}", store.display(), e.getMessage());
                    }
                }
                if (!running.get()) {
                    break;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(maxBackoff.toMillis(), pause * 2);
            }
        }, "qtrust-redis-snapshots");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            running.set(false);
            synchronized (current) {
                if (current[0] != null && current[0].isSubscribed()) {
                    try {
                        current[0].unsubscribe();
                    } catch (JedisException e) {
                        // the connection is gone already
                    }
                }
            }
            thread.interrupt();
        };
    }
}
