package org.qtrust.server.snapshot;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The snapshot in force. A refresh builds a whole new snapshot and swaps it in with one
 * atomic write; a request reads the reference once and uses that snapshot throughout, so it
 * never sees half of one load and half of another.
 */
public final class SnapshotHolder {

    private final AtomicReference<TrustedListsSnapshot> current = new AtomicReference<>();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicReference<Optional<String>> lastFailure = new AtomicReference<>(Optional.empty());
    private volatile Instant lastSwap;

    public Optional<TrustedListsSnapshot> current() {
        return Optional.ofNullable(current.get());
    }

    public void swap(TrustedListsSnapshot snapshot) {
        current.set(snapshot);
        lastSwap = snapshot.loadedAt();
        refreshes.increment();
        lastFailure.set(Optional.empty());
    }

    /** A refresh that produced nothing usable: the snapshot in force stays. */
    public void refreshFailed(String why) {
        failures.increment();
        lastFailure.set(Optional.of(why));
    }

    public long refreshCount() {
        return refreshes.sum();
    }

    public long failureCount() {
        return failures.sum();
    }

    public Optional<String> lastFailure() {
        return lastFailure.get();
    }

    public Optional<Instant> lastSwap() {
        return Optional.ofNullable(lastSwap);
    }
}
