package org.qtrust.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.adapters.ocsp.OutboundLimits;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RawHttp;
import org.qtrust.server.RunningServer;
import org.qtrust.server.SandboxServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * Issue 15 item 7: the server under hostile clients and responders, on loopback and bounded in
 * time. While each attack runs, {@code /health} must answer within 1 s and a legitimate
 * verification within its budget ({@link #BUDGET}); the attackers get their 4xx, their
 * out-of-budget answer or their refusal, and nothing more: trickling bodies, silent clients,
 * floods of large distinct chains, a revocation responder that sends headers and then one byte a
 * second (a second server, with revocation required, over the same sandbox), chains of huge keys. The
 * server ({@link SandboxServer}) runs over the sandbox lists (quick to load) with revocation off
 * and a short request deadline ({@code --request-timeout PT3S}, {@code --min-data-rate 256}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileLoadTest {

    /** What a legitimate verification may take while an attack runs (a shared 2-core machine included). */
    static final Duration BUDGET = Duration.ofSeconds(5);
    static final Duration HEALTH = Duration.ofSeconds(1);

    static SandboxServer server;
    static String legitimate;

    @BeforeAll
    static void start() {
        server = SandboxServer.get();
        legitimate = RunningServer.JSON.createObjectNode().put("certificate", server.certificate("qualified-esig.pem"))
                .put("at", SandboxServer.AT).toString();
        assertLegitimateAnswered();
    }

    /** {@code /health} answers 200 within a second. */
    static void assertHealthAnswered() {
        assertHealthAnswered(server.port());
    }

    /** {@code /health} of the server on {@code port} answers 200 within a second. */
    static void assertHealthAnswered(int port) {
        long started = System.nanoTime();
        RawHttp.Response health = RawHttp.get(port, "/health", "127.0.0.1");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(health.status()).isEqualTo(200);
        assertThat(took).as("/health under attack").isLessThan(HEALTH);
    }

    /** A legitimate verification is answered (trusted) within its budget. */
    static void assertLegitimateAnswered() {
        long started = System.nanoTime();
        RawHttp.Response verdict = server.verify(legitimate);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(verdict.status()).as(verdict.body()).isEqualTo(200);
        assertThat(verdict.body()).contains("\"trusted\":true");
        assertThat(took).as("a legitimate verification under attack").isLessThan(BUDGET);
    }

    /** Opens a POST that announces a body of {@code length} bytes and sends only its headers. */
    static Socket openPost(int length) throws IOException {
        Socket socket = RawHttp.connect(server.port(), false);
        socket.getOutputStream().write(("POST /v1/certificates/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void trickling_bodies_on_more_connections_than_threads_pin_nothing_and_get_408() throws Exception {
        int attackers = 80;
        List<Socket> sockets = new ArrayList<>();
        ExecutorService trickle = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < attackers; i++) {
                sockets.add(openPost(1000));
            }
            // One byte per connection every 200 ms: far below --min-data-rate 256 B/s.
            Future<?> dripping = trickle.submit(() -> {
                for (int round = 0; round < 40 && !Thread.currentThread().isInterrupted(); round++) {
                    for (Socket socket : sockets) {
                        try {
                            OutputStream out = socket.getOutputStream();
                            out.write('{');
                            out.flush();
                        } catch (IOException closedByTheServer) {
                            // expected once the server has answered 408
                        }
                    }
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            Thread.sleep(500);
            assertHealthAnswered();
            assertLegitimateAnswered();

            int timedOut = 0;
            int closed = 0;
            for (Socket socket : sockets) {
                // A client still writing after the 408 may see its connection reset before it reads the answer.
                RawHttp.Response answer = readAnswer(socket);
                closed++;
                if (answer != null) {
                    assertThat(answer.status()).isEqualTo(408);
                    assertThat(answer.body()).contains("request_timeout");
                    timedOut++;
                }
            }
            dripping.cancel(true);
            assertThat(closed).as("every trickling connection closed by the server").isEqualTo(attackers);
            assertThat(timedOut).as("trickling clients read their 408").isPositive();
            assertHealthAnswered();
        } finally {
            trickle.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void a_client_that_sends_headers_and_then_nothing_gets_408_at_the_request_deadline() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 70; i++) {
                sockets.add(openPost(500));
            }
            assertHealthAnswered();
            assertLegitimateAnswered();
            long started = System.nanoTime();
            RawHttp.Response answer = readAnswer(sockets.get(0));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.header("Connection")).isEqualTo("close");
            assertThat(took).as("answered at the 3 s deadline, not at the 30 s idle timeout").isLessThan(Duration.ofSeconds(8));
            for (Socket socket : sockets.subList(1, sockets.size())) {
                assertThat(readAnswer(socket)).extracting(RawHttp.Response::status).isEqualTo(408);
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Test
    void a_flood_of_requests_with_large_distinct_chains_is_answered_and_leaves_health_and_legitimate_requests_alone() throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                int seed = i;
                answers.add(flood.submit(() -> {
                    // 150 KB of distinct DER-looking bytes per request: each would stay in a cache keyed by raw input.
                    byte[] junk = new byte[110_000];
                    new java.util.Random(seed).nextBytes(junk);
                    junk[0] = 0x30;
                    String chain = java.util.Base64.getEncoder().encodeToString(junk);
                    String body = RunningServer.JSON.createObjectNode().put("certificate", server.certificate("qualified-esig.pem"))
                            .put("at", SandboxServer.AT).set("chain", RunningServer.JSON.createArrayNode().add(chain)).toString();
                    return server.verify(body).status();
                }));
            }
            assertHealthAnswered();
            assertLegitimateAnswered();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).as("a flood request is answered, never a 500").isIn(200, 400, 503);
            }
            assertHealthAnswered();
            assertLegitimateAnswered();
        } finally {
            flood.shutdownNow();
        }
    }

    @Test
    void a_hanging_revocation_responder_costs_each_request_no_more_than_its_outbound_budget() throws Exception {
        Duration outboundBudget = Duration.ofSeconds(2);
        // Four certificates (four OCSP questions) whose OCSP and CRL URLs the sandbox puts on its publisher.
        List<String> behindIt = List.of("qualified-esig.pem", "qualified-qwac.pem", "revoked.pem", "revocation-unknown.pem");
        try (HangingResponder responder = HangingResponder.start()) {
            // Every sandbox OCSP and CRL URL leads to the responder; the transport's own deadline (60 s) is
            // far away: only the request's budget can end the waits.
            QtrustServer revoking = QtrustServer.start(SettingsResolver.of(List.of("--port", "0",
                    "--offline", server.folder().resolve(SandboxLayout.LISTS).toString(),
                    "--oj-keystore", server.folder().resolve(SandboxLayout.OJ_KEYSTORE).toString(),
                    "--oj-password", SandboxLayout.OJ_PASSWORD, "--revocation", "require",
                    "--outbound-budget", outboundBudget.toString(), "--timeout", "PT60S", "--allow-loopback-http",
                    "--rewrite", new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT).baseUrl()
                            + "/=http://127.0.0.1:" + responder.port() + "/"), Map.of()).resolve(),
                    Clock.fixed(SandboxServer.NOW, ZoneOffset.UTC));
            ExecutorService attackers = Executors.newFixedThreadPool(40);
            try {
                assertThat(revoking.awaitSnapshot(Duration.ofMinutes(2))).as("sandbox lists loaded").isTrue();
                List<Future<Timed>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String body = question(behindIt.get(i % behindIt.size()), "require");
                    answers.add(attackers.submit(() -> timed(() -> verify(revoking.port(), body))));
                }
                Thread.sleep(300);
                assertHealthAnswered(revoking.port());
                // A request that needs no responder (it lowers revocation to off) is answered at once.
                Timed legitimate = timed(() -> verify(revoking.port(), question("qualified-esig.pem", "off")));
                assertThat(legitimate.response().body()).contains("\"trusted\":true");
                assertThat(legitimate.took()).as("a legitimate verification beside the hanging responder").isLessThan(BUDGET);

                for (Future<Timed> answer : answers) {
                    Timed timed = answer.get(60, TimeUnit.SECONDS);
                    assertThat(timed.response().status()).isEqualTo(200);
                    assertThat(timed.response().body()).as("require: out of budget is revocation_unknown")
                            .contains("\"code\":\"revocation_unknown\"").contains("(out of budget)");
                    assertThat(timed.took()).as("a request behind the hanging responder waits its budget, not the responder")
                            .isLessThan(outboundBudget.plus(BUDGET));
                }
                // Under prefer the same unknown status is a warning, and the certificate is trusted.
                RawHttp.Response preferred = verify(revoking.port(), question("qualified-esig.pem", "prefer"));
                assertThat(preferred.body()).contains("\"trusted\":true").contains("warning");
                assertThat(responder.mostAtOnce()).as("one host holds at most the per-host limit of fetches")
                        .isLessThanOrEqualTo(OutboundLimits.DEFAULTS.perHost());
                assertHealthAnswered(revoking.port());
            } finally {
                attackers.shutdownNow();
                revoking.close();
            }
        }
    }

    @Test
    void chains_of_huge_rsa_keys_are_refused_before_any_signature_work_and_leave_health_and_legitimate_requests_alone()
            throws Exception {
        // Three intermediates whose keys would cost seconds of CPU each: 16384-bit moduli, and an
        // exponent of 2^64 + 1 (the moduli need not be real keys: they are refused before any use).
        SecureRandom random = new SecureRandom();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair signer = generator.generateKeyPair();
        List<String> heavy = List.of(
                heavyIntermediate(1, new BigInteger(16384, random).setBit(16383).setBit(0), BigInteger.valueOf(65537), signer),
                heavyIntermediate(2, new BigInteger(16384, random).setBit(16383).setBit(0), BigInteger.valueOf(65537), signer),
                heavyIntermediate(3, new BigInteger(4096, random).setBit(4095).setBit(0), BigInteger.TWO.pow(64).add(BigInteger.ONE), signer));
        ExecutorService flood = Executors.newFixedThreadPool(8);
        try {
            List<Future<Timed>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ObjectNode question = RunningServer.JSON.createObjectNode().put("certificate", server.certificate("qualified-esig.pem"))
                        .put("at", SandboxServer.AT);
                heavy.forEach(question.putArray("chain")::add);
                String body = question.toString();
                answers.add(flood.submit(() -> timed(() -> server.verify(body))));
            }
            assertHealthAnswered();
            assertLegitimateAnswered();
            for (Future<Timed> answer : answers) {
                Timed timed = answer.get(60, TimeUnit.SECONDS);
                assertThat(timed.response().status()).isEqualTo(200);
                assertThat(timed.response().body()).contains("\"code\":\"weak_algorithm\"")
                        .contains("refused before any signature is verified");
                assertThat(timed.took()).as("a refused heavy chain costs no signature work").isLessThan(BUDGET);
            }
            assertHealthAnswered();
        } finally {
            flood.shutdownNow();
        }
    }

    /** A CA certificate (base64 DER) with the given RSA public key, signed by {@code signer}. */
    private static String heavyIntermediate(int n, BigInteger modulus, BigInteger exponent, KeyPair signer) throws Exception {
        SubjectPublicKeyInfo key = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), new RSAPublicKey(modulus, exponent));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new X500Name("CN=Heavy " + (n + 1)), BigInteger.valueOf(n),
                java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z")),
                java.util.Date.from(java.time.Instant.parse("2040-01-01T00:00:00Z")), new X500Name("CN=Heavy " + n), key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return java.util.Base64.getEncoder().encodeToString(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate())).getEncoded());
    }

    /** A verification question for a sandbox certificate at the sandbox's time, with a revocation mode. */
    private static String question(String certificate, String revocation) {
        return RunningServer.JSON.createObjectNode().put("certificate", server.certificate(certificate))
                .put("at", SandboxServer.AT).put("revocation", revocation).toString();
    }

    private static RawHttp.Response verify(int port, String json) {
        return RawHttp.exchange(port, false, "POST", "/v1/certificates/verify", "127.0.0.1", "application/json", json);
    }

    record Timed(RawHttp.Response response, Duration took) {
    }

    static Timed timed(java.util.function.Supplier<RawHttp.Response> exchange) {
        long started = System.nanoTime();
        RawHttp.Response response = exchange.get();
        return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The answer on a connection the server closes after it (null when the connection was reset first). */
    static RawHttp.Response readAnswer(Socket socket) throws IOException {
        try {
            return RawHttp.read(socket.getInputStream());
        } catch (SocketException reset) {
            return null;
        }
    }
}
