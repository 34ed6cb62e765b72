package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.CountingTransport;
import org.qtrust.adapters.ocsp.testing.GatedTransport;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.adapters.ocsp.testing.TestPki;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.OutboundBudget;
import org.qtrust.core.transport.TransportException;

/**
 * Issue 15.1: the checker's outbound work within a request's budget. Hanging responders are
 * made deterministic with a {@link GatedTransport} (an exchange waits until the test opens it);
 * nothing here measures speed: each test asserts what is answered, fetched and remembered.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OutboundBudgetTest {

    private static RevocationWorld world;
    private static final RevocationPolicy CRL_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.CRL));
    private static final RevocationPolicy OCSP_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.OCSP));
    /** Short enough to keep the suite quick; the assertions do not depend on how short. */
    private static final Duration SHORT = Duration.ofMillis(200);

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void currentCrl() {
        world.serveCrl(world.currentCrl());
    }

    private static RevocationQuery query(RevocationPolicy policy, OutboundBudget budget) {
        return RevocationQuery.at(Instant.now(), policy).withBudget(budget);
    }

    private static RevocationOutcome check(OcspCrlRevocationChecker checker, TestPki.Identity leaf, RevocationQuery query) {
        return checker.check(leaf.certificate(), world.issuer(), query);
    }

    @Test
    void a_hanging_fetch_is_not_awaited_beyond_the_budget_and_what_it_brings_later_serves_the_next_request() throws Exception {
        GatedTransport hanging = new GatedTransport(world.transport);
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(hanging, Clock.systemUTC());

        RevocationOutcome outOfBudget = check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.startingNow(SHORT)));

        assertThat(outOfBudget.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outOfBudget.trace()).anyMatch(line -> line.contains("(out of budget)") && line.contains("the fetch goes on"));
        assertThat(hanging.threads()).as("fetched on the checker's own threads, not the caller's")
                .isNotEmpty().allMatch(name -> name.startsWith("qtrust-revocation-fetch"));

        hanging.open();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (checker.cacheSizes().crls() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        RevocationOutcome later = check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.startingNow(SHORT)));

        assertThat(later.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(later.trace()).anyMatch(line -> line.contains("from the cache"));
        assertThat(hanging.count()).as("the one fetch that went on served the later request").isEqualTo(1);
    }

    @Test
    void a_caller_joining_a_fetch_another_started_waits_only_its_own_budget() throws Exception {
        GatedTransport hanging = new GatedTransport(world.transport);
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(hanging, Clock.systemUTC());
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<RevocationOutcome> patient = first.submit(() ->
                    check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.unlimited())));
            hanging.awaitStarted(1);

            RevocationOutcome joined = check(checker, world.revokedLeaf, query(CRL_ONLY, OutboundBudget.startingNow(SHORT)));

            assertThat(joined.status()).isEqualTo(RevocationStatus.UNKNOWN);
            assertThat(joined.trace()).anyMatch(line -> line.contains("joined a fetch already in progress"))
                    .anyMatch(line -> line.contains("(out of budget)"));
            hanging.open();
            assertThat(patient.get(30, TimeUnit.SECONDS).status()).as("the caller without a budget gets the answer")
                    .isEqualTo(RevocationStatus.GOOD);
            assertThat(hanging.count()).isEqualTo(1);
        } finally {
            hanging.open();
            first.shutdownNow();
        }
    }

    @Test
    void a_spent_budget_fetches_nothing_but_cached_answers_still_count() {
        CountingTransport counting = new CountingTransport(world.transport, Duration.ZERO);
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(counting, Clock.systemUTC());

        RevocationOutcome spent = check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.startingNow(Duration.ZERO)));

        assertThat(spent.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(spent.trace()).anyMatch(line -> line.contains("not asked") && line.contains("is spent (out of budget)"));
        assertThat(counting.count()).isZero();

        assertThat(check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.unlimited())).status()).isEqualTo(RevocationStatus.GOOD);
        RevocationOutcome cached = check(checker, world.revokedLeaf, query(CRL_ONLY, OutboundBudget.startingNow(Duration.ZERO)));

        assertThat(cached.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(counting.count()).isEqualTo(1);
    }

    @Test
    void a_failed_fetch_is_remembered_per_url_for_a_minute() {
        AtomicInteger attempts = new AtomicInteger();
        HttpTransport refused = request -> {
            attempts.incrementAndGet();
            throw new TransportException(TransportException.Reason.CONNECTION_FAILED, "connection refused");
        };
        MutableClock clock = new MutableClock(Instant.now());
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(refused, clock);
        RevocationPolicy both = RevocationPolicy.defaults();

        RevocationOutcome first = check(checker, world.goodLeaf, query(both, OutboundBudget.unlimited()));
        RevocationOutcome second = check(checker, world.revokedLeaf, query(both, OutboundBudget.unlimited()));

        assertThat(first.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(attempts.get()).as("one OCSP and one CRL attempt, then neither URL again").isEqualTo(2);
        assertThat(second.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(second.trace()).anyMatch(line -> line.startsWith("OCSP: ") && line.contains("not asked again before"))
                .anyMatch(line -> line.startsWith("CRL: ") && line.contains("not asked again before"));

        clock.advance(OutboundLimits.DEFAULTS.failureMemory().plusSeconds(1));
        check(checker, world.goodLeaf, query(both, OutboundBudget.unlimited()));

        assertThat(attempts.get()).as("asked again once the failure is forgotten").isEqualTo(4);
    }

    @Test
    void a_responder_that_answers_badly_is_not_remembered_as_failed() {
        CountingTransport counting = new CountingTransport(world.transport, Duration.ZERO);
        world.serveCrl("not a CRL".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(counting, Clock.systemUTC());

        check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.unlimited()));
        world.serveCrl(world.currentCrl());
        RevocationOutcome fixed = check(checker, world.goodLeaf, query(CRL_ONLY, OutboundBudget.unlimited()));

        assertThat(fixed.status()).as("only failed exchanges are remembered, not answers the checker refuses")
                .isEqualTo(RevocationStatus.GOOD);
        assertThat(counting.count()).isEqualTo(2);
    }

    @Test
    void no_more_than_the_per_host_limit_of_fetches_run_at_once_and_a_caller_waits_its_turn_only_within_its_budget() throws Exception {
        GatedTransport hanging = new GatedTransport(world.transport);
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(hanging, Clock.systemUTC(),
                OcspCrlRevocationChecker.DEFAULT_MAX_ANSWERS, OcspCrlRevocationChecker.DEFAULT_MAX_CRLS,
                OutboundLimits.DEFAULTS.withPerHost(1));
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            // Two certificates: two distinct OCSP questions to the same responder.
            Future<RevocationOutcome> patient = first.submit(() ->
                    check(checker, world.goodLeaf, query(OCSP_ONLY, OutboundBudget.unlimited())));
            hanging.awaitStarted(1);

            RevocationOutcome waited = check(checker, world.revokedLeaf, query(OCSP_ONLY, OutboundBudget.startingNow(SHORT)));

            assertThat(waited.status()).isEqualTo(RevocationStatus.UNKNOWN);
            assertThat(waited.trace()).anyMatch(line -> line.contains("1 fetches to its host are in progress")
                    && line.contains("(out of budget)"));
            assertThat(hanging.count()).as("the second question never reached the host").isEqualTo(1);
            hanging.open();
            patient.get(30, TimeUnit.SECONDS);
        } finally {
            hanging.open();
            first.shutdownNow();
        }
    }

    @Test
    void hosts_are_told_apart_by_name_and_port() {
        assertThat(OutboundFetches.host("http://OCSP.example:80/a")).isEqualTo("ocsp.example:80");
        assertThat(OutboundFetches.host("http://ocsp.example/b")).isEqualTo("ocsp.example:80");
        assertThat(OutboundFetches.host("https://ocsp.example/b")).isEqualTo("ocsp.example:443");
        assertThat(OutboundFetches.host("http://ocsp.example:8080/")).isEqualTo("ocsp.example:8080");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
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
