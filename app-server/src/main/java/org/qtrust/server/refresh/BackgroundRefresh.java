package org.qtrust.server.refresh;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.refresh.ScheduledRefresher;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.RefreshTrustedLists;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.SnapshotLoader;
import org.qtrust.server.snapshot.TrustedListsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the snapshot current: an offline folder is read again every interval (someone may
 * drop newer lists in); a cache is refreshed from the network by adapters-http's
 * {@link ScheduledRefresher} and loaded after each run. Each new snapshot is swapped in whole;
 * a failed load keeps the one in force.
 */
public final class BackgroundRefresh implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRefresh.class);

    private final SnapshotHolder holder;
    private final Supplier<TrustedListsSnapshot> load;
    private final ScheduledExecutorService executor;
    private final AutoCloseable network;
    /** Where each list came from, read after each swap (cache mode); empty otherwise. */
    private volatile Supplier<java.util.SortedMap<String, String>> sources = java.util.Collections::emptySortedMap;

    private BackgroundRefresh(SnapshotHolder holder, Supplier<TrustedListsSnapshot> load, AutoCloseable network) {
        this.holder = holder;
        this.load = load;
        this.network = network;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qtrust-snapshot-load");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads the folder now, then every interval. */
    public static BackgroundRefresh offline(SnapshotHolder holder, SnapshotLoader loader,
                                            ListDocumentSource folder, String origin,
                                            Duration interval) {
        return offline(holder, loader, folder, origin, interval, () -> { });
    }

    /** @param onClose what else to close with the refresh (the server's HTTP transport) */
    public static BackgroundRefresh offline(SnapshotHolder holder, SnapshotLoader loader,
                                            ListDocumentSource folder, String origin,
                                            Duration interval, AutoCloseable onClose) {
        BackgroundRefresh refresh = new BackgroundRefresh(holder, () -> loader.load(folder, origin), onClose);
        refresh.executor.execute(refresh::loadAndSwap);
        refresh.executor.scheduleWithFixedDelay(refresh::loadAndSwap, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return refresh;
    }

    /**
     * Loads what the cache holds now (a restart serves at once), then refreshes it from the
     * network on adapters-http's schedule and loads it again after each refresh.
     *
     * @param network closed with the refresh (the HTTP client, the download threads)
     */
    public static BackgroundRefresh cache(SnapshotHolder holder, SnapshotLoader loader, FileListCache cache, String origin,
                                          RefreshTrustedLists refresher, Function<Instant, LoadRequest> requestAt,
                                          Clock clock, Duration interval, AutoCloseable network) {
        ScheduledRefresher.Settings defaults = ScheduledRefresher.Settings.defaults();
        ScheduledRefresher.Settings settings = new ScheduledRefresher.Settings(interval,
                min(defaults.retryDelay(), interval), min(defaults.minimumDelay(), interval), defaults.nextUpdateMargin());
        RefreshTrustedLists counted = (request, listener) -> {
            try {
                return refresher.refresh(request, listener);
            } catch (ListCacheException | RuntimeException e) {
                holder.refreshFailed("refresh from the network failed: " + UrlRedaction.redact(e.getMessage()));
                throw e;
            }
        };
        ScheduledRefresher scheduled = new ScheduledRefresher(counted, requestAt, clock, settings);
        BackgroundRefresh refresh = new BackgroundRefresh(holder, () -> loader.load(cache.asSource(), origin), () -> {
            scheduled.close();
            network.close();
        });
        refresh.sources = () -> sources(cache);
        scheduled.addListener((RefreshReport report) -> {
            if (!report.problems().isEmpty()) {
                holder.refreshFailed(report.problems().size() + " list(s) could not be refreshed; last good copies kept");
            }
            refresh.executor.execute(refresh::loadAndSwap);
        });
        if (!cache.isEmpty()) {
            refresh.executor.execute(refresh::loadAndSwap);
        }
        scheduled.start(Duration.ZERO);
        return refresh;
    }

    /**
     * The snapshot is kept current by something else (a shared store's replica, which swaps
     * snapshots itself); closing this closes it.
     */
    public static BackgroundRefresh following(AutoCloseable replica) {
        return new BackgroundRefresh(null, () -> {
            throw new IllegalStateException("a following refresh loads nothing itself");
        }, replica);
    }

    /** The cache's metadata says which copy came from a mirror (issue 19.2). */
    static java.util.SortedMap<String, String> sources(FileListCache cache) {
        java.util.SortedMap<String, String> sources = new java.util.TreeMap<>();
        for (org.qtrust.core.trustedlist.refresh.port.CacheMetadata entry : cache.entries()) {
            org.qtrust.core.trustedlist.ListLocation location = entry.location();
            String name = location.role() == org.qtrust.core.trustedlist.ListLocation.Role.PIVOT
                    ? "pivot " + location.fileName() : location.territory();
            sources.put(name, entry.mirror().map(UrlRedaction::redact).orElse("publisher"));
        }
        return sources;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Loads the source again now, on the refresh's own thread (so loads never race), and gives the
     * snapshot in force afterwards: the on-miss refresh's swap.
     */
    public java.util.concurrent.CompletableFuture<java.util.Optional<TrustedListsSnapshot>> reloadNow() {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            loadAndSwap();
            return holder.current();
        }, executor);
    }

    private void loadAndSwap() {
        try {
            TrustedListsSnapshot snapshot = load.get();
            if (!snapshot.report().listOfLists().accepted() && holder.current().isPresent()) {
                String reason = snapshot.report().listOfLists().rejection().map(r -> r.code()).orElse("rejected");
                holder.refreshFailed("the LOTL was not accepted (" + reason + "); the snapshot in force is kept");
                LOG.warn("trusted lists reloaded but the LOTL was not accepted ({}); keeping the snapshot loaded at {}",
                        reason, holder.current().get().loadedAt());
                return;
            }
            holder.swap(snapshot);
            holder.listSources(sources.get());
            LOG.info("trusted lists loaded from {}: LOTL seq {} {}, {} list(s), {} list(s) of trusted entities ({} accepted now);"
                            + " each is judged at each request's validation time",
                    UrlRedaction.redact(snapshot.origin()), snapshot.report().listOfLists().list().map(l -> l.scheme().sequenceNumber()).orElse(null),
                    snapshot.report().listOfLists().accepted() ? "verified" : "not accepted", snapshot.report().lists().size(),
                    snapshot.lotes().size(), snapshot.lotes().stream().filter(v -> v.accepted()).count());
        } catch (RuntimeException e) {
            holder.refreshFailed(e.getClass().getSimpleName() + ": " + UrlRedaction.redact(e.getMessage()));
            LOG.warn("loading the trusted lists failed: {}", UrlRedaction.redact(e.toString()));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            network.close();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("closing the network refresh failed: {}", e.toString());
        }
    }
}
