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
    private volatile StoreStatus store;

    /**
     * How the replica stands with a shared store ({@code --store}), for {@code /ready}.
     *
     * @param state      {@code fresh} (the store's current snapshot is in force), {@code stale} (the last
     *                   verified snapshot is served while the store or upstream is unavailable), or
     *                   {@code unavailable} (no snapshot could be loaded yet)
     * @param snapshotId the id in force, when any
     * @param detail     why it is stale or unavailable
     * @param leader     whether this replica holds the refresh lease now
     * @param commands   Redis commands sent so far; {@code errors} of them failed, taking {@code commandSeconds} in all
     * @param published  snapshots this replica published as the lease holder
     */
    public record StoreStatus(String state, Optional<String> snapshotId, Optional<String> detail, boolean leader,
                              Optional<Instant> checkedAt, long commands, long errors, double commandSeconds,
                              long published) {
    }

    private volatile java.util.SortedMap<String, String> listSources = java.util.Collections.emptySortedMap();

    /**
     * Where each list in force came from (issue 19.2), by name ({@code EU}, {@code AT}, {@code pivot <file>}):
     * {@code publisher}, or the URL of the mirror that served it when the publisher's location failed.
     */
    public void listSources(java.util.SortedMap<String, String> sources) {
        this.listSources = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(sources));
    }

    public java.util.SortedMap<String, String> listSources() {
        return listSources;
    }

    public void storeStatus(StoreStatus status) {
        this.store = status;
    }

    public Optional<StoreStatus> storeStatus() {
        return Optional.ofNullable(store);
    }

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
