package org.qtrust.core.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A thread-safe least-recently-used cache bounded by the bytes its entries weigh, not by their
 * count: a flood of large distinct inputs evicts old entries instead of growing the heap.
 * Keys should be small — a {@link Digest} of the input rather than the input itself — so that
 * what is kept is the answer, not the question.
 *
 * @param <K> the key (a digest, typically)
 * @param <V> the cached answer
 */
public final class BoundedCache<K, V> {

    private record Entry<V>(V value, long weight) {
    }

    private final long maxBytes;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long evictions;

    /** @param maxBytes the most the entries may weigh together */
    public BoundedCache(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a cache needs room");
        }
        this.maxBytes = maxBytes;
    }

    /** The cached value, or null; a hit makes the entry the most recently used. */
    public synchronized V get(K key) {
        Entry<V> entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /**
     * Keeps a value, evicting the least recently used entries until the total fits. A value
     * heavier than the whole cache is not kept.
     *
     * @param weight what the entry costs in memory, in bytes (an estimate: key, value, overhead)
     */
    public synchronized void put(K key, V value, long weight) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        if (weight < 0) {
            throw new IllegalArgumentException("negative weight");
        }
        Entry<V> previous = entries.remove(key);
        if (previous != null) {
            bytes -= previous.weight();
        }
        if (weight > maxBytes) {
            return;
        }
        entries.put(key, new Entry<>(value, weight));
        bytes += weight;
        for (Iterator<Map.Entry<K, Entry<V>>> oldest = entries.entrySet().iterator(); bytes > maxBytes && oldest.hasNext(); ) {
            Map.Entry<K, Entry<V>> evicted = oldest.next();
            bytes -= evicted.getValue().weight();
            oldest.remove();
            evictions++;
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    /** What the entries weigh together, in bytes. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long evictions() {
        return evictions;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
