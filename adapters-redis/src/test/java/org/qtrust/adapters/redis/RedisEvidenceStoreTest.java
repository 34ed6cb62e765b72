package org.qtrust.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.redis.testing.RedisServerProcess;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.cache.port.SharedEvidenceStore.Kind;

/** The shared evidence store (issue 17.4) on a real redis-server: what it keeps, for how long, and how it behaves when Redis is not there. */
class RedisEvidenceStoreTest {

    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static RedisStoreConfig config() {
        return RedisStoreConfig.parse(redis.url(), "e" + System.nanoTime() + ":");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keeps_evidence_byte_for_byte_under_the_prefix_until_its_time_to_live() {
        RedisStoreConfig config = config();
        try (RedisEvidenceStore evidence = new RedisEvidenceStore(config); RedisStore raw = new RedisStore(config)) {
            evidence.put(Kind.OCSP, "issuer|1001|http://ocsp.example/", bytes("DER OCSP"), Duration.ofMinutes(10));
            assertThat(evidence.awaitWrites(Duration.ofSeconds(10))).isTrue();

            SharedEvidenceStore.Entry entry = evidence.find(Kind.OCSP, "issuer|1001|http://ocsp.example/", 1024).orElseThrow();
            assertThat(entry.bytes()).isEqualTo(bytes("DER OCSP"));
            assertThat(entry.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10));
            String key = raw.keys().evidence("ocsp", "issuer|1001|http://ocsp.example/");
            assertThat(key).startsWith(config.prefix() + "evidence:ocsp:").hasSize(config.prefix().length() + 14 + 64);
            assertThat(raw.client().get(key)).isEqualTo("DER OCSP");
            assertThat(raw.client().pttl(key)).isBetween(1L, Duration.ofMinutes(10).toMillis());
            // each kind has its own key space
            assertThat(evidence.find(Kind.CRL, "issuer|1001|http://ocsp.example/", 1024)).isEmpty();
            assertThat(evidence.stats().hits()).isEqualTo(1);
            assertThat(evidence.stats().writes()).isEqualTo(1);
        }
    }

    @Test
    void never_keeps_longer_than_seven_days_nor_what_has_no_time_left() {
        RedisStoreConfig config = config();
        try (RedisEvidenceStore evidence = new RedisEvidenceStore(config); RedisStore raw = new RedisStore(config)) {
            evidence.put(Kind.CRL, "far", bytes("CRL"), Duration.ofDays(400));
            evidence.put(Kind.CRL, "past", bytes("CRL"), Duration.ofSeconds(-5));
            evidence.put(Kind.CRL, "now", bytes("CRL"), Duration.ZERO);
            assertThat(evidence.awaitWrites(Duration.ofSeconds(10))).isTrue();

            assertThat(raw.client().pttl(raw.keys().evidence("crl", "far"))).isBetween(1L, Duration.ofDays(7).toMillis());
            assertThat(evidence.find(Kind.CRL, "past", 1024)).isEmpty();
            assertThat(evidence.find(Kind.CRL, "now", 1024)).isEmpty();
            assertThat(raw.client().exists(raw.keys().evidence("crl", "past"))).isFalse();
        }
    }

    @Test
    void an_entry_over_the_callers_size_bound_is_not_read() {
        RedisStoreConfig config = config();
        try (RedisEvidenceStore evidence = new RedisEvidenceStore(config); RedisStore raw = new RedisStore(config)) {
            // written by someone else: 1 MiB where the caller accepts 1 KiB
            raw.client().set(raw.keys().evidence("status_list", "https://issuer.example/status/1"), "x".repeat(1 << 20));

            assertThat(evidence.find(Kind.STATUS_LIST, "https://issuer.example/status/1", 1024)).isEmpty();
            assertThat(evidence.find(Kind.STATUS_LIST, "https://issuer.example/status/1", 2 << 20)).isPresent();
            assertThat(evidence.stats().misses()).isEqualTo(1);
        }
    }

    @Test
    void redis_that_never_answers_is_skipped_after_one_timeout_and_tried_again_after_the_pause() throws IOException {
        // accepts connections (kernel backlog) and never answers: the worst case, slower than a refused connection
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicLong nanos = new AtomicLong(1_000_000_000L);
            RedisStore store = new RedisStore(RedisStoreConfig.parse("redis://127.0.0.1:" + silent.getLocalPort() + "/0", null)
                    .withTimeout(RedisEvidenceStore.TIMEOUT));
            try (RedisEvidenceStore evidence = new RedisEvidenceStore(store, true, nanos::get, Duration.ofSeconds(30))) {
                assertThat(evidence.find(Kind.OCSP, "k", 1024)).isEmpty();
                long commands = store.stats().commands();
                assertThat(evidence.stats().errors()).isEqualTo(1);

                // paused: nothing is sent to Redis, neither reads nor writes
                for (int i = 0; i < 100; i++) {
                    assertThat(evidence.find(Kind.OCSP, "k" + i, 1024)).isEmpty();
                    evidence.put(Kind.OCSP, "k" + i, bytes("x"), Duration.ofMinutes(1));
                }
                assertThat(evidence.awaitWrites(Duration.ofSeconds(10))).isTrue();
                assertThat(store.stats().commands()).isEqualTo(commands);
                assertThat(evidence.stats().skipped()).isEqualTo(200);

                // after the pause, Redis is asked again (and, still silent, paused again)
                nanos.addAndGet(Duration.ofSeconds(31).toNanos());
                assertThat(evidence.find(Kind.OCSP, "k", 1024)).isEmpty();
                assertThat(store.stats().commands()).isEqualTo(commands + 1);
                assertThat(evidence.stats().errors()).isEqualTo(2);
            }
        }
    }

    @Test
    void a_stopped_redis_is_skipped_and_used_again_once_it_is_back() {
        RedisServerProcess own = RedisServerProcess.start();
        int port = own.port();
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        RedisStore store = new RedisStore(RedisStoreConfig.parse(own.url(), "p:").withTimeout(RedisEvidenceStore.TIMEOUT));
        try (RedisEvidenceStore evidence = new RedisEvidenceStore(store, true, nanos::get, Duration.ofSeconds(30))) {
            evidence.put(Kind.STATUS_LIST, "u", bytes("token"), Duration.ofMinutes(5));
            assertThat(evidence.awaitWrites(Duration.ofSeconds(10))).isTrue();
            own.close();

            assertThat(evidence.find(Kind.STATUS_LIST, "u", 1024)).isEmpty();
            assertThat(evidence.stats().errors()).isEqualTo(1);

            own = RedisServerProcess.startOn(port);
            assertThat(evidence.find(Kind.STATUS_LIST, "u", 1024)).as("still paused").isEmpty();
            nanos.addAndGet(Duration.ofSeconds(31).toNanos());
            evidence.put(Kind.STATUS_LIST, "u", bytes("token 2"), Duration.ofMinutes(5));
            assertThat(evidence.awaitWrites(Duration.ofSeconds(10))).isTrue();
            assertThat(evidence.find(Kind.STATUS_LIST, "u", 1024).orElseThrow().bytes()).isEqualTo(bytes("token 2"));
        } finally {
            own.close();
        }
    }
}
