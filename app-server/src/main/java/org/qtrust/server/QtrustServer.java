package org.qtrust.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
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
        ServerAssembly assembly = ServerAssembly.assemble(settings, clock);
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
        jetty.setHandler(assembly.handler());
        jetty.setErrorHandler(new JsonErrorHandler());
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new ConfigurationException("cannot listen on " + settings.host() + ":" + settings.port() + " (" + e.getMessage() + ")");
        }
        return new QtrustServer(jetty, connector, assembly.startRefresh(), assembly.snapshots(), assembly.workers());
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
