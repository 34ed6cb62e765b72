package org.qtrust.server;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.server.config.ConfigurationException;
import org.qtrust.server.config.ServerSettings;
import org.qtrust.server.config.SettingsResolver;
import org.slf4j.LoggerFactory;

/**
 * {@code qtrust serve …} / {@code java -jar qtrust-server.jar …}. Unusable configuration ends
 * with one line {@code qtrust: message} on stderr and exit code 2, never a stack trace.
 */
public final class ServerMain {

    public static final int EXIT_USAGE = 2;

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(SettingsResolver.USAGE);
            return;
        }
        QtrustServer server;
        try {
            ServerSettings settings = SettingsResolver.of(arguments, System.getenv()).resolve();
            server = QtrustServer.start(settings, Clock.systemUTC());
            LoggerFactory.getLogger(ServerMain.class).info("QTrust server listening on {}://{}:{}/ (lists: {})",
                    server.tls() ? "https" : "http", settings.host(), server.port(), UrlRedaction.redact(settings.lists().describe()));
        } catch (ConfigurationException e) {
            fail(System.err, e.getMessage());
            return;
        }
        QtrustServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "qtrust-shutdown"));
        server.join();
    }

    private static void fail(PrintStream err, String message) {
        err.println("qtrust: " + message);
        err.flush();
        System.exit(EXIT_USAGE);
    }
}
