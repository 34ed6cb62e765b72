package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.adapters.ocsp.testing.LocalHttpServer;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;

/** Whatever a server sends, the caller gets {@code unknown} with a clear trace line, never an exception. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BadInputTest {

    private static RevocationWorld world;
    private static final long LIMIT = 64 * 1024;

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
        byte[] garbage = new byte[700];
        new Random(42).nextBytes(garbage);
        byte[] html = "<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        world.http.route("/garbage", LocalHttpServer.Reply.ok("application/octet-stream", garbage));
        world.http.route("/html", LocalHttpServer.Reply.ok("text/html", html));
        world.http.route("/huge", LocalHttpServer.Reply.ok("application/octet-stream", new byte[(int) LIMIT * 4]));
        world.http.route("/error", new LocalHttpServer.Reply(500, "text/html", html));
        world.http.route("/empty", LocalHttpServer.Reply.ok("application/ocsp-response", new byte[0]));
        world.http.route("/der-but-wrong", LocalHttpServer.Reply.ok("application/ocsp-response",
                new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    static List<Arguments> bodies() {
        return List.of(
                Arguments.of("/garbage", "is not an OCSP response (700 bytes, starts with 0x", "is not a CRL (700 bytes"),
                Arguments.of("/html", "starts with '<!DOCTYPE html>", "starts with '<!DOCTYPE html>"),
                Arguments.of("/huge", "BODY_TOO_LARGE", "BODY_TOO_LARGE"),
                Arguments.of("/error", "answered HTTP 500", "answered HTTP 500"),
                Arguments.of("/empty", "with an empty body", "with an empty body"),
                Arguments.of("/der-but-wrong", "is not an OCSP response", "is not a CRL"),
                Arguments.of("/missing", "answered HTTP 404", "answered HTTP 404"));
    }

    @ParameterizedTest(name = "OCSP {0}")
    @MethodSource("bodies")
    void ocsp_bad_answers_give_unknown(String path, String ocspLine, String crlLine) {
        RevocationPolicy policy = RevocationPolicy.defaults().withMode(RevocationMode.REQUIRE)
                .withOrder(List.of(RevocationSource.OCSP)).withOcspUrlOverride(world.http.url(path))
                .withLimits(LIMIT, LIMIT);

        RevocationOutcome outcome = new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(world.goodLeaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), policy));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.startsWith("OCSP: ") && line.contains(ocspLine));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code()).isEqualTo("revocation_unknown");
    }

    @ParameterizedTest(name = "CRL {0}")
    @MethodSource("bodies")
    void crl_bad_answers_give_unknown(String path, String ocspLine, String crlLine) {
        world.http.route("/ca.crl", reroute(path));
        RevocationPolicy policy = RevocationPolicy.defaults().withMode(RevocationMode.REQUIRE)
                .withOrder(List.of(RevocationSource.CRL)).withLimits(LIMIT, LIMIT);

        RevocationOutcome outcome = new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(world.goodLeaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), policy));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.startsWith("CRL: ") && line.contains(crlLine));
    }

    /** Serves at /ca.crl what the given path serves. */
    private static java.util.function.Function<byte[], LocalHttpServer.Reply> reroute(String path) {
        return body -> switch (path) {
            case "/garbage" -> {
                byte[] garbage = new byte[700];
                new Random(42).nextBytes(garbage);
                yield LocalHttpServer.Reply.ok("application/octet-stream", garbage);
            }
            case "/html" -> LocalHttpServer.Reply.ok("text/html",
                    "<!DOCTYPE html><html><body>oops</body></html>".getBytes(StandardCharsets.UTF_8));
            case "/huge" -> LocalHttpServer.Reply.ok("application/pkix-crl", new byte[(int) LIMIT * 4]);
            case "/error" -> new LocalHttpServer.Reply(500, "text/html", "<html>error</html>".getBytes(StandardCharsets.UTF_8));
            case "/empty" -> LocalHttpServer.Reply.ok("application/pkix-crl", new byte[0]);
            case "/der-but-wrong" -> LocalHttpServer.Reply.ok("application/pkix-crl", new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});
            default -> new LocalHttpServer.Reply(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        };
    }

    @ParameterizedTest(name = "no exception when the transport itself fails: {0}")
    @MethodSource("failures")
    void a_transport_that_throws_unexpectedly_still_gives_unknown(RuntimeException failure) {
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(request -> {
            throw failure;
        }, Clock.systemUTC());

        RevocationOutcome outcome = checker.check(world.goodLeaf.certificate(), world.issuer(),
                RevocationQuery.at(Instant.now(), RevocationPolicy.defaults()));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("internal error"));
    }

    static List<RuntimeException> failures() {
        return List.of(new IllegalStateException("boom"), new NullPointerException());
    }
}
