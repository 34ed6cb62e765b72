package org.qtrust.core.credential.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small thread-safe cache whose entries expire after a time to live, read from an injected
 * clock. When full, it is emptied (simple and bounded; entries are cheap to fetch again).
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    public TtlCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = Objects.requireNonNull(clock);
        this.ttl = Objects.requireNonNull(ttl);
        this.maxEntries = maxEntries;
    }

    /** The cached value while it is fresh; nothing is loaded. */
    public java.util.Optional<V> peek(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && clock.instant().isBefore(entry.expires()) ? java.util.Optional.of(entry.value()) : java.util.Optional.empty();
    }

    /** The cached value, or a fresh one from {@code load} (which may run twice under contention: harmless). */
    public V get(K key, Function<K, V> load) {
        return get(key, load, value -> true);
    }

    /** As {@link #get(Object, Function)}, keeping a fresh value only when {@code keep} says so (e.g. not failures). */
    public V get(K key, Function<K, V> load, java.util.function.Predicate<V> keep) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.value();
        }
        V value = load.apply(key);
        if (!keep.test(value)) {
            return value;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now.plus(ttl)));
        return value;
    }
}
