package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxOcspResponder;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * Revocation in POST /v1/certificates/verify, over the sandbox PKI (lists, certificates, CRL
 * and delegated OCSP responder made by adapters-crypto's generator) whose OCSP and CRL are
 * served by a JDK HTTP server on loopback. The sandbox's URLs name port 8642; the server
 * reaches the test's port through {@code --rewrite}, as a relying party behind a mirror would.
 * The server is started with {@code --revocation require} and the sandbox opt-in
 * {@code --allow-loopback-http} (the publisher is plain http on loopback); requests override the mode.
 */
class RevocationApiTest {

    private static final SandboxSettings SANDBOX = new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT);

    @TempDir
    static Path sandbox;

    private static HttpServer publisher;
    private static QtrustServer server;
    private static final AtomicInteger fetches = new AtomicInteger();
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        SandboxGenerator.generate(sandbox, SANDBOX);
        publisher = publisher(sandbox, fetches);
        String published = "http://127.0.0.1:" + publisher.getAddress().getPort();
        server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0",
                "--offline", sandbox.resolve(SandboxLayout.LISTS).toString(),
                "--oj-keystore", sandbox.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                "--revocation", "require", "--rewrite", SANDBOX.baseUrl() + "/=" + published + "/", "--timeout", "PT5S",
                "--allow-loopback-http"),
                Map.of()).resolve(), Clock.fixed(SandboxLayout.VALIDATION_TIME, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(1))).as("sandbox lists loaded").isTrue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (publisher != null) {
            publisher.stop(0);
        }
    }

    @Test
    void a_certificate_the_responder_calls_good_is_trusted_with_status_good_from_ocsp() {
        JsonNode verdict = verify("qualified-esig.pem", Optional.empty());

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("ok");
        assertThat(verdict.get("trusted").asBoolean()).isTrue();
        JsonNode revocation = verdict.get("revocation");
        assertThat(revocation.get("status").asText()).isEqualTo("good");
        assertThat(revocation.get("checked").asBoolean()).isTrue();
        assertThat(revocation.get("source").asText()).isEqualTo("ocsp");
        assertThat(revocation.get("thisUpdate").isTextual()).isTrue();
        assertThat(revocation.get("revokedAt").isNull()).isTrue();
        assertThat(revocation.get("reason").isNull()).isTrue();
    }

    @Test
    void a_certificate_revoked_before_the_validation_time_is_certificate_revoked_with_its_time_and_reason() {
        JsonNode verdict = verify("revoked.pem", Optional.empty());

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("certificate_revoked");
        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        JsonNode revocation = verdict.get("revocation");
        assertThat(revocation.get("status").asText()).isEqualTo("revoked");
        assertThat(revocation.get("revokedAt").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(revocation.get("reason").asText()).isEqualTo("keyCompromise");
    }

    @Test
    void no_answer_from_the_only_responder_under_require_is_revocation_unknown() {
        JsonNode verdict = verify("revocation-unknown.pem", Optional.empty());

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("revocation_unknown");
        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("revocation").get("status").asText()).isEqualTo("unknown");
        assertThat(verdict.get("revocation").get("checked").asBoolean()).isTrue();
    }

    @Test
    void no_answer_under_prefer_is_trusted_with_a_warning_in_the_trace() {
        JsonNode verdict = verify("revocation-unknown.pem", Optional.of("prefer"));

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("ok");
        assertThat(verdict.get("trusted").asBoolean()).isTrue();
        assertThat(verdict.get("revocation").get("status").asText()).isEqualTo("unknown");
        assertThat(texts(verdict.get("trace"))).anyMatch(line -> line.contains("warning") && line.contains("revocation status unknown"));
    }

    @Test
    void off_checks_nothing_and_fetches_nothing() {
        int before = fetches.get();

        JsonNode verdict = verify("revocation-unknown.pem", Optional.of("off"));

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("ok");
        assertThat(verdict.get("revocation").get("checked").asBoolean()).isFalse();
        assertThat(verdict.get("revocation").get("source").isNull()).isTrue();
        assertThat(fetches.get()).isEqualTo(before);
    }

    @Test
    void an_unknown_revocation_mode_in_the_request_is_a_400_with_a_code() throws Exception {
        ObjectNode question = question("qualified-esig.pem");
        question.put("revocation", "sometimes");

        HttpResponse<String> response = post(question.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = RunningServer.json(response);
        assertThat(problem.get("code").asText()).isEqualTo("invalid_field");
        assertThat(problem.get("message").asText()).contains("revocation");
    }

    @Test
    void metrics_count_revocation_outcomes() throws Exception {
        verify("revoked.pem", Optional.empty());
        verify("qualified-esig.pem", Optional.of("off"));

        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(uri("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body()).containsPattern("qtrust_revocation_outcomes_total\\{status=\"revoked\"\\} [1-9]")
                .containsPattern("qtrust_revocation_outcomes_total\\{status=\"not_checked\"\\} [1-9]")
                .contains("qtrust_revocation_outcomes_total{status=\"good\"}", "qtrust_revocation_outcomes_total{status=\"unknown\"}");
    }

    private static JsonNode verify(String certificate, Optional<String> revocation) {
        ObjectNode question = question(certificate);
        revocation.ifPresent(mode -> question.put("revocation", mode));
        HttpResponse<String> response = post(question.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    /** The certificate (first PEM block of the sandbox file) and its chain (the others), at the sandbox's validation time. */
    private static ObjectNode question(String certificate) {
        List<String> blocks = new ArrayList<>();
        String text;
        try {
            text = Files.readString(sandbox.resolve(SandboxLayout.CERTS).resolve(certificate));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String end = "-----END CERTIFICATE-----";
        for (int from = 0, at; (at = text.indexOf(end, from)) >= 0; from = at + end.length()) {
            blocks.add(text.substring(from, at + end.length()).trim());
        }
        ObjectNode question = RunningServer.JSON.createObjectNode().put("certificate", blocks.get(0))
                .put("at", SandboxLayout.VALIDATION_TIME.toString());
        ArrayNode chain = question.putArray("chain");
        blocks.subList(1, blocks.size()).forEach(chain::add);
        return question;
    }

    private static HttpResponse<String> post(String body) {
        try {
            return client.send(HttpRequest.newBuilder(uri("/v1/certificates/verify")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The sandbox's CRLs and OCSP responders on a free loopback port; {@code /ocsp/unavailable} is down (503). */
    static HttpServer publisher(Path directory, AtomicInteger fetches) throws IOException {
        SandboxOcspResponder responder = SandboxOcspResponder.load(directory);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/" + SandboxLayout.CRL + "/", exchange -> {
            fetches.incrementAndGet();
            String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            Path crl = directory.resolve(SandboxLayout.CRL).resolve(name);
            if (Files.isRegularFile(crl)) {
                answer(exchange, 200, Files.readAllBytes(crl));
            } else {
                answer(exchange, 404, new byte[0]);
            }
        });
        http.createContext("/" + SandboxLayout.OCSP + "/", exchange -> {
            fetches.incrementAndGet();
            String[] segments = exchange.getRequestURI().getPath().split("/");
            String name = segments[2];
            byte[] request;
            try (InputStream body = exchange.getRequestBody()) {
                request = "POST".equals(exchange.getRequestMethod())
                        ? body.readNBytes(SandboxOcspResponder.MAX_REQUEST_BYTES)
                        : java.util.Base64.getDecoder().decode(java.net.URLDecoder.decode(segments[segments.length - 1], StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                request = new byte[0];
            }
            Optional<byte[]> response = "unavailable".equals(name) ? Optional.empty()
                    : responder.respond(name, request, SandboxLayout.VALIDATION_TIME);
            if (response.isPresent()) {
                answer(exchange, 200, response.get());
            } else {
                answer(exchange, 503, new byte[0]);
            }
        });
        http.start();
        return http;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
