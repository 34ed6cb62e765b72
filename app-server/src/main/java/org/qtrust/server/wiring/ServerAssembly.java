package org.qtrust.server.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.ocsp.guice.OcspAdapterModule;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;
import org.qtrust.server.config.ConfigurationException;
import org.qtrust.server.config.ServerSettings;
import org.qtrust.server.http.ApiHandler;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.refresh.BackgroundRefresh;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.SnapshotLoader;
import org.qtrust.server.store.StoreReplica;
import org.qtrust.server.refresh.MissRefresh;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import com.google.inject.multibindings.OptionalBinder;
import org.qtrust.adapters.redis.RedisEvidenceStore;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.adapters.redis.RedisRefreshLease;
import org.qtrust.adapters.redis.RedisStore;
import java.time.Duration;

/**
 * Builds the server from its settings with Guice: the adapter modules (xml, crypto, http for
 * list refreshes and revocation fetches, ocsp for revocation) and {@link ServerModule}. Configuration problems
 * (unreadable keystore, bad policy file) surface here, before anything listens.
 */
public final class ServerAssembly {

    private static final int DOWNLOAD_THREADS = 8;

    private final Injector injector;
    private final ServerSettings settings;
    private final Clock clock;

    private ServerAssembly(Injector injector, ServerSettings settings, Clock clock) {
        this.injector = injector;
        this.settings = settings;
        this.clock = clock;
    }

    /** @throws ConfigurationException when the settings cannot work */
    public static ServerAssembly assemble(ServerSettings settings, Clock clock) {
        List<Module> modules = new ArrayList<>(List.of(new XmlAdapterModule(), new CryptoAdapterModule(),
                new ServerModule(settings, clock)));
        // The transport serves list refreshes (cache mode) and the revocation fetches (always).
        HttpAdapterConfig http = HttpAdapterConfig.defaults().withTransport(settings.transport()).withMirrors(settings.mirrors());
        if (settings.lists() instanceof ServerSettings.Cache cache) {
            http = http.withCacheDirectory(cache.folder());
        }
        modules.add(new HttpAdapterModule(http));
        modules.add(new OcspAdapterModule(clock));
        if (settings.lists() instanceof ServerSettings.Store store) {
            // Issue 17.4: OCSP responses, CRLs and status list tokens shared by the replicas, behind the in-memory caches.
            RedisEvidenceStore evidence = new RedisEvidenceStore(store.config());
            modules.add(new com.google.inject.AbstractModule() {
                @Override
                protected void configure() {
                    OptionalBinder.newOptionalBinder(binder(), SharedEvidenceStore.class).setBinding().toInstance(evidence);
                    bind(RedisEvidenceStore.class).toInstance(evidence);
                }
            });
        }
        try {
            Injector injector = Guice.createInjector(modules);
            if (settings.lists() instanceof ServerSettings.Store) {
                RedisEvidenceStore evidence = injector.getInstance(RedisEvidenceStore.class);
                injector.getInstance(org.qtrust.server.metrics.ServerMetrics.class).installSharedEvidence(() -> {
                    RedisEvidenceStore.Stats stats = evidence.stats();
                    return new org.qtrust.server.metrics.ServerMetrics.SharedEvidenceCounts(stats.hits(), stats.misses(),
                            stats.writes(), stats.errors(), stats.skipped());
                });
            }
            injector.getInstance(PolicyCatalog.class);
            injector.getInstance(SnapshotLoader.class);
            return new ServerAssembly(injector, settings, clock);
        } catch (ProvisionException e) {
            if (e.getCause() instanceof ConfigurationException problem) {
                throw problem;
            }
            throw e;
        }
    }

    public ApiHandler handler() {
        return injector.getInstance(ApiHandler.class);
    }

    public SnapshotHolder snapshots() {
        return injector.getInstance(SnapshotHolder.class);
    }

    public ExecutorService workers() {
        return injector.getInstance(ExecutorService.class);
    }

    /** Starts loading the lists in the background: the offline folder, the cache refreshed from the network, or the shared store. */
    /**
     * A replica of the shared store: it follows the published snapshot and, holding the lease,
     * refreshes the store from the network (adapters-http) and publishes the next one.
     */
    StoreReplica startReplica(ServerSettings.Store origin, SnapshotLoader loader) {
        List<ServiceCertificate> officialJournal = injector.getInstance(Key.get(new TypeLiteral<List<ServiceCertificate>>() { }));
        ExecutorService downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "qtrust-list-download");
            thread.setDaemon(true);
            return thread;
        });
        RedisStore store = new RedisStore(origin.config());
        RedisRefreshLease lease = new RedisRefreshLease(store, Duration.ZERO);
        RedisListCache cache = new RedisListCache(store, lease);
        HttpClient5Transport transport = injector.getInstance(HttpClient5Transport.class);
        TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class), cache,
                injector.getInstance(TrustedListReader.class), injector.getInstance(ListSignatureVerifier.class), downloads, clock);
        StoreReplica replica = new StoreReplica(store, cache, lease, snapshots(), loader, injector.getInstance(TrustedListReader.class), refresher,
                at -> new LoadRequest(ListLocation.listOfLists(settings.lotlUrl()), officialJournal,
                        settings.officialJournal().uri(), at, new ListAcceptancePolicy(settings.expiryGrace())),
                clock, settings.refreshInterval(), origin.poll(), () -> {
                    transport.close();
                    downloads.shutdownNow();
                    injector.getInstance(RedisEvidenceStore.class).close();
                }).start();
        injector.getInstance(MissRefresh.class).install(replica::refreshTerritory);
        return replica;
    }

    public BackgroundRefresh startRefresh() {
        SnapshotLoader loader = injector.getInstance(SnapshotLoader.class);
        if (settings.lists() instanceof ServerSettings.Store store) {
            return BackgroundRefresh.following(startReplica(store, loader));
        }
        if (settings.lists() instanceof ServerSettings.Cache cache) {
            List<ServiceCertificate> officialJournal = injector.getInstance(Key.get(new TypeLiteral<List<ServiceCertificate>>() { }));
            // Refreshing waits on the network more than it computes: more threads than cores.
            ExecutorService downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS, runnable -> {
                Thread thread = new Thread(runnable, "qtrust-list-download");
                thread.setDaemon(true);
                return thread;
            });
            HttpClient5Transport transport = injector.getInstance(HttpClient5Transport.class);
            TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class),
                    injector.getInstance(ListCache.class), injector.getInstance(TrustedListReader.class),
                    injector.getInstance(ListSignatureVerifier.class), downloads, clock);
            java.util.function.Function<java.time.Instant, LoadRequest> requestAt = at -> new LoadRequest(
                    ListLocation.listOfLists(settings.lotlUrl()), officialJournal, settings.officialJournal().uri(), at,
                    new ListAcceptancePolicy(settings.expiryGrace()));
            BackgroundRefresh refresh = BackgroundRefresh.cache(snapshots(), loader, injector.getInstance(FileListCache.class),
                    "cache " + cache.folder(), refresher, requestAt, clock, settings.refreshInterval(), () -> {
                        transport.close();
                        downloads.shutdownNow();
                    });
            injector.getInstance(MissRefresh.class).install(territory -> {
                ListRefresh entry;
                try {
                    entry = refresher.refreshTerritory(requestAt.apply(clock.instant()), territory);
                } catch (ListCacheException e) {
                    return MissRefresh.Outcome.failed(e.getMessage());
                }
                return switch (entry.outcome()) {
                    case UPDATED, NEW -> refresh.reloadNow().join()
                            .map(snapshot -> MissRefresh.Outcome.refreshed(entry.sequence().orElse(java.math.BigInteger.ZERO), snapshot))
                            .orElseGet(() -> MissRefresh.Outcome.failed("stored, but the snapshot could not be loaded"));
                    case NOT_MODIFIED -> MissRefresh.Outcome.unchanged();
                    default -> MissRefresh.Outcome.failed(entry.detail());
                };
            });
            return refresh;
        }
        Path folder = ((ServerSettings.Offline) settings.lists()).folder();
        HttpClient5Transport transport = injector.getInstance(HttpClient5Transport.class);
        return BackgroundRefresh.offline(snapshots(), loader, new DirectoryListSource(folder), "offline " + folder,
                settings.refreshInterval(), transport::close);
    }
}
