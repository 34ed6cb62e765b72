package org.qtrust.server.store;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.issuance.StatusListTokens;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxOcspResponder;
import org.qtrust.adapters.crypto.sandbox.SandboxPki;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.adapters.redis.RedisKeys;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/**
 * Issue 17.4 on the server: replicas on one real redis-server share OCSP responses, CRLs and
 * status list tokens — the second replica's answers come from the first one's downloads (the
 * publisher sees one request) — and a replica that finds them changed in Redis fetches them anew.
 * The sandbox (lists, PKI, delegated OCSP responder, status list) is published on a loopback port
 * that the sandbox's URLs reach through {@code --rewrite}.
 */
@Timeout(300)
class SharedEvidenceReplicasTest {

    private static final SandboxSettings SANDBOX = new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT);
    private static final String STATUS_URI = SANDBOX.baseUrl() + "/" + SandboxLayout.STATUS + "/credentials.jwt";

    @TempDir
    static Path sandbox;

    private static RedisServerProcess redis;
    private static HttpServer publisher;
    private static final AtomicInteger ocspRequests = new AtomicInteger();
    private static final AtomicInteger crlRequests = new AtomicInteger();
    private static final AtomicInteger statusRequests = new AtomicInteger();
    private static final String PREFIX = "shared" + System.nanoTime() + ":";
    private static final List<QtrustServer> replicas = new ArrayList<>();
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The sandbox's status list re-issued just before the validation time: a stored token is taken
     * from Redis only while one downloaded at its iat could still be cached (5 min), and the
     * sandbox's own token is months old.
     */
    private static String freshToken(java.security.PrivateKey key, int... statuses) {
        KeyAndCertificate issuer = new SandboxPki(SANDBOX).attestationIssuerB();
        return StatusListTokens.token(JwsSigner.deterministic(key, "ES256", List.of(issuer.certificate())), STATUS_URI,
                SandboxLayout.VALIDATION_TIME.minusSeconds(10), null, 2, statuses);
    }

    @BeforeAll
    static void start() throws IOException {
        SandboxGenerator.generate(sandbox, SANDBOX);
        Files.writeString(sandbox.resolve(SandboxLayout.STATUS).resolve("credentials.jwt"),
                freshToken(new SandboxPki(SANDBOX).attestationIssuerB().privateKey(), 0, 1, 2));
        redis = RedisServerProcess.start();
        publisher = publisher(sandbox);
    }

    @AfterAll
    static void stop() {
        replicas.forEach(QtrustServer::close);
        if (publisher != null) {
            publisher.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static QtrustServer replica() throws InterruptedException {
        String published = "http://127.0.0.1:" + publisher.getAddress().getPort();
        QtrustServer server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0",
                "--store", redis.url(), "--store-prefix", PREFIX, "--store-poll", "PT1S",
                "--lotl-url", SANDBOX.baseUrl() + "/" + SandboxLayout.LISTS + "/" + SandboxLayout.LOTL_FILE,
                "--oj-keystore", sandbox.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                "--policy", sandbox.resolve(SandboxLayout.POLICIES).resolve("attestations.json").toString(),
                "--revocation", "prefer", "--rewrite", SANDBOX.baseUrl() + "/=" + published + "/", "--timeout", "PT5S",
                "--allow-loopback-http"), Map.of()).resolve(), Clock.fixed(SandboxLayout.VALIDATION_TIME, ZoneOffset.UTC));
        replicas.add(server);
        assertThat(server.awaitSnapshot(Duration.ofMinutes(2))).as("the sandbox lists through the store").isTrue();
        return server;
    }

    @Test
    void one_replicas_downloads_serve_the_next_and_what_is_changed_in_redis_is_fetched_anew() throws Exception {
        QtrustServer first = replica();
        QtrustServer second = replica();

        // OCSP (and the CRL that decides the delegated responder's own status) through the first replica
        JsonNode good = certificate(first, "qualified-esig.pem");
        assertThat(good.get("code").asText()).as(good.toString()).isEqualTo("ok");
        assertThat(good.get("revocation").get("status").asText()).isEqualTo("good");
        int ocsp = ocspRequests.get();
        int crl = crlRequests.get();
        assertThat(ocsp).isEqualTo(1);
        await(() -> keys("ocsp") == 1);

        JsonNode again = certificate(second, "qualified-esig.pem");
        assertThat(again.get("code").asText()).as(again.toString()).isEqualTo("ok");
        assertThat(again.get("revocation").get("status").asText()).isEqualTo("good");
        assertThat(ocspRequests.get()).as("the responder saw one request for both replicas").isEqualTo(ocsp);
        assertThat(crlRequests.get()).isEqualTo(crl);
        assertThat(texts(again.get("trace"))).anyMatch(line -> line.contains("from the shared store")
                && line.contains("checked as a fresh download"));

        // the status list token through the first replica serves the second
        JsonNode valid = credential(first, "status-valid.sdjwt");
        assertThat(valid.get("code").asText()).as(valid.toString()).isEqualTo("ok");
        assertThat(statusRequests.get()).isEqualTo(1);
        await(() -> keys("status_list") == 1);
        JsonNode validAgain = credential(second, "status-valid.sdjwt");
        assertThat(validAgain.get("code").asText()).as(validAgain.toString()).isEqualTo("ok");
        assertThat(validAgain.get("status").get("source").asText()).isEqualTo("cache");
        assertThat(statusRequests.get()).as("the publisher saw one request for both replicas").isEqualTo(1);
        String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("qtrust_shared_evidence_hits_total ").contains("qtrust_shared_evidence_errors_total 0");
        assertThat(metrics.lines().filter(line -> line.startsWith("qtrust_shared_evidence_hits_total "))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(2);

        // Someone with write access to Redis: a current-looking token that says everything is valid, signed with
        // another key under the issuer's certificate; a changed OCSP response.
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            String statusKey = new RedisKeys(PREFIX).evidence("status_list", STATUS_URI);
            assertThat(jedis.exists(statusKey)).isTrue();
            java.security.KeyPairGenerator keys = java.security.KeyPairGenerator.getInstance("EC");
            keys.initialize(256);
            jedis.set(statusKey, freshToken(keys.generateKeyPair().getPrivate(), 0, 0, 0), SetParams.setParams().keepTtl());
            byte[] ocspKey = jedis.keys(PREFIX + "evidence:ocsp:*").iterator().next().getBytes(StandardCharsets.UTF_8);
            byte[] response = jedis.get(ocspKey);
            response[response.length - 10] ^= 0x55;
            jedis.set(ocspKey, response, SetParams.setParams().keepTtl());
        }
        QtrustServer third = replica();

        JsonNode checked = certificate(third, "qualified-esig.pem");
        assertThat(checked.get("code").asText()).as(checked.toString()).isEqualTo("ok");
        assertThat(ocspRequests.get()).as("fetched anew").isEqualTo(ocsp + 1);
        assertThat(texts(checked.get("trace"))).anyMatch(line -> line.contains("the shared store's answer is refused"));

        JsonNode revoked = credential(third, "revoked.sdjwt");
        assertThat(revoked.get("code").asText()).as(revoked.toString()).isEqualTo("credential_revoked");
        assertThat(statusRequests.get()).as("fetched anew").isEqualTo(2);
        assertThat(texts(revoked.get("trace"))).anyMatch(line -> line.contains("is not usable") && line.contains("fetched anew"));
    }

    private static long keys(String kind) {
        try (JedisPooled jedis = new JedisPooled("127.0.0.1", redis.port())) {
            return jedis.keys(PREFIX + "evidence:" + kind + ":*").size();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("within 20 s").isTrue();
            Thread.sleep(20);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(line -> lines.add(line.asText()));
        return lines;
    }

    private static JsonNode certificate(QtrustServer server, String file) throws Exception {
        String text = Files.readString(sandbox.resolve(SandboxLayout.CERTS).resolve(file));
        List<String> blocks = new ArrayList<>();
        String end = "-----END CERTIFICATE-----";
        for (int from = 0, at; (at = text.indexOf(end, from)) >= 0; from = at + end.length()) {
            blocks.add(text.substring(from, at + end.length()).trim());
        }
        ObjectNode question = RunningServer.JSON.createObjectNode().put("certificate", blocks.get(0))
                .put("at", SandboxLayout.VALIDATION_TIME.toString());
        ArrayNode chain = question.putArray("chain");
        blocks.subList(1, blocks.size()).forEach(chain::add);
        return post(server, "/v1/certificates/verify", question.toString());
    }

    private static JsonNode credential(QtrustServer server, String file) throws Exception {
        String presentation = Files.readString(sandbox.resolve(SandboxLayout.STATUS_CREDENTIALS).resolve(file)).strip();
        return post(server, "/v1/credentials/verify", RunningServer.JSON.createObjectNode().put("presentation", presentation)
                .put("aud", SandboxLayout.AUDIENCE).put("nonce", SandboxLayout.NONCE)
                .put("at", SandboxLayout.VALIDATION_TIME.toString()).put("policy", "sandbox-attestations").toString());
    }

    private static JsonNode post(QtrustServer server, String path, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    /** The sandbox's lists, status lists, CRLs and OCSP responders, counted by kind. */
    private static HttpServer publisher(Path directory) throws IOException {
        SandboxOcspResponder responder = SandboxOcspResponder.load(directory);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/" + SandboxLayout.LISTS + "/", exchange -> file(exchange, directory.resolve(SandboxLayout.LISTS)));
        http.createContext("/" + SandboxLayout.STATUS + "/", exchange -> {
            statusRequests.incrementAndGet();
            file(exchange, directory.resolve(SandboxLayout.STATUS));
        });
        http.createContext("/" + SandboxLayout.CRL + "/", exchange -> {
            crlRequests.incrementAndGet();
            file(exchange, directory.resolve(SandboxLayout.CRL));
        });
        http.createContext("/" + SandboxLayout.OCSP + "/", exchange -> {
            ocspRequests.incrementAndGet();
            String[] segments = exchange.getRequestURI().getPath().split("/");
            byte[] request;
            try (InputStream body = exchange.getRequestBody()) {
                request = "POST".equals(exchange.getRequestMethod())
                        ? body.readNBytes(SandboxOcspResponder.MAX_REQUEST_BYTES)
                        : Base64.getDecoder().decode(java.net.URLDecoder.decode(segments[segments.length - 1], StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                request = new byte[0];
            }
            Optional<byte[]> response = responder.respond(segments[2], request, SandboxLayout.VALIDATION_TIME);
            answer(exchange, response.isPresent() ? 200 : 503, response.orElse(new byte[0]));
        });
        http.start();
        return http;
    }

    private static void file(HttpExchange exchange, Path folder) throws IOException {
        Path file = folder.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName().toString()).normalize();
        answer(exchange, file.startsWith(folder) && Files.isRegularFile(file) ? 200 : 404,
                file.startsWith(folder) && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
