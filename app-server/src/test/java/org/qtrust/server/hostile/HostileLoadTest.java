package org.qtrust.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.server.RawHttp;
import org.qtrust.server.RunningServer;
import org.qtrust.server.SandboxServer;

/**
 * Issue 15 item 7: the server under hostile clients, on loopback and bounded in time. While
 * each attack runs, {@code /health} must answer within 1 s and a legitimate verification
 * within its budget ({@link #BUDGET}); the attackers get their 4xx and nothing more. The
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
        long started = System.nanoTime();
        RawHttp.Response health = RawHttp.get(server.port(), "/health", "127.0.0.1");
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

    /** The answer on a connection the server closes after it (null when the connection was reset first). */
    static RawHttp.Response readAnswer(Socket socket) throws IOException {
        try {
            return RawHttp.read(socket.getInputStream());
        } catch (SocketException reset) {
            return null;
        }
    }
}
