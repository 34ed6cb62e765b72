package org.qtrust.server.store;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.adapters.redis.RedisLoteCache;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.LoteRollbackFloors;
import org.qtrust.adapters.redis.RedisRefreshLease;
import org.qtrust.adapters.redis.RedisSnapshotStore;
import org.qtrust.adapters.redis.RedisStore;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.RefreshListener;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.server.refresh.MissRefresh;
import org.qtrust.core.trustedlist.refresh.RollbackFloors;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.SnapshotLoader;
import org.qtrust.server.snapshot.TrustedListsSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server replica on a shared Redis store (docs/deployment.md).
 * <ul>
 *   <li><b>Follow.</b> On every snapshot announced on the store's channel, and every poll
 *       interval as a fallback, the current manifest is read; a new id is loaded — every
 *       document verified as a download, changed bytes and rollbacks refused, the replica's
 *       last verified copy of a list kept in their place — and swapped in whole.</li>
 *   <li><b>Lead.</b> Every refresh interval each replica tries the refresh lease; the one that
 *       gets it refreshes the store from the network and publishes the snapshot with its
 *       fencing token; the others do nothing. A failed attempt is retried with a growing pause.</li>
 *   <li><b>Survive.</b> No request waits on Redis: requests read the snapshot in memory. When
 *       Redis is down the replica keeps serving its last verified snapshot and says so
 *       ({@code /ready}: {@code store.state} {@code stale}).</li>
 * </ul>
 */
public final class StoreReplica implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreReplica.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);

    private final RedisStore store;
    private final RedisListCache cache;
    private final RedisLoteCache lotes;
    private final RedisRefreshLease lease;
    private final RedisSnapshotStore snapshots;
    private final SnapshotHolder holder;
    private final SnapshotLoader loader;
    private final TrustedListReader reader;
    private final TrustedListRefresher refresher;
    private final Function<Instant, LoadRequest> requestAt;
    private final Clock clock;
    private final Duration interval;
    private final Duration poll;
    private final AutoCloseable network;
    private final ScheduledExecutorService follow;
    private final ScheduledExecutorService lead;
    private final Map<String, ListDocument> lastVerified = new ConcurrentHashMap<>();
    private final Map<String, BigInteger> localFloors = new ConcurrentHashMap<>();
    private final Map<String, BigInteger> localLoteFloors = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private volatile String loadedId;
    private volatile boolean leading;
    private volatile AutoCloseable watch = () -> { };
    private volatile Duration retry = FIRST_RETRY;

    /**
     * @param refresher refreshes {@code cache} from the network (its lock is the lease, held by the leading thread)
     * @param interval  how often a replica tries to lead a refresh
     * @param poll      how often the current snapshot is checked besides announcements
     * @param network   closed with the replica (HTTP transport, download threads)
     */
    public StoreReplica(RedisStore store, RedisListCache cache, RedisRefreshLease lease, SnapshotHolder holder,
                        SnapshotLoader loader, TrustedListReader reader, TrustedListRefresher refresher,
                        Function<Instant, LoadRequest> requestAt, Clock clock, Duration interval, Duration poll,
                        AutoCloseable network) {
        this.store = Objects.requireNonNull(store);
        this.cache = Objects.requireNonNull(cache);
        this.lotes = new RedisLoteCache(store, lease);
        this.lease = Objects.requireNonNull(lease);
        this.snapshots = new RedisSnapshotStore(store);
        this.holder = Objects.requireNonNull(holder);
        this.loader = Objects.requireNonNull(loader);
        this.reader = Objects.requireNonNull(reader);
        this.refresher = Objects.requireNonNull(refresher);
        this.requestAt = Objects.requireNonNull(requestAt);
        this.clock = Objects.requireNonNull(clock);
        this.interval = Objects.requireNonNull(interval);
        this.poll = Objects.requireNonNull(poll);
        this.network = Objects.requireNonNull(network);
        this.follow = daemon("qtrust-store-follow");
        this.lead = daemon("qtrust-store-lead");
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads the current snapshot, listens for new ones, and starts trying to lead refreshes. */
    public StoreReplica start() {
        status("unavailable", Optional.of("loading the store's snapshot"));
        follow.execute(this::reload);
        follow.scheduleWithFixedDelay(this::reload, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        watch = snapshots.watch(id -> {
            if (!id.equals(loadedId)) {
                follow.execute(this::reload);
            }
        }, Duration.ofSeconds(30));
        lead.execute(this::tryToLead);
        return this;
    }

    /** Reads the store's current snapshot and, when it is new, loads, verifies and swaps it in. */
    void reload() {
        Optional<SnapshotManifest> manifest;
        try {
            manifest = snapshots.current();
        } catch (ListCacheException e) {
            degraded("the store is unavailable: " + e.getMessage());
            return;
        }
        if (manifest.isEmpty()) {
            degraded("the store holds no snapshot yet (a replica publishes one after its first refresh)");
            return;
        }
        String id = manifest.get().id();
        if (id.equals(loadedId)) {
            status("fresh", Optional.empty());
            return;
        }
        try {
            Map<String, BigInteger> floors = new HashMap<>(localFloors);
            try {
                cache.rollbackFloors().forEach((name, floor) -> floors.merge(name, floor, BigInteger::max));
            } catch (ListCacheException e) {
                LOG.warn("rollback floors unavailable, using this replica's own: {}", e.getMessage());
            }
            ReplicaSource source = new ReplicaSource(cache.snapshotSource(manifest.get()), lastVerified, floors, reader);
            String origin = "store " + store.display() + " snapshot " + id.substring(0, 12);
            java.util.function.UnaryOperator<TrustedListsReport> judge =
                    report -> RollbackFloors.apply(report, floors, location -> RedisListCache.nameFor(location));
            LoteDocumentSource loteSource = lotes.snapshotSource(manifest.get());
            Map<String, BigInteger> loteFloors = loteFloors();
            java.util.function.UnaryOperator<List<LoteVerdict>> judgeLotes = verdicts -> LoteRollbackFloors.apply(verdicts, loteFloors);
            TrustedListsSnapshot loaded = loader.load(source, origin, judge, loteSource, judgeLotes);
            // Redis is storage, not a trust anchor: a list whose store copy does not verify (changed bytes under their
            // own digest, a wrong signer) is verified again from this replica's last verified copy, when it has one.
            Map<String, String> refused = source.refusedWithKeptCopy(verdictsOf(loaded.report()));
            if (!refused.isEmpty()) {
                source = source.keeping(refused);
                loaded = loader.load(source, origin, judge, loteSource, judgeLotes);
            }
            TrustedListsReport report = loaded.report();
            if (!report.listOfLists().accepted() && holder.current().isPresent()) {
                String reason = report.listOfLists().rejection().map(r -> r.code()).orElse("rejected");
                degraded("snapshot " + id.substring(0, 12) + "… was refused: its LOTL is not accepted (" + reason
                        + "); the last verified snapshot is served");
                return;
            }
            holder.swap(loaded.identified(id));
            loaded.lotes().stream().filter(v -> v.accepted() && v.list().isPresent()).forEach(verdict -> localLoteFloors.merge(verdict.location(),
                    verdict.list().get().scheme().sequenceNumber(), BigInteger::max));
            loadedId = id;
            remember(report, source.served());
            Map<String, String> problems = source.problems();
            if (!problems.isEmpty()) {
                List<String> lines = new ArrayList<>();
                problems.forEach((name, why) -> lines.add(name + ": " + why));
                holder.refreshFailed("store snapshot " + id.substring(0, 12) + "…: " + String.join("; ", lines));
                LOG.warn("store snapshot {}: {}", id, lines);
            }
            status("fresh", Optional.empty());
            LOG.info("store snapshot {} in force: LOTL {}, {} list(s)", id, report.listOfLists().accepted() ? "verified" : "not accepted",
                    report.lists().size());
        } catch (RuntimeException e) {
            degraded("loading snapshot " + id.substring(0, 12) + "… failed: " + e.getMessage());
            LOG.warn("loading store snapshot {} failed: {}", id, e.toString());
        }
    }

    private static List<ListVerdict> verdictsOf(TrustedListsReport report) {
        List<ListVerdict> verdicts = new ArrayList<>(report.lists());
        verdicts.add(report.listOfLists());
        verdicts.addAll(report.pivots());
        return verdicts;
    }

    /** Accepted documents become the replica's last verified copies and raise its own floors. */
    private void remember(TrustedListsReport report, Map<String, ListDocument> served) {
        for (ListVerdict verdict : verdictsOf(report)) {
            if (!verdict.accepted() || verdict.list().isEmpty()) {
                continue;
            }
            String name = RedisListCache.nameFor(verdict.location());
            ListDocument document = served.get(name);
            if (document != null) {
                lastVerified.put(name, document);
                localFloors.merge(name, verdict.list().get().scheme().sequenceNumber(), BigInteger::max);
            }
        }
    }

    /**
     * When the store's snapshot is due (none yet, or published an interval ago), tries the lease;
     * the holder refreshes the store and publishes. Replicas that find the lease taken look again
     * after the lease time, so a leader that dies without publishing is replaced; a failure is
     * retried after a growing pause.
     */
    void tryToLead() {
        Duration next = interval;
        try {
            Optional<Duration> due = untilDue();
            if (due.isPresent()) {
                next = due.get();
                return;
            }
            Optional<RedisRefreshLease.Grant> grant = lease.tryHold();
            if (grant.isEmpty()) {
                // Another replica leads; should it die without publishing, its lease expires: look again then.
                leading = false;
                Duration leaseTime = store.config().leaseTime();
                next = leaseTime.compareTo(interval) < 0 ? leaseTime : interval;
                return;
            }
            leading = true;
            try (RedisRefreshLease.Grant held = grant.get()) {
                if (untilDue().isPresent()) {
                    return; // another replica published while this one took the lease
                }
                RefreshReport report = refresher.refresh(requestAt.apply(clock.instant()), RefreshListener.NONE);
                if (!report.usable()) {
                    holder.refreshFailed("the store's refresh produced no trusted LOTL: " + report.listOfLists().detail());
                    next = backoff();
                    return;
                }
                if (loader.lotes().isPresent()) {
                    // the lists of trusted entities into the store too, each stored only when authentic and not a rollback
                    loader.lotes().get().refreshInto(lotes, clock);
                }
                SnapshotManifest manifest = manifest();
                if (snapshots.publish(manifest, held.fencingToken())) {
                    published.incrementAndGet();
                    retry = FIRST_RETRY;
                    follow.execute(this::reload);
                } else {
                    LOG.warn("the refresh lease was taken over before this replica could publish (token {})", held.fencingToken());
                }
            } finally {
                leading = false;
            }
        } catch (ListCacheException | RuntimeException e) {
            holder.refreshFailed("refreshing the store failed: " + e.getMessage());
            LOG.warn("refreshing the store failed: {}", e.getMessage());
            next = backoff();
        } finally {
            if (!lead.isShutdown()) {
                lead.schedule(this::tryToLead, next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * The on-miss refresh of one territory's list through the store: under the lease (so one
     * replica refreshes), the list is fetched conditionally into the store; a newer verified copy
     * is published as a new snapshot, which every replica loads, this one before answering.
     */
    public MissRefresh.Outcome refreshTerritory(String territory) {
        Optional<RedisRefreshLease.Grant> grant = lease.tryHold();
        if (grant.isEmpty()) {
            return MissRefresh.Outcome.failed("another replica is refreshing the store");
        }
        try (RedisRefreshLease.Grant held = grant.get()) {
            ListRefresh entry = refresher.refreshTerritory(requestAt.apply(clock.instant()), territory);
            switch (entry.outcome()) {
                case UPDATED, NEW -> {
                    SnapshotManifest manifest = manifest();
                    if (!snapshots.publish(manifest, held.fencingToken())) {
                        return MissRefresh.Outcome.failed("the refresh lease was taken over before the snapshot was published");
                    }
                    published.incrementAndGet();
                    follow.submit(this::reload).get();
                    return holder.current().filter(s -> s.snapshotId().filter(manifest.id()::equals).isPresent())
                            .map(s -> MissRefresh.Outcome.refreshed(entry.sequence().orElse(BigInteger.ZERO), s))
                            .orElseGet(() -> MissRefresh.Outcome.failed("published, but this replica could not load it"));
                }
                case NOT_MODIFIED -> {
                    return MissRefresh.Outcome.unchanged();
                }
                default -> {
                    return MissRefresh.Outcome.failed(entry.detail());
                }
            }
        } catch (ListCacheException e) {
            return MissRefresh.Outcome.failed(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MissRefresh.Outcome.failed("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return MissRefresh.Outcome.failed(String.valueOf(e.getCause()));
        }
    }

    /** The snapshot of what the store holds now: its trusted lists and lists of trusted entities. */
    private SnapshotManifest manifest() throws ListCacheException {
        return lotes.withLotes(cache.manifest(clock.instant()));
    }

    /** The store's LoTE rollback floors of the configured locations, raised by this replica's own. */
    private Map<String, BigInteger> loteFloors() {
        Map<String, BigInteger> floors = new HashMap<>(localLoteFloors);
        if (loader.lotes().isPresent()) {
            try {
                lotes.rollbackFloors(loader.lotes().get().locations()).forEach((location, floor) -> floors.merge(location, floor, BigInteger::max));
            } catch (ListCacheException e) {
                LOG.warn("LoTE rollback floors unavailable, using this replica's own: {}", e.getMessage());
            }
        }
        return floors;
    }

    /** Empty when a refresh is due; else how long until it is. */
    private Optional<Duration> untilDue() throws ListCacheException {
        Optional<SnapshotManifest> current = snapshots.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Duration age = Duration.between(current.get().publishedAt(), clock.instant());
        if (age.compareTo(interval) >= 0) {
            return Optional.empty();
        }
        Duration left = interval.minus(age);
        Duration leaseTime = store.config().leaseTime();
        return Optional.of(left.compareTo(leaseTime) < 0 ? left : leaseTime);
    }

    private Duration backoff() {
        Duration now = retry;
        Duration doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(interval) > 0 ? interval : doubled;
        return now.compareTo(interval) > 0 ? interval : now;
    }

    private void degraded(String why) {
        status(holder.current().isPresent() ? "stale" : "unavailable", Optional.of(why));
    }

    private void status(String state, Optional<String> detail) {
        RedisStore.Stats stats = store.stats();
        holder.storeStatus(new SnapshotHolder.StoreStatus(state, Optional.ofNullable(loadedId), detail, leading,
                Optional.of(clock.instant()), stats.commands(), stats.errors(), stats.seconds(), published.get()));
    }

    /** Snapshots this replica published as leader. */
    public long published() {
        return published.get();
    }

    /** For tests: stop without releasing the lease, as a killed process would (it expires by itself). */
    void abandon() {
        lead.shutdownNow();
        follow.shutdownNow();
        lease.shutdown();
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (Exception e) {
            LOG.debug("closing the store watch: {}", e.toString());
        }
        lead.shutdownNow();
        follow.shutdownNow();
        lease.shutdown();
        try {
            network.close();
        } catch (Exception e) {
            LOG.warn("closing the network: {}", e.toString());
        }
        store.close();
    }
}
