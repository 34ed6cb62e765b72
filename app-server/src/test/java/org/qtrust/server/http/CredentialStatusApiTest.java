package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Issue 13.3 on the server: status lists are fetched by default (through the egress rule; the
 * sandbox's status list is plain http on loopback, hence {@code --allow-loopback-http}), and a
 * revoked or suspended credential is never valid — with fetching on (its status is read) and off
 * (its status cannot be established: {@code credential_status_unavailable} under require).
 */
class CredentialStatusApiTest {

    private static final SandboxSettings SANDBOX = new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT);

    @TempDir
    static Path sandbox;

    private static HttpServer publisher;
    private static final AtomicInteger fetches = new AtomicInteger();
    private static QtrustServer fetching;
    private static QtrustServer fetchingAgain;
    private static QtrustServer offline;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        SandboxGenerator.generate(sandbox, SANDBOX);
        publisher = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        publisher.createContext("/", exchange -> {
            fetches.incrementAndGet();
            Path file = sandbox.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(sandbox.resolve(SandboxLayout.STATUS)) && Files.isRegularFile(file)
                    ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        publisher.start();
        fetching = server("--allow-loopback-http");
        // A presentation is accepted once per server (issue 13.8: replays are refused): repeats go to a second one.
        fetchingAgain = server("--allow-loopback-http");
        offline = server("--fetch", "off");
    }

    private static QtrustServer server(String... more) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", "0",
                "--offline", sandbox.resolve(SandboxLayout.LISTS).toString(),
                "--oj-keystore", sandbox.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                "--policy", sandbox.resolve(SandboxLayout.POLICIES).resolve("attestations.json").toString(),
                "--revocation", "off", "--timeout", "PT5S",
                "--rewrite", SANDBOX.baseUrl() + "/=http://127.0.0.1:" + publisher.getAddress().getPort() + "/"));
        args.addAll(List.of(more));
        QtrustServer server = QtrustServer.start(SettingsResolver.of(args, Map.of()).resolve(),
                Clock.fixed(SandboxLayout.VALIDATION_TIME, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(1))).as("sandbox lists loaded").isTrue();
        return server;
    }

    @AfterAll
    static void stop() {
        for (QtrustServer server : new QtrustServer[] {fetching, fetchingAgain, offline}) {
            if (server != null) {
                server.close();
            }
        }
        if (publisher != null) {
            publisher.stop(0);
        }
    }

    @Test
    void the_server_fetches_the_status_list_by_default_and_reports_the_status() throws Exception {
        JsonNode valid = verify(fetching, "status-valid.sdjwt", null);

        assertThat(valid.get("code").asText()).as(valid.toString()).isEqualTo("ok");
        JsonNode status = valid.get("status");
        assertThat(status.get("checked").asBoolean()).isTrue();
        assertThat(status.get("uri").asText()).startsWith(SANDBOX.baseUrl() + "/" + SandboxLayout.STATUS + "/");
        assertThat(status.get("index").asLong()).isZero();
        assertThat(status.get("value").asInt()).isZero();
        assertThat(status.get("source").asText()).isIn("fetched", "cache");
        assertThat(status.get("fetchedAt").isTextual()).isTrue();
    }

    @Test
    void revoked_and_suspended_are_never_valid_with_fetching_on() throws Exception {
        JsonNode revoked = verify(fetching, "revoked.sdjwt", null);
        JsonNode suspended = verify(fetching, "suspended.sdjwt", null);

        assertThat(revoked.get("code").asText()).as(revoked.toString()).isEqualTo("credential_revoked");
        assertThat(revoked.get("valid").asBoolean()).isFalse();
        assertThat(revoked.get("status").get("value").asInt()).isEqualTo(1);
        assertThat(suspended.get("code").asText()).as(suspended.toString()).isEqualTo("credential_suspended");
        assertThat(suspended.get("status").get("value").asInt()).isEqualTo(2);
        // issue 13.4: a status list signed by another issuer's certificate, trusted by the policy, is not used
        JsonNode foreign = verify(fetching, "status-signed-by-another-issuer.sdjwt", null);
        assertThat(foreign.get("code").asText()).as(foreign.toString()).isEqualTo("credential_status_unavailable");
        assertThat(foreign.get("trace").toString()).contains("not the credential's issuer");
        // prefer tolerates an unavailable status, never a revoked one
        assertThat(verify(fetchingAgain, "revoked.sdjwt", "prefer").get("code").asText()).isEqualTo("credential_revoked");
    }

    @Test
    void revoked_and_suspended_are_never_valid_with_fetching_off() throws Exception {
        int before = fetches.get();

        for (String credential : List.of("revoked.sdjwt", "suspended.sdjwt", "status-valid.sdjwt")) {
            JsonNode verdict = verify(offline, credential, null);
            assertThat(verdict.get("code").asText()).as(verdict.toString()).isEqualTo("credential_status_unavailable");
            assertThat(verdict.get("valid").asBoolean()).isFalse();
            assertThat(verdict.get("status").get("checked").asBoolean()).isFalse();
            assertThat(verdict.get("status").get("uri").isTextual()).isTrue();
        }
        assertThat(fetches.get()).isEqualTo(before);
    }

    @Test
    void a_request_may_lower_the_status_mode_never_raise_it_and_a_bad_value_is_a_400() throws Exception {
        JsonNode off = verify(fetching, "status-unavailable.sdjwt", "off");
        assertThat(off.get("code").asText()).as(off.toString()).isEqualTo("ok");
        assertThat(off.get("status").get("checked").asBoolean()).isFalse();
        assertThat(verify(fetchingAgain, "status-unavailable.sdjwt", null).get("code").asText()).isEqualTo("credential_status_unavailable");

        HttpResponse<String> bad = post(fetching, question("revoked.sdjwt", "sometimes"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(bad).get("code").asText()).isEqualTo("invalid_field");
    }

    private static JsonNode verify(QtrustServer server, String credential, String statusMode) throws Exception {
        HttpResponse<String> response = post(server, question(credential, statusMode));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private static String question(String credential, String statusMode) throws IOException {
        String presentation = Files.readString(sandbox.resolve(SandboxLayout.STATUS_CREDENTIALS).resolve(credential)).strip();
        var node = RunningServer.JSON.createObjectNode().put("presentation", presentation).put("aud", SandboxLayout.AUDIENCE)
                .put("nonce", SandboxLayout.NONCE).put("at", SandboxLayout.VALIDATION_TIME.toString()).put("policy", "sandbox-attestations");
        if (statusMode != null) {
            node.put("credentialStatus", statusMode);
        }
        return node.toString();
    }

    private static HttpResponse<String> post(QtrustServer server, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/credentials/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
