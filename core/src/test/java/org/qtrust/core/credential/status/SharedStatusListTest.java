package org.qtrust.core.credential.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.credential.IssuerUrlRule;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * Issue 17.4: Status List Tokens shared by replicas through the {@link SharedEvidenceStore}
 * port. A stored token is used only while a token downloaded at its issuance could still be
 * cached (its iat plus the time to live, its own ttl, its exp); anything else in the store is
 * ignored and the token fetched anew. (Its signature, sub and exp are verified by the credential
 * service on every use, whichever way it came: see the server's replica test.)
 */
class SharedStatusListTest {

    private static final String URI = "https://issuer.example/status/1";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    /** A token's claims as "k=v" pairs in its middle part: this test's stand-in for a JWT reader. */
    private static final JsonWebTokens CLAIMS = new JsonWebTokens() {
        @Override
        public SignedJwt read(String compact) throws MalformedTokenException {
            String[] parts = compact.split("\\.");
            if (parts.length != 3) {
                throw new MalformedTokenException("not a compact JWT");
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            for (String pair : parts[1].split(",")) {
                String[] kv = pair.split("=");
                if (kv.length == 2) {
                    claims.put(kv[0], Long.parseLong(kv[1]));
                }
            }
            return new SignedJwt(compact, Map.of("typ", "statuslist+jwt"), claims);
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

    private static String token(Instant iat, long ttl) {
        return "h.iat=" + iat.getEpochSecond() + ",ttl=" + ttl + ",exp=" + iat.plus(Duration.ofDays(1)).getEpochSecond() + ".sig";
    }

    /** The publisher: counts requests, serves one token. */
    private static final class Publisher implements HttpTransport {
        final AtomicInteger requests = new AtomicInteger();
        volatile String token = token(NOW.minusSeconds(10), 600);

        @Override
        public HttpExchange.Response send(HttpExchange.Request request) {
            requests.incrementAndGet();
            return new HttpExchange.Response(200, Map.of(), token.getBytes(StandardCharsets.US_ASCII), request.url());
        }
    }

    private static final class MemoryStore implements SharedEvidenceStore {
        final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Entry> find(Kind kind, String key, long maxBytes) {
            Entry entry = entries.get(kind + key);
            return entry == null || entry.bytes().length > maxBytes ? Optional.empty() : Optional.of(entry);
        }

        @Override
        public void put(Kind kind, String key, byte[] bytes, Duration timeToLive) {
            entries.put(kind + key, new Entry(bytes, timeToLive));
        }

        void set(String token, Duration remaining) {
            entries.put(Kind.STATUS_LIST + URI, new Entry(token.getBytes(StandardCharsets.US_ASCII), remaining));
        }
    }

    private final Publisher publisher = new Publisher();
    private final MemoryStore store = new MemoryStore();

    private HttpStatusListSource replica(Clock clock) {
        return new HttpStatusListSource(publisher, clock, Duration.ofMinutes(5), IssuerUrlRule.HTTPS_ONLY, Optional.of(CLAIMS),
                Runnable::run, store);
    }

    private HttpStatusListSource replica() {
        return replica(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void one_replicas_download_serves_another_for_no_longer_than_it_may_be_cached() {
        StatusListFetch first = replica().fetch(URI);
        StatusListFetch second = replica().fetch(URI);

        assertThat(first).isInstanceOf(StatusListFetch.Fetched.class);
        assertThat(((StatusListFetch.Fetched) first).source()).isEqualTo(StatusListFetch.Fetched.FETCHED);
        assertThat(second).isInstanceOf(StatusListFetch.Fetched.class);
        assertThat(((StatusListFetch.Fetched) second).token()).isEqualTo(publisher.token);
        assertThat(((StatusListFetch.Fetched) second).source()).isEqualTo(StatusListFetch.Fetched.CACHE);
        assertThat(publisher.requests).hasValue(1);
        // five minutes from the download (the source's time to live, shorter than the token's ttl and exp)
        assertThat(store.entries.get(SharedEvidenceStore.Kind.STATUS_LIST + URI).remaining()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_stored_token_past_its_iat_plus_time_to_live_is_fetched_anew_even_if_the_store_still_keeps_it() {
        // someone wrote an old (genuinely signed) token with a long life: a replay of the status before a revocation
        store.set(token(NOW.minus(Duration.ofHours(2)), 600), Duration.ofDays(7));

        StatusListFetch fetch = replica().fetch(URI);

        assertThat(((StatusListFetch.Fetched) fetch).token()).isEqualTo(publisher.token);
        assertThat(publisher.requests).hasValue(1);
        assertThat(store.entries.get(SharedEvidenceStore.Kind.STATUS_LIST + URI).bytes())
                .as("the fresh token replaced it").isEqualTo(publisher.token.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void a_stored_token_past_its_own_ttl_or_exp_is_fetched_anew() {
        store.set(token(NOW.minusSeconds(120), 60), Duration.ofMinutes(5));
        replica().fetch(URI);
        store.set("h.iat=" + NOW.minusSeconds(10).getEpochSecond() + ",exp=" + NOW.minusSeconds(1).getEpochSecond() + ".sig",
                Duration.ofMinutes(5));
        replica().fetch(URI);

        assertThat(publisher.requests).hasValue(2);
    }

    @Test
    void what_is_not_a_token_with_an_iat_issued_by_now_is_ignored() {
        store.set("<html>not a token</html>", Duration.ofMinutes(5));
        replica().fetch(URI);
        store.set("h.ttl=600.sig", Duration.ofMinutes(5));
        replica().fetch(URI);
        store.set(token(NOW.plus(Duration.ofHours(1)), 600), Duration.ofMinutes(5));
        replica().fetch(URI);

        assertThat(publisher.requests).hasValue(3);
    }

    @Test
    void a_stored_token_is_kept_in_memory_no_longer_than_the_store_still_had_it() {
        store.set(token(NOW.minusSeconds(10), 600), Duration.ofSeconds(30));
        MutableClock clock = new MutableClock(NOW);
        HttpStatusListSource replica = replica(clock);

        StatusListFetch fromStore = replica.fetch(URI);
        store.entries.clear();
        clock.now = NOW.plusSeconds(31);
        replica.fetch(URI);

        assertThat(((StatusListFetch.Fetched) fromStore).source()).isEqualTo(StatusListFetch.Fetched.CACHE);
        assertThat(publisher.requests).as("the in-memory copy expired with the stored one").hasValue(1);
    }

    @Test
    void a_stored_token_that_did_not_verify_is_downloaded_anew_once_and_a_downloaded_one_is_not() {
        store.set(token(NOW.minusSeconds(5), 600).replace(".sig", ".forged"), Duration.ofMinutes(5));
        HttpStatusListSource replica = replica();

        StatusListFetch stored = replica.fetch(URI);
        StatusListFetch anew = replica.fetchAnew(URI, Duration.ofSeconds(5));
        StatusListFetch again = replica.fetchAnew(URI, Duration.ofSeconds(5));

        assertThat(((StatusListFetch.Fetched) stored).token()).endsWith(".forged");
        assertThat(((StatusListFetch.Fetched) anew).token()).isEqualTo(publisher.token);
        assertThat(((StatusListFetch.Fetched) again).token()).isEqualTo(publisher.token);
        assertThat(publisher.requests).as("the download replaced the stored token; it is not downloaded again").hasValue(1);
        assertThat(store.entries.get(SharedEvidenceStore.Kind.STATUS_LIST + URI).bytes())
                .isEqualTo(publisher.token.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void without_a_token_reader_the_store_is_not_used() {
        new HttpStatusListSource(publisher, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), IssuerUrlRule.HTTPS_ONLY,
                Optional.empty(), Runnable::run, store).fetch(URI);

        assertThat(store.entries).isEmpty();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
