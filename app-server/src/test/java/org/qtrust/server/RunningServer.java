package org.qtrust.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.qtrust.server.config.ServerSettings;
import org.qtrust.server.config.SettingsResolver;

/**
 * The server on a free loopback port over the shared real snapshot (LOTL seq 248, September
 * 2019), with the clock set to 2019-10-01 so that "now" falls inside the lists' validity.
 * Started once per test JVM: loading and verifying 29 lists is the slow part. Revocation is off
 * (see {@code RevocationApiTest} for revocation over a loopback responder).
 */
public final class RunningServer {

    public static final Instant NOW = Instant.parse("2019-10-01T00:00:00Z");
    public static final ObjectMapper JSON = new ObjectMapper();

    private static RunningServer instance;

    private final QtrustServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningServer(QtrustServer server) {
        this.server = server;
    }

    public static synchronized RunningServer get() {
        if (instance == null) {
            // Revocation off: the real 2019 certificates name OCSP responders on the Internet, which tests never reach.
            QtrustServer server = QtrustServer.start(settings(List.of("--revocation", "off")), Clock.fixed(NOW, ZoneOffset.UTC));
            try {
                if (!server.awaitSnapshot(Duration.ofMinutes(3))) {
                    server.close();
                    throw new IllegalStateException("the shared lists did not load within 3 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            instance = new RunningServer(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return instance;
    }

    /** Settings for the shared offline snapshot on a free port, plus any extra flags. */
    public static ServerSettings settings(List<String> extra) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--port", "0",
                "--offline", data("lotl-snapshot").toString(),
                "--oj-keystore", data("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password"));
        arguments.addAll(extra);
        return SettingsResolver.of(arguments, Map.of()).resolve();
    }

    public static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("../shared"), Path.of("../../shared"))) {
            if (Files.isDirectory(candidate.resolve("trust-data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared not found: set -Dqtrust.shared");
    }

    public static Path data(String relative) {
        return shared().resolve("trust-data").resolve(relative);
    }

    public static String certificate(String fileName) {
        try {
            return Files.readString(data("certs/" + fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public QtrustServer server() {
        return server;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate question as JSON. */
    public static String question(String certificate, String at) {
        var node = JSON.createObjectNode().put("certificate", certificate);
        if (at != null) {
            node.put("at", at);
        }
        return node.toString();
    }
}
