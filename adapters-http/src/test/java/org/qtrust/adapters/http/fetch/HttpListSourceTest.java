package org.qtrust.adapters.http.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.http.testing.ListServer;
import org.qtrust.adapters.http.testing.ListServer.Fault;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.ProxySetting;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher.Validators;

/** Conditional requests, retries and the parallel bound of the list fetcher. */
@Timeout(30)
class HttpListSourceTest {

    private static final byte[] LIST = "<TrustServiceStatusList/>".getBytes(StandardCharsets.UTF_8);
    private static final FetchConfig QUICK = FetchConfig.defaults().withAttempts(3, Duration.ofMillis(100), Duration.ofSeconds(1));

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private static ListLocation at(String url) {
        return new ListLocation(url, ListLocation.Role.TERRITORY_LIST, "AT");
    }

    @Test
    void a_conditional_request_carries_the_validators_and_a_304_is_not_modified() throws Exception {
        try (ListServer server = ListServer.http();
             HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withProxy(ProxySetting.direct()))) {
            server.serve("AT.xml", LIST);
            HttpListSource source = new HttpListSource(transport, QUICK);

            FetchResult first = source.fetch(at(server.url("AT.xml")), Validators.NONE);
            FetchResult.Downloaded downloaded = (FetchResult.Downloaded) first;
            FetchResult second = source.fetch(at(server.url("AT.xml")),
                    new Validators(downloaded.etag(), downloaded.lastModified()));

            assertThat(downloaded.document().content()).isEqualTo(LIST);
            assertThat(downloaded.lastModified()).contains("Wed, 04 Sep 2019 08:00:00 GMT");
            assertThat(second).isInstanceOf(FetchResult.NotModified.class);
            assertThat(server.requests().get(1).ifNoneMatch()).isEqualTo(downloaded.etag().orElseThrow());
            assertThat(server.requests().get(1).ifModifiedSince()).isEqualTo("Wed, 04 Sep 2019 08:00:00 GMT");
        }
    }

    @Test
    void a_transient_server_error_is_retried_with_growing_waits_and_then_succeeds() {
        Scripted transport = new Scripted(response(503), response(500), response(200));
        HttpListSource source = new HttpListSource(transport, QUICK, waits::add);

        FetchResult result = source.fetch(at("https://example.org/AT.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Downloaded.class);
        assertThat(transport.calls.get()).isEqualTo(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
        assertThat(waits.get(1)).isBetween(Duration.ofMillis(160), Duration.ofMillis(240));
    }

    @Test
    void retries_stop_after_the_last_attempt_and_say_so() {
        Scripted transport = new Scripted(timeout(), timeout(), timeout(), response(200));
        HttpListSource source = new HttpListSource(transport, QUICK, waits::add);

        FetchResult result = source.fetch(at("https://example.org/AT.xml"), Validators.NONE);

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.reason()).contains("read timeout").contains("after 3 tries"));
        assertThat(transport.calls.get()).isEqualTo(3);
    }

    @Test
    void permanent_failures_are_not_retried() {
        Scripted notFound = new Scripted(response(404));
        Scripted tooLarge = new Scripted(new TransportException(TransportException.Reason.BODY_TOO_LARGE, "too large"));

        assertThat(new HttpListSource(notFound, QUICK, waits::add).fetch(at("https://x/AT.xml"), Validators.NONE))
                .isInstanceOfSatisfying(FetchResult.Failed.class, f -> assertThat(f.reason()).startsWith("HTTP 404"));
        assertThat(new HttpListSource(tooLarge, QUICK, waits::add).fetch(at("https://x/AT.xml"), Validators.NONE))
                .isInstanceOf(FetchResult.Failed.class);
        assertThat(notFound.calls.get() + tooLarge.calls.get()).isEqualTo(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void a_retry_after_header_sets_the_wait_within_the_maximum() {
        Scripted transport = new Scripted(new HttpExchange.Response(429, Map.of("Retry-After", List.of("120")),
                new byte[0], "https://x/AT.xml"), response(200));

        new HttpListSource(transport, QUICK, waits::add).fetch(at("https://x/AT.xml"), Validators.NONE);

        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void a_304_without_validators_is_not_taken_for_a_copy() {
        FetchResult result = new HttpListSource(new Scripted(response(304)), QUICK, waits::add)
                .fetch(at("https://x/AT.xml"), Validators.NONE);

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
    }

    @Test
    void as_a_document_source_it_fetches_unconditionally_and_never_throws() throws Exception {
        try (ListServer server = ListServer.http();
             HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()).withProxy(ProxySetting.direct()))) {
            server.serve("AT.xml", LIST);
            server.fault("BE.xml", new Fault.Status(500));
            HttpListSource source = new HttpListSource(transport, QUICK, waits::add);

            assertThat(source.find(at(server.url("AT.xml")))).isInstanceOf(DocumentLookup.Found.class);
            assertThat(source.find(at(server.url("BE.xml")))).isInstanceOfSatisfying(DocumentLookup.Unavailable.class,
                    u -> assertThat(u.reason()).contains("HTTP 500"));
            assertThat(server.requests()).allMatch(r -> r.ifNoneMatch() == null);
        }
    }

    @Test
    void no_more_downloads_run_at_once_than_the_bound() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HttpTransport slow = request -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return response(200);
        };
        HttpListSource source = new HttpListSource(slow, QUICK.withMaxParallelFetches(3), waits::add);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        for (int i = 0; i < 24; i++) {
            threads.execute(() -> source.fetch(at("https://x/AT.xml"), Validators.NONE));
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        assertThat(most.get()).isEqualTo(3);
    }

    private static HttpExchange.Response response(int status) {
        return new HttpExchange.Response(status, Map.of("ETag", List.of("\"e\"")), LIST, "https://x/AT.xml");
    }

    private static TransportException timeout() {
        return new TransportException(TransportException.Reason.TIMEOUT, "no data from x within the read timeout");
    }

    /** Answers (or fails) from a script, one step per call. */
    private static final class Scripted implements HttpTransport {
        private final List<Object> steps;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(Object... steps) {
            this.steps = new ArrayList<>(List.of(steps));
        }

        @Override
        public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
            Object step = steps.get(Math.min(calls.getAndIncrement(), steps.size() - 1));
            if (step instanceof TransportException e) {
                throw e;
            }
            return (HttpExchange.Response) step;
        }
    }

    @Test
    void retry_after_reads_seconds_and_ignores_nonsense() {
        assertThat(HttpListSource.retryAfter("30")).contains(Duration.ofSeconds(30));
        assertThat(HttpListSource.retryAfter("soon")).isEqualTo(Optional.empty());
    }
}
