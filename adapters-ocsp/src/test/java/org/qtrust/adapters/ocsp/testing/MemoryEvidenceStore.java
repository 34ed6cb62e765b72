package org.qtrust.adapters.ocsp.testing;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.qtrust.core.cache.port.SharedEvidenceStore;

/**
 * A {@link SharedEvidenceStore} in memory, keeping the port's contract (an entry over the
 * caller's size bound is not returned): stands for the Redis one in the adapter's own tests,
 * where what matters is what the checker does with what it reads back. Entries can be replaced
 * by hand, as an attacker with write access to the store would.
 */
public final class MemoryEvidenceStore implements SharedEvidenceStore {

    public record Stored(byte[] bytes, Duration timeToLive) {
    }

    private final Map<String, Stored> entries = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    private static String name(Kind kind, String key) {
        return kind + " " + key;
    }

    @Override
    public Optional<Entry> find(Kind kind, String key, long maxBytes) {
        reads.incrementAndGet();
        Stored stored = entries.get(name(kind, key));
        if (stored == null || stored.bytes().length > maxBytes) {
            return Optional.empty();
        }
        return Optional.of(new Entry(stored.bytes().clone(), stored.timeToLive()));
    }

    @Override
    public void put(Kind kind, String key, byte[] bytes, Duration timeToLive) {
        if (!timeToLive.isNegative() && !timeToLive.isZero()) {
            entries.put(name(kind, key), new Stored(bytes.clone(), timeToLive));
        }
    }

    /** The only entry of that kind (tests store one at a time). */
    public Map.Entry<String, Stored> only(Kind kind) {
        var matching = entries.entrySet().stream().filter(e -> e.getKey().startsWith(kind + " ")).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + kind + " entry, found " + matching.size());
        }
        return matching.get(0);
    }

    /** Replaces the bytes of an entry, keeping its time to live (what someone with write access to Redis could do). */
    public void replace(String name, byte[] bytes) {
        entries.computeIfPresent(name, (k, old) -> new Stored(bytes.clone(), old.timeToLive()));
    }

    public int reads() {
        return reads.get();
    }

    public int size() {
        return entries.size();
    }
}
