package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RawHttp;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.ConfigurationException;
import org.qtrust.server.config.SettingsResolver;

/**
 * Issue 15 item 5 over a TLS server on loopback: a LOTL URL with user information never shows,
 * /ready names no local path, the Host header allow-list, HEAD on GET routes, the security
 * headers on every answer. The sandbox lists keep the start fast.
 */
class ExposureTest {

    private static final String SECRET = "s3cret-pw";
    private static final String ALLOWED = "qtrust.test";

    @TempDir
    static Path folder;

    private static QtrustServer server;

    @BeforeAll
    static void start() throws Exception {
        SandboxGenerator.generate(folder, new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT));
        Path keystore = keystore(folder.resolve("tls.p12"), "tls-pass");
        server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0",
                "--offline", folder.resolve(SandboxLayout.LISTS).toString(),
                "--oj-keystore", folder.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                "--lotl-url", "https://reader:" + SECRET + "@lists.qtrust.test/eu-lotl.xml",
                "--allowed-hosts", ALLOWED, "--allowed-hosts", "127.0.0.1",
                "--tls-keystore", keystore.toString(), "--tls-password", "tls-pass", "--revocation", "off"), Map.of()).resolve(),
                Clock.fixed(SandboxLayout.VALIDATION_TIME, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(1))).isTrue();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A PKCS#12 keystore with a self-signed EC key for "localhost", made by the JDK's keytool. */
    static Path keystore(Path file, String password) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "qtrust", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return file;
    }

    private static RawHttp.Response get(String path, String host) {
        return RawHttp.exchange(server.port(), true, "GET", path, host, null, null);
    }

    @Test
    void a_lotl_url_with_user_information_never_shows_in_lists_metrics_ready_or_verdicts() throws IOException {
        RawHttp.Response lists = get("/v1/trusted-lists", ALLOWED);
        RawHttp.Response eu = get("/v1/trusted-lists/EU", ALLOWED);
        RawHttp.Response metrics = get("/metrics", ALLOWED);
        RawHttp.Response ready = get("/ready", ALLOWED);
        String pem = Files.readString(folder.resolve(SandboxLayout.CERTS).resolve("qualified-esig.pem"));
        RawHttp.Response verdict = RawHttp.exchange(server.port(), true, "POST", "/v1/certificates/verify", ALLOWED,
                "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).toString());

        assertThat(lists.status()).isEqualTo(200);
        assertThat(lists.body()).contains("https://***@lists.qtrust.test/eu-lotl.xml");
        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        for (RawHttp.Response response : List.of(lists, eu, metrics, ready, verdict)) {
            assertThat(response.body()).doesNotContain(SECRET).doesNotContain("reader:");
        }
    }

    @Test
    void ready_and_the_lists_origin_name_the_sources_without_local_paths() {
        RawHttp.Response ready = get("/ready", ALLOWED);
        RawHttp.Response lists = get("/v1/trusted-lists", ALLOWED);

        String root = folder.toAbsolutePath().toString();
        assertThat(ready.body()).contains("\"origin\"").contains("lists").doesNotContain(root);
        assertThat(lists.body()).doesNotContain(root);
    }

    @Test
    void a_host_not_on_the_allow_list_gets_400_host_not_allowed_on_every_route() {
        for (String path : List.of("/health", "/v1/trusted-lists", "/")) {
            RawHttp.Response refused = get(path, "evil.example");

            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.body()).contains("host_not_allowed");
        }
        assertThat(get("/health", ALLOWED + ":8443").status()).isEqualTo(200);
        assertThat(get("/health", "QTRUST.TEST").status()).isEqualTo(200);
        assertThat(get("/health", "127.0.0.1").status()).isEqualTo(200);
        assertThat(get("/health", "localhost").status()).as("not on the configured list").isEqualTo(400);
    }

    @Test
    void head_answers_every_get_route_with_the_headers_and_no_body() {
        for (String path : List.of("/health", "/ready", "/metrics", "/v1/trusted-lists", "/v1/trusted-lists/EU", "/v1/services",
                "/openapi.json", "/", "/app.js")) {
            RawHttp.Response get = get(path, ALLOWED);
            RawHttp.Response head = RawHttp.exchange(server.port(), true, "HEAD", path, ALLOWED, null, null);

            assertThat(head.status()).as(path).isEqualTo(get.status());
            assertThat(head.body()).as(path).isEmpty();
            assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
        }
        RawHttp.Response post = RawHttp.exchange(server.port(), true, "HEAD", "/v1/certificates/verify", ALLOWED, null, null);
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("POST");
        RawHttp.Response put = RawHttp.exchange(server.port(), true, "PUT", "/health", ALLOWED, "application/json", "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void every_answer_carries_the_security_headers_and_hsts_over_tls() {
        List<RawHttp.Response> answers = List.of(get("/health", ALLOWED), get("/", ALLOWED), get("/nowhere", ALLOWED),
                get("/health", "evil.example"),
                RawHttp.exchange(server.port(), true, "POST", "/v1/certificates/verify", ALLOWED, "text/plain", "x"),
                // A request line Jetty itself refuses: answered by JsonErrorHandler.
                RawHttp.exchange(server.port(), true, "GET", "/%zz", ALLOWED, null, null));
        for (RawHttp.Response answer : answers) {
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).isEqualTo("no-referrer");
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString()).contains("frame-ancestors 'none'");
            assertThat(answer.header("Strict-Transport-Security")).as(answer.toString()).startsWith("max-age=");
        }
        assertThat(answers.get(5).status()).isEqualTo(400);
    }

    @Test
    void tls_needs_both_keystore_and_password_and_a_readable_keystore() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningServer.settings(List.of("--tls-keystore",
                folder.resolve("tls.p12").toString()))).isInstanceOf(ConfigurationException.class).hasMessageContaining("--tls-password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QtrustServer.start(RunningServer.settings(List.of(
                "--tls-keystore", folder.resolve("tls.p12").toString(), "--tls-password", "wrong")), Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("--tls-keystore");
    }
}
