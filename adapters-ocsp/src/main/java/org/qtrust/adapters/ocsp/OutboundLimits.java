package org.qtrust.adapters.ocsp;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the checker's OCSP and CRL fetches run (issue 15.1): on a bounded pool of daemon
 * threads of its own (never on the caller's thread, so a caller waits only as long as its
 * {@link org.qtrust.core.transport.OutboundBudget} allows), at most {@code perHost} at once per
 * host, and a URL whose fetch failed is not asked again for {@code failureMemory}.
 *
 * @param threads       fetching threads
 * @param queue         fetches waiting for a thread; beyond, a fetch is refused at once (status unknown)
 * @param perHost       fetches in progress to one host at once; more wait for their turn within their budget
 * @param failureMemory how long a failed fetch (no answer, HTTP error, empty or oversized body) is remembered per URL
 */
public record OutboundLimits(int threads, int queue, int perHost, Duration failureMemory) {

    /** 8 threads, 256 queued, 4 per host, failures remembered 60 s. */
    public static final OutboundLimits DEFAULTS = new OutboundLimits(8, 256, 4, Duration.ofSeconds(60));

    public OutboundLimits {
        Objects.requireNonNull(failureMemory);
        if (threads < 1 || queue < 1 || perHost < 1) {
            throw new IllegalArgumentException("outbound limits must be positive");
        }
        if (failureMemory.isNegative()) {
            throw new IllegalArgumentException("the failure memory cannot be negative");
        }
    }

    public OutboundLimits withPerHost(int value) {
        return new OutboundLimits(threads, queue, value, failureMemory);
    }

    public OutboundLimits withFailureMemory(Duration value) {
        return new OutboundLimits(threads, queue, perHost, value);
    }

    public OutboundLimits withThreads(int count, int queued) {
        return new OutboundLimits(count, queued, perHost, failureMemory);
    }
}
