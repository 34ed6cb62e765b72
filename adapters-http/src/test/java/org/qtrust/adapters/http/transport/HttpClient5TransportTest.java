package org.qtrust.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.http.testing.ListServer;
import org.qtrust.adapters.http.testing.ListServer.Fault;
import org.qtrust.adapters.http.testing.TestTls;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.transport.TransportException.Reason;

/** The transport against real HTTP(S) servers on 127.0.0.1. */
@Timeout(60)
class HttpClient5TransportTest {

    private static final byte[] LIST = "<TrustServiceStatusList/>".getBytes(StandardCharsets.UTF_8);

    private final ListServer server = ListServer.http();
    private final List<AutoCloseable> closing = new ArrayList<>();

    private HttpClient5Transport transport(TransportConfig config) {
        HttpClient5Transport transport = new HttpClient5Transport(config.withProxy(ProxySetting.direct()));
        closing.add(transport);
        return transport;
    }

    private HttpClient5Transport transport() {
        return transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(700),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void a_get_returns_status_headers_body_and_the_url_that_answered_with_a_qtrust_user_agent() throws Exception {
        server.serve("AT.xml", LIST);

        HttpExchange.Response response = transport().send(HttpExchange.Request.get(server.url("AT.xml"), 1000));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(LIST);
        assertThat(response.header("etag")).isPresent();
        assertThat(response.finalUrl()).isEqualTo(server.url("AT.xml"));
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.userAgent()).startsWith("QTrust/"));
    }

    @Test
    void the_first_matching_rewrite_rule_applies_once() throws Exception {
        server.serve("AT.xml", LIST);
        RewriteRules rules = RewriteRules.parse(List.of(
                "https://www.signatur.rtr.at/=" + server.base(),
                server.base() + "=http://127.0.0.1:1/never-applied-twice/",
                "https://www.signatur.rtr.at/AT.xml=http://127.0.0.1:1/not-the-first-match"));

        HttpExchange.Response response = transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withRewrites(rules))
                .send(HttpExchange.Request.get("https://www.signatur.rtr.at/AT.xml", 1000));

        assertThat(response.body()).isEqualTo(LIST);
        assertThat(response.finalUrl()).isEqualTo(server.url("AT.xml"));
    }

    @Test
    void redirects_are_followed_within_the_limit() throws Exception {
        server.serve("AT.xml", LIST);
        server.fault("old.xml", new Fault.Redirect(301, "/AT.xml"));
        server.fault("loop.xml", new Fault.Redirect(302, "/loop.xml"));

        HttpExchange.Response moved = transport().send(HttpExchange.Request.get(server.url("old.xml"), 1000));

        assertThat(moved.body()).isEqualTo(LIST);
        assertThat(moved.finalUrl()).isEqualTo(server.url("AT.xml"));
        assertThatThrownBy(() -> transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withMaxRedirects(3))
                .send(HttpExchange.Request.get(server.url("loop.xml"), 1000)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS));
        assertThat(server.requests()).filteredOn(r -> r.path().equals("/loop.xml")).hasSize(4);
    }

    @Test
    void a_redirect_from_https_to_http_is_refused(@TempDir Path folder) throws Exception {
        Path keystore = TestTls.keystore(folder);
        server.serve("AT.xml", LIST);
        try (ListServer tls = ListServer.https(TestTls.serverContext(keystore))) {
            tls.serve("AT.xml", LIST);
            tls.fault("moved.xml", new Fault.Redirect(302, server.url("AT.xml")));
            HttpClient5Transport transport = transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox())
                    .withTrustStore(new TransportConfig.TrustStore(keystore, TestTls.PASSWORD)));

            assertThat(transport.send(HttpExchange.Request.get(tls.url("AT.xml"), 1000)).body()).isEqualTo(LIST);
            assertThatThrownBy(() -> transport.send(HttpExchange.Request.get(tls.url("moved.xml"), 1000)))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.REDIRECT_REFUSED);
                        assertThat(e.getMessage()).contains("https to http");
                    });
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void the_redirect_rule_resolves_relative_targets_and_refuses_downgrades_and_other_schemes() throws Exception {
        URI https = URI.create("https://ec.europa.eu/tools/lotl/eu-lotl.xml");

        assertThat(HttpClient5Transport.redirectTarget(https, "/x/new.xml"))
                .isEqualTo(URI.create("https://ec.europa.eu/x/new.xml"));
        assertThat(HttpClient5Transport.redirectTarget(URI.create("http://a.example/x"), "https://b.example/y"))
                .isEqualTo(URI.create("https://b.example/y"));
        assertThatThrownBy(() -> HttpClient5Transport.redirectTarget(https, "http://ec.europa.eu/tools/lotl/eu-lotl.xml"))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REDIRECT_REFUSED));
        assertThatThrownBy(() -> HttpClient5Transport.redirectTarget(https, "file:///etc/passwd"))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REDIRECT_REFUSED));
    }

    @Test
    void a_server_that_never_answers_times_out_within_the_read_timeout() {
        server.fault("AT.xml", new Fault.Hang());
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get(server.url("AT.xml"), 1000)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_body_cut_short_of_its_announced_length_is_a_failed_connection_not_a_short_list() {
        server.serve("AT.xml", new byte[100_000]);
        server.fault("AT.xml", new Fault.Truncated());

        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get(server.url("AT.xml"), 1_000_000)))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED));
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_reading() {
        server.fault("AT.xml", new Fault.DeclaredTooLarge(10_000_000_000L));

        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get(server.url("AT.xml"), 1_000_000)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
                    assertThat(e.getMessage()).contains("announces");
                });
    }

    @Test
    void a_streamed_body_over_the_limit_stops_at_the_limit_and_is_never_read_to_the_end() {
        server.fault("AT.xml", new Fault.Oversized(2L * 1024 * 1024 * 1024));
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get(server.url("AT.xml"), 1024 * 1024)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.streamedBytes()).isLessThan(256L * 1024 * 1024);
    }

    @Test
    void the_transport_wide_body_limit_caps_what_a_request_asks_for() {
        server.serve("AT.xml", new byte[10_000]);

        assertThatThrownBy(() -> transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withMaxBodyBytes(5_000))
                .send(HttpExchange.Request.get(server.url("AT.xml"), 1_000_000)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE));
    }

    @Test
    void a_refused_connection_and_a_bad_url_are_reported_as_such() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String refused = "http://127.0.0.1:" + closedPort + "/AT.xml";

        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get(refused, 1000)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONNECTION_FAILED);
                    // the reason class and the URL, never the socket error (no port-scanning oracle)
                    assertThat(e.getMessage()).isEqualTo("connection to 127.0.0.1:" + closedPort + " failed");
                });
        assertThatThrownBy(() -> transport().send(HttpExchange.Request.get("ftp://127.0.0.1/x", 1000)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_URL));
    }

    @Test
    void a_post_sends_its_body_and_content_type() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer ocsp = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        ocsp.createContext("/", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        ocsp.start();
        try {
            String url = "http://127.0.0.1:" + ocsp.getAddress().getPort() + "/ocsp";
            HttpExchange.Response response = transport().send(HttpExchange.Request.post(url,
                    "application/ocsp-request", "request".getBytes(StandardCharsets.UTF_8), 1000));

            assertThat(response.body()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
            assertThat(received.get()).isEqualTo("application/ocsp-request request");
        } finally {
            ocsp.stop(0);
        }
    }

    @Test
    void an_explicit_proxy_receives_the_request_for_the_real_host() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        proxy.createContext("/", exchange -> {
            received.set(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, LIST.length);
            exchange.getResponseBody().write(LIST);
            exchange.close();
        });
        proxy.start();
        try {
            HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox())
                    .withProxy(ProxySetting.parse("http://127.0.0.1:" + proxy.getAddress().getPort())));
            closing.add(transport);

            HttpExchange.Response response = transport.send(HttpExchange.Request.get(
                    "http://lists.example.invalid/AT.xml", 1000).forPurpose(HttpExchange.Purpose.TRUSTED_LIST));

            assertThat(response.body()).isEqualTo(LIST);
            assertThat(received.get()).isEqualTo("http://lists.example.invalid/AT.xml");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void one_transport_serves_many_threads_at_once() throws Exception {
        server.serve("AT.xml", LIST);
        HttpClient5Transport transport = transport();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> transport.send(HttpExchange.Request.get(server.url("AT.xml"), 1000)).status());
            }
            for (Future<Integer> status : threads.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rewrite_rules_parse_with_a_prefix_that_contains_equals_signs() {
        RewriteRules rules = RewriteRules.parse(List.of("https://x.example/get?list=AT=http://127.0.0.1:8080/AT.xml"));

        assertThat(rules.apply("https://x.example/get?list=AT")).isEqualTo("http://127.0.0.1:8080/AT.xml");
        assertThatThrownBy(() -> RewriteRules.parse(List.of("no-separator"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RewriteRules.parse(List.of("https://a/=file:///tmp/")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
