package org.qtrust.server;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
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
import org.qtrust.server.http.JsonErrorHandler;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.refresh.BackgroundRefresh;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.SnapshotLoader;
import org.qtrust.server.wiring.ServerModule;
import org.slf4j.LoggerFactory;

/**
 * A running server: Jetty listening, the lists loading in the background (the server answers
 * {@code /health} at once and {@code /ready} once the lists are in).
 */
public final class QtrustServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;
    private final BackgroundRefresh refresh;
    private final SnapshotHolder snapshots;
    private final ExecutorService workers;

    private QtrustServer(Server jetty, ServerConnector connector, BackgroundRefresh refresh, SnapshotHolder snapshots,
                         ExecutorService workers) {
        this.jetty = jetty;
        this.connector = connector;
        this.refresh = refresh;
        this.snapshots = snapshots;
        this.workers = workers;
    }

    /**
     * Wires, starts listening and starts loading the lists.
     *
     * @throws ConfigurationException when the settings cannot work (unreadable keystore, bad policy, port in use)
     */
    public static QtrustServer start(ServerSettings settings, Clock clock) {
        Injector injector = injector(settings, clock);
        injector.getInstance(PolicyCatalog.class);
        SnapshotHolder snapshots = injector.getInstance(SnapshotHolder.class);
        SnapshotLoader loader = injector.getInstance(SnapshotLoader.class);

        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("qtrust-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        jetty.setHandler(injector.getInstance(ApiHandler.class));
        jetty.setErrorHandler(new JsonErrorHandler());
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new ConfigurationException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage() + ")");
        }
        BackgroundRefresh refresh;
        if (settings.lists() instanceof ServerSettings.Cache cache) {
            refresh = cacheRefresh(injector, settings, clock, snapshots, loader, cache);
        } else {
            Path folder = settings.lists().folder();
            refresh = BackgroundRefresh.offline(snapshots, loader, new DirectoryListSource(folder), "offline " + folder,
                    settings.refreshInterval());
        }
        return new QtrustServer(jetty, connector, refresh, snapshots, injector.getInstance(ExecutorService.class));
    }

    private static Injector injector(ServerSettings settings, Clock clock) {
        List<Module> modules = new ArrayList<>(List.of(new XmlAdapterModule(), new CryptoAdapterModule(),
                new ServerModule(settings, clock)));
        if (settings.lists() instanceof ServerSettings.Cache cache) {
            modules.add(new HttpAdapterModule(HttpAdapterConfig.defaults().withCacheDirectory(cache.folder())));
        }
        try {
            Injector injector = Guice.createInjector(modules);
            injector.getInstance(SnapshotLoader.class);
            return injector;
        } catch (ProvisionException e) {
            if (e.getCause() instanceof ConfigurationException problem) {
                throw problem;
            }
            throw e;
        }
    }

    private static BackgroundRefresh cacheRefresh(Injector injector, ServerSettings settings, Clock clock, SnapshotHolder snapshots,
                                                  SnapshotLoader loader, ServerSettings.Cache cache) {
        List<ServiceCertificate> officialJournal = injector.getInstance(Key.get(new TypeLiteral<List<ServiceCertificate>>() { }));
        TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class),
                injector.getInstance(ListCache.class), injector.getInstance(TrustedListReader.class),
                injector.getInstance(ListSignatureVerifier.class), injector.getInstance(ExecutorService.class), clock);
        return BackgroundRefresh.cache(snapshots, loader, injector.getInstance(FileListCache.class), "cache " + cache.folder(),
                refresher, at -> new LoadRequest(ListLocation.listOfLists(settings.lotlUrl()), officialJournal,
                        settings.officialJournal().uri(), at, new ListAcceptancePolicy(settings.expiryGrace())),
                clock, settings.refreshInterval(), injector.getInstance(HttpClient5Transport.class));
    }

    /** The port listened on (the one chosen when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public SnapshotHolder snapshots() {
        return snapshots;
    }

    /** Waits until the first snapshot is loaded; false after the timeout. */
    public boolean awaitSnapshot(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (snapshots.current().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        refresh.close();
        stopQuietly(jetty);
        workers.shutdownNow();
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LoggerFactory.getLogger(QtrustServer.class).warn("stopping the HTTP server failed: {}", e.toString());
        }
    }
}
