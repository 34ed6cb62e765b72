package org.qtrust.server;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.qtrust.server.config.ConfigurationException;
import org.qtrust.server.config.ServerSettings;
import org.qtrust.server.http.JsonErrorHandler;
import org.qtrust.server.refresh.BackgroundRefresh;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.wiring.ServerAssembly;
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
    private final boolean tls;

    private QtrustServer(Server jetty, ServerConnector connector, BackgroundRefresh refresh, SnapshotHolder snapshots,
                         ExecutorService workers, boolean tls) {
        this.tls = tls;
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
        Optional<KeyStore> tlsKeys = settings.exposure().tls().map(QtrustServer::tlsKeys);
        ServerAssembly assembly = ServerAssembly.assemble(settings, clock);
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("qtrust-http");
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = connector(jetty, http, settings, tlsKeys);
        connector.setHost(settings.host());
        // Slow clients: a silent connection is closed; past the limit, new connections wait in the backlog (issue 15 item 2).
        connector.setIdleTimeout(settings.clients().idleTimeout().toMillis());
        connector.setPort(settings.port());
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(settings.clients().maxConnections(), connector));
        jetty.setHandler(assembly.handler());
        jetty.setErrorHandler(new JsonErrorHandler(tlsKeys.isPresent()));
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new ConfigurationException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage() + ")");
        }
        return new QtrustServer(jetty, connector, assembly.startRefresh(), assembly.snapshots(), assembly.workers(),
                settings.exposure().tls().isPresent());
    }

    /** Plain HTTP, or TLS with the configured keystore (issue 15 item 5). */
    private static ServerConnector connector(Server jetty, HttpConfiguration http, ServerSettings settings,
                                             Optional<KeyStore> tlsKeys) {
        if (tlsKeys.isEmpty()) {
            return new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        ServerSettings.Tls tls = settings.exposure().tls().orElseThrow();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tlsKeys.get());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyManagerPassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The Host allow-list decides which names are answered; SNI need not match the certificate too.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(jetty, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    /** The TLS keystore, read before anything is wired: a wrong password stops the start at once. */
    private static KeyStore tlsKeys(ServerSettings.Tls tls) {
        try {
            KeyStore keystore = KeyStore.getInstance(tls.keystore().toFile(), tls.password().toCharArray());
            if (java.util.Collections.list(keystore.aliases()).stream().noneMatch(alias -> isKey(keystore, alias))) {
                throw new ConfigurationException("--tls-keystore " + tls.keystore() + ": holds no private key");
            }
            return keystore;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("--tls-keystore " + tls.keystore() + ": cannot be read with that password ("
                    + e.getMessage() + ")");
        }
    }

    private static boolean isKey(KeyStore keystore, String alias) {
        try {
            return keystore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when the server speaks TLS. */
    public boolean tls() {
        return tls;
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
