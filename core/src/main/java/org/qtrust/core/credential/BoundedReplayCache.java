package org.qtrust.core.credential;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link ReplayGuard} bounded in entries: each accepted (nonce, sd_hash) is kept until its
 * KB-JWT would be refused as too old anyway, then forgotten. When it holds {@code capacity}
 * entries that are all still fresh, it answers {@link ReplayGuard.Seen#FULL} rather than forget
 * one (which would let that presentation be replayed). Thread-safe.
 */
public final class BoundedReplayCache implements ReplayGuard {

    /** At most this many characters of nonce are kept per entry (longer nonces are refused by callers' size limits). */
    private static final int MAX_KEY_CHARS = 1024;

    private record Entry(String key, Instant until) {
    }

    private final int capacity;
    private final Map<String, Instant> seen = new HashMap<>();
    private final PriorityQueue<Entry> order = new PriorityQueue<>(Comparator.comparing(Entry::until));

    public BoundedReplayCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a replay cache holds at least one entry");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized Seen present(String nonce, String sdHash, Instant now, Instant until) {
        Objects.requireNonNull(nonce);
        Objects.requireNonNull(sdHash);
        forgetExpired(now);
        String key = nonce.length() + ":" + (nonce.length() > MAX_KEY_CHARS ? nonce.substring(0, MAX_KEY_CHARS) : nonce) + "~" + sdHash;
        Instant known = seen.get(key);
        if (known != null && !known.isBefore(now)) {
            return Seen.REPLAYED;
        }
        if (seen.size() >= capacity) {
            return Seen.FULL;
        }
        seen.put(key, until);
        order.add(new Entry(key, until));
        return Seen.FIRST;
    }

    /** Drops every entry whose KB-JWT is too old by now (earliest first). */
    private void forgetExpired(Instant now) {
        while (!order.isEmpty() && order.peek().until().isBefore(now)) {
            Entry first = order.poll();
            if (first.until().equals(seen.get(first.key()))) {
                seen.remove(first.key());
            }
        }
    }

    /** How many presentations are remembered now. */
    public synchronized int size() {
        return seen.size();
    }
}
