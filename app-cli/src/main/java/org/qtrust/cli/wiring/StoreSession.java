package org.qtrust.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.adapters.redis.RedisLoteCache;
import org.qtrust.adapters.redis.RedisRefreshLease;
import org.qtrust.adapters.redis.RedisSnapshotStore;
import org.qtrust.adapters.redis.RedisStore;
import org.qtrust.adapters.redis.RedisStoreConfig;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * The lists in a shared Redis store ({@code --store redis://…}): {@code lists refresh --store}
 * refreshes the store's copies under the refresh lease and publishes the snapshot they make
 * (fenced by the lease's token); {@code lists load --store} reads the documents the current
 * snapshot names, verifies each as a download, and refuses a copy below its rollback floor.
 */
public final class StoreSession {

    private StoreSession() {
    }

    /** The store the options name, connected (nothing is sent until used). */
    public static RedisStore open(ListOptions options) {
        String url = options.store().orElseThrow();
        try {
            return new RedisStore(RedisStoreConfig.parse(url, options.storePrefix().orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }

    /**
     * A refresh of the store and the snapshot it published (empty with the reason when it could not publish);
     * the lists of trusted entities' part when {@code --lote} named some.
     */
    public record StoreRefresh(RefreshReport report, Optional<LoteRefreshReport> lotes, Optional<String> snapshot,
                               Optional<String> notPublished) {
    }

    /**
     * Refreshes the copies in the store from the network — the trusted lists, then the lists of
     * trusted entities {@code lote} names (each stored only when authentic and not a rollback) —
     * and publishes the snapshot they make, all under one grant of the refresh lease.
     */
    public static StoreRefresh refresh(ListOptions lists, LoteOptions lote, RedisStore store, TransportConfig transportConfig,
                                       PrintWriter progressOut) {
        List<ServiceCertificate> officialJournal = TrustedListsSession.officialJournalCertificates(lists);
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ofMinutes(5));
        RedisListCache cache = new RedisListCache(store, lease);
        HttpAdapterConfig config = HttpAdapterConfig.defaults().withTransport(transportConfig).withMirrors(lists.mirrors());
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new HttpAdapterModule(config), new ListsModule(cache.asSource()));
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(lists.lotlUrl()), officialJournal,
                lists.ojUrl(), lists.validationTime(Clock.systemUTC()), new ListAcceptancePolicy(lists.expiryGrace()));
        HttpClient5Transport transport = injector.getInstance(HttpClient5Transport.class);
        try (RedisRefreshLease.Grant grant = lease.hold()) {
            TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class), cache,
                    injector.getInstance(TrustedListReader.class), injector.getInstance(ListSignatureVerifier.class),
                    injector.getInstance(ExecutorService.class), Clock.systemUTC());
            RefreshProgress progress = new RefreshProgress(progressOut, System.console() != null);
            RefreshReport report = refresher.refresh(request, progress);
            progress.finish();
            if (!report.usable()) {
                return new StoreRefresh(report, Optional.empty(), Optional.empty(), Optional.of("the store holds no trusted LOTL"));
            }
            RedisLoteCache loteCache = new RedisLoteCache(store, lease);
            Optional<LoteRefreshReport> lotes = lote.given()
                    ? Optional.of(LoteSession.refresh(lote, loteCache, "--store " + store.display(), transportConfig,
                            report.cache().validationTime(), lists.expiryGrace()))
                    : Optional.empty();
            SnapshotManifest manifest = loteCache.withLotes(cache.manifest(Clock.systemUTC().instant()));
            if (!new RedisSnapshotStore(store).publish(manifest, grant.fencingToken())) {
                return new StoreRefresh(report, lotes, Optional.empty(),
                        Optional.of("the refresh lease was taken over by another replica before this refresh finished"));
            }
            return new StoreRefresh(report, lotes, Optional.of(manifest.id()), Optional.empty());
        } catch (ListCacheException e) {
            throw new UsageException("--store " + store.display() + ": " + e.getMessage());
        } finally {
            transport.close();
            lease.shutdown();
        }
    }

    /**
     * The sources and floors of the store's current snapshot, for {@code lists load --store}: the
     * trusted lists by name, the lists of trusted entities by location.
     */
    public record Snapshot(String id, ListDocumentSource source, java.util.Map<String, java.math.BigInteger> floors,
                           LoteDocumentSource lotes, java.util.Map<String, java.math.BigInteger> loteFloors) {
    }

    public static Snapshot current(RedisStore store) {
        try {
            SnapshotManifest manifest = new RedisSnapshotStore(store).current().orElseThrow(() -> new UsageException(
                    "--store " + store.display() + ": the store holds no snapshot yet; fill it with 'qtrust lists refresh --store "
                            + store.display() + " <OJ options>'"));
            RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ZERO);
            RedisListCache cache = new RedisListCache(store, lease);
            RedisLoteCache lotes = new RedisLoteCache(store, lease);
            List<String> loteLocations = manifest.entries().stream().filter(e -> e.kind() == SnapshotManifest.Kind.LOTE)
                    .map(SnapshotManifest.Entry::key).toList();
            return new Snapshot(manifest.id(), cache.snapshotSource(manifest), cache.rollbackFloors(),
                    lotes.snapshotSource(manifest), lotes.rollbackFloors(loteLocations));
        } catch (ListCacheException e) {
            throw new UsageException("--store " + store.display() + ": " + e.getMessage());
        }
    }
}
