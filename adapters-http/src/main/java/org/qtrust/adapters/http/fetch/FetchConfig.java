package org.qtrust.adapters.http.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How lists are downloaded.
 *
 * @param maxAttempts        tries per list for transient failures (timeouts, broken connections, 408/429/5xx)
 * @param initialBackoff     wait before the second try; doubled for each further try, with jitter
 * @param maxBackoff         the longest wait between tries (also caps a server's Retry-After)
 * @param maxListBytes       the largest list document accepted
 * @param maxParallelFetches downloads in flight at once, whatever the caller's thread count
 */
public record FetchConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff, long maxListBytes,
                          int maxParallelFetches) {

    /** Larger than any published list (the largest national lists are a few MB). */
    public static final long DEFAULT_MAX_LIST_BYTES = 32L * 1024 * 1024;

    public FetchConfig {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff);
        Objects.requireNonNull(maxBackoff);
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be 0 <= initial <= max");
        }
        if (maxListBytes <= 0 || maxParallelFetches < 1) {
            throw new IllegalArgumentException("maxListBytes and maxParallelFetches must be positive");
        }
    }

    /** 3 tries, 1 s then 2 s (max 30 s), 32 MiB per list, 8 downloads at once. */
    public static FetchConfig defaults() {
        return new FetchConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(30), DEFAULT_MAX_LIST_BYTES, 8);
    }

    public FetchConfig withAttempts(int attempts, Duration initial, Duration max) {
        return new FetchConfig(attempts, initial, max, maxListBytes, maxParallelFetches);
    }

    public FetchConfig withMaxListBytes(long bytes) {
        return new FetchConfig(maxAttempts, initialBackoff, maxBackoff, bytes, maxParallelFetches);
    }

    public FetchConfig withMaxParallelFetches(int parallel) {
        return new FetchConfig(maxAttempts, initialBackoff, maxBackoff, maxListBytes, parallel);
    }
}
