package org.qtrust.core.credential.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * Issue 15.1 for issuer metadata: a caller waits at most its outbound budget, also on a lookup
 * another caller started; the fetch goes on apart from the caller and fills the cache; an
 * out-of-budget answer is never cached.
 */
class MetadataBudgetTest {

    private static final String ISSUER = "https://issuer.example/a";
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService outbound = Executors.newFixedThreadPool(2);

    /** A publisher that answers 404 once the test releases it. */
    private final HttpTransport held = request -> {
        requested.add(request.url());
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new HttpExchange.Response(404, Map.of(), new byte[0], request.url());
    };

    @AfterEach
    void stop() {
        release.countDown();
        outbound.shutdownNow();
    }

    private HttpIssuerMetadataSource source() {
        return new HttpIssuerMetadataSource(held, NO_JSON, clock, Duration.ofMinutes(15),
                org.qtrust.core.credential.IssuerUrlRule.HTTPS_ONLY, outbound);
    }

    private static List<String> notes(MetadataLookup lookup) {
        assertThat(lookup).isInstanceOf(MetadataLookup.Found.class);
        return ((MetadataLookup.Found) lookup).notes();
    }

    @Test
    void a_hanging_publisher_costs_each_caller_its_budget_and_one_shared_fetch() throws Exception {
        HttpIssuerMetadataSource source = source();

        MetadataLookup first = source.lookup(ISSUER, Duration.ofMillis(200));
        MetadataLookup second = source.lookup(ISSUER, Duration.ofMillis(200));

        assertThat(notes(first)).singleElement().asString().endsWith("could not fetch (out of budget)");
        assertThat(notes(second)).singleElement().asString().endsWith("could not fetch (out of budget)");
        assertThat(requested).as("the second caller joined the first fetch").hasSize(1);

        release.countDown();
        MetadataLookup later = source.lookup(ISSUER, Duration.ofSeconds(20));
        assertThat(notes(later)).anySatisfy(note -> assertThat(note).contains("HTTP 404"))
                .noneSatisfy(note -> assertThat(note).contains("out of budget"));
        MetadataLookup cached = source.lookup(ISSUER, Duration.ofMillis(1));
        assertThat(notes(cached)).isEqualTo(notes(later));
        assertThat(requested).as("both well-known documents asked for once").containsExactly(
                "https://issuer.example/.well-known/jwt-vc-issuer/a", "https://issuer.example/.well-known/openid-credential-issuer/a");
    }

    @Test
    void a_spent_budget_asks_nobody() {
        MetadataLookup lookup = source().lookup(ISSUER, Duration.ZERO);

        assertThat(notes(lookup)).singleElement().asString().endsWith("could not fetch (out of budget)");
        assertThat(requested).isEmpty();
    }

    @Test
    void without_a_budget_the_lookup_is_as_before() {
        release.countDown();

        MetadataLookup lookup = source().lookup(ISSUER);

        assertThat(notes(lookup)).allSatisfy(note -> assertThat(note).contains("HTTP 404"));
        assertThat(requested).hasSize(2);
    }

    private static final JsonWebTokens NO_JSON = new JsonWebTokens() {
        @Override
        public SignedJwt read(String compact) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verifies(SignedJwt token, byte[] subjectPublicKeyInfo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] publicKeyInfo(Map<String, Object> jwk) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object parseJson(String json) {
            throw new UnsupportedOperationException();
        }
    };
}
