package org.qtrust.adapters.crypto.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves a sandbox folder over HTTP on 127.0.0.1 only, with the JDK's HTTP server:
 *
 * <ul>
 *   <li>{@code GET /lists/<file>}: the LOTL, its pivot and the national lists, at their pointer locations;</li>
 *   <li>{@code GET /crl/<ca>.crl}: CRLs at the certificates' distribution points;</li>
 *   <li>{@code POST /ocsp/<ca>} (or {@code GET /ocsp/<ca>/<base64 request>}, RFC 6960 A.1): the OCSP
 *       responders; {@code /ocsp/unavailable} always answers 503;</li>
 *   <li>{@code GET /status/<file>}: the status list tokens the sandbox credentials point at;</li>
 *   <li>{@code GET /.well-known/jwt-vc-issuer/issuers/<issuer>} and {@code /.well-known/openid-credential-issuer/issuers/<issuer>}:
 *       the metadata of the sandbox issuer identified by {@code http://127.0.0.1:<port>/issuers/<issuer>}
 *       (draft-ietf-oauth-sd-jwt-vc §5, OpenID4VCI §12.2), from {@code metadata/<issuer>/<document>.json}.</li>
 * </ul>
 *
 * File names are checked against a strict pattern, so no request leaves the sandbox folder.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
    private static final String UNAVAILABLE = "unavailable";
    /** {@code /.well-known/<document>/issuers/<issuer>}: the only metadata paths (the well-known segment before the issuer's path). */
    private static final Pattern METADATA_PATH = Pattern.compile(
            "/\\.well-known/(jwt-vc-issuer|openid-credential-issuer)/" + SandboxLayout.ISSUERS + "/([A-Za-z0-9][A-Za-z0-9._-]{0,120})");

    private final HttpServer server;
    private final ExecutorService workers;

    private SandboxServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts serving {@code directory} on 127.0.0.1:{@code port} (0: any free port); OCSP answers are dated by {@code clock}. */
    public static SandboxServer start(Path directory, int port, Clock clock) throws IOException {
        SandboxOcspResponder responder = SandboxOcspResponder.load(directory);
        // 127.0.0.1 exactly (not ::1): the URLs inside the sandbox's lists and certificates name it.
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
        server.createContext("/" + SandboxLayout.LISTS + "/",
                exchange -> serveFile(exchange, directory.resolve(SandboxLayout.LISTS), "application/vnd.etsi.tsl+xml"));
        server.createContext("/" + SandboxLayout.CRL + "/",
                exchange -> serveFile(exchange, directory.resolve(SandboxLayout.CRL), "application/pkix-crl"));
        server.createContext("/" + SandboxLayout.STATUS + "/",
                exchange -> serveFile(exchange, directory.resolve(SandboxLayout.STATUS), "application/statuslist+jwt"));
        server.createContext("/" + SandboxLayout.OCSP + "/", exchange -> serveOcsp(exchange, responder, clock));
        server.createContext("/.well-known/", exchange -> serveMetadata(exchange, directory.resolve(SandboxLayout.METADATA)));
        server.createContext("/", exchange -> answer(exchange, 404, "text/plain",
                ("QTrust sandbox: /lists/EU.xml, /crl/<ca>.crl, /ocsp/<ca>, /status/<list>, "
                        + "/.well-known/jwt-vc-issuer/issuers/<issuer>\n").getBytes(StandardCharsets.UTF_8)));
        ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "qtrust-sandbox-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.start();
        return new SandboxServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static void serveFile(HttpExchange exchange, Path folder, String contentType) throws IOException {
        try (exchange) {
            String name = lastSegment(exchange);
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            Path file = folder.resolve(name);
            if (!FILE_NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
                answer(exchange, 404, "text/plain", ("no " + name + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer(exchange, 200, contentType, Files.readAllBytes(file));
        }
    }

    private static void serveMetadata(HttpExchange exchange, Path folder) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain", new byte[0]);
                return;
            }
            Matcher path = METADATA_PATH.matcher(exchange.getRequestURI().getPath());
            Path file = path.matches() ? folder.resolve(path.group(2)).resolve(path.group(1) + ".json") : null;
            if (file == null || !Files.isRegularFile(file)) {
                answer(exchange, 404, "text/plain", "no such issuer metadata\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer(exchange, 200, "application/json", Files.readAllBytes(file));
        }
    }

    private static void serveOcsp(HttpExchange exchange, SandboxOcspResponder responder, Clock clock) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(SandboxLayout.OCSP.length() + 2);
            String name = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (UNAVAILABLE.equals(name)) {
                answer(exchange, 503, "text/plain", "this responder is never available\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<byte[]> request = ocspRequest(exchange, path, name);
            if (request.isEmpty()) {
                answer(exchange, 400, "text/plain", "not an OCSP request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Optional<byte[]> response = responder.respond(name, request.get(), clock.instant());
            if (response.isEmpty()) {
                answer(exchange, 404, "text/plain", ("no OCSP responder " + name + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            answer(exchange, 200, "application/ocsp-response", response.get());
        }
    }

    private static Optional<byte[]> ocspRequest(HttpExchange exchange, String path, String name) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] request = body.readNBytes(SandboxOcspResponder.MAX_REQUEST_BYTES + 1);
                return request.length > SandboxOcspResponder.MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(request);
            }
        }
        if ("GET".equals(exchange.getRequestMethod()) && path.length() > name.length() + 1) {
            try {
                // The path is already percent-decoded; '+' in base64 is literal (RFC 5019 5).
                return Optional.of(Base64.getDecoder().decode(path.substring(name.length() + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
