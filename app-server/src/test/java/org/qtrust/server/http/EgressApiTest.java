package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * The egress rule on the server's fetches derived from input (here the OCSP and CRL URLs of the
 * certificates asked about, led by {@code --rewrite} to 127.0.0.1, 10.0.0.1 and
 * 169.254.169.254). Only loopback is ever connected to: the two other addresses are refused when
 * the URL is checked, before any connection (that an allowance admits them is shown on the rule
 * itself, adapters-http {@code EgressRuleTest}, without traffic).
 */
class EgressApiTest {

    private static final SandboxSettings SANDBOX = new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT);

    @TempDir
    static Path sandbox;

    private static HttpServer publisher;
    private static final AtomicInteger fetches = new AtomicInteger();
    private static QtrustServer strict;
    private static QtrustServer allowing;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        SandboxGenerator.generate(sandbox, SANDBOX);
        publisher = RevocationApiTest.publisher(sandbox, fetches);
        strict = server();
        allowing = server("--fetch-allow", "127.0.0.1");
    }

    private static QtrustServer server(String... more) throws InterruptedException {
        String base = SANDBOX.baseUrl();
        List<String> args = new ArrayList<>(List.of("--port", "0",
                "--offline", sandbox.resolve(SandboxLayout.LISTS).toString(),
                "--oj-keystore", sandbox.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                "--revocation", "require", "--timeout", "PT5S",
                "--rewrite", base + "/ocsp/unavailable=http://169.254.169.254/latest/meta-data/",
                "--rewrite", base + "/crl/=http://10.0.0.1/crl/",
                "--rewrite", base + "/=http://127.0.0.1:" + publisher.getAddress().getPort() + "/"));
        args.addAll(List.of(more));
        QtrustServer server = QtrustServer.start(SettingsResolver.of(args, Map.of()).resolve(),
                Clock.fixed(SandboxLayout.VALIDATION_TIME, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(1))).as("sandbox lists loaded").isTrue();
        return server;
    }

    @AfterAll
    static void stop() {
        for (QtrustServer server : new QtrustServer[] {strict, allowing}) {
            if (server != null) {
                server.close();
            }
        }
        if (publisher != null) {
            publisher.stop(0);
        }
    }

    @Test
    void loopback_is_refused_without_an_allowance_and_nothing_reaches_the_listener() {
        int before = fetches.get();

        JsonNode verdict = verify(strict, "qualified-esig.pem");

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("revocation_unknown");
        assertThat(fetches.get()).isEqualTo(before);
        assertThat(texts(verdict.get("trace"))).anyMatch(line -> line.contains("could not fetch: egress refused"));
        assertThat(verdict.get("trace").toString()).doesNotContain(String.valueOf(publisher.getAddress().getPort()))
                .doesNotContainIgnoringCase("connection refused");
    }

    @Test
    void loopback_is_fetched_with_an_allowance() {
        int before = fetches.get();

        JsonNode verdict = verify(allowing, "qualified-esig.pem");

        assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("ok");
        assertThat(verdict.get("revocation").get("status").asText()).isEqualTo("good");
        assertThat(fetches.get()).isGreaterThan(before);
    }

    @Test
    void private_and_link_local_addresses_are_refused_before_any_connection() {
        for (QtrustServer server : List.of(strict, allowing)) {
            // OCSP to 169.254.169.254 (cloud metadata); the allowance of 127.0.0.1 does not reach it
            JsonNode metadata = verify(server, "revocation-unknown.pem");
            assertThat(metadata.get("code").asText()).as(metadata.toString()).isEqualTo("revocation_unknown");
            assertThat(texts(metadata.get("trace"))).anyMatch(line -> line.contains("could not fetch: egress refused"));
            assertThat(metadata.get("trace").toString()).doesNotContain("169.254.169.254");
        }
        // the CRL to 10.0.0.1 (RFC 1918): refused; the revocation is then known from OCSP on loopback only where allowed
        JsonNode refused = verify(strict, "revoked.pem");
        assertThat(refused.get("code").asText()).as(refused.toString()).isEqualTo("revocation_unknown");
        assertThat(refused.get("trace").toString()).doesNotContain("10.0.0.1");
        JsonNode allowed = verify(allowing, "revoked.pem");
        assertThat(allowed.get("code").asText()).as(allowed.toString()).isEqualTo("certificate_revoked");
    }

    private static JsonNode verify(QtrustServer server, String certificate) {
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
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/v1/certificates/verify"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(question.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return RunningServer.json(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
