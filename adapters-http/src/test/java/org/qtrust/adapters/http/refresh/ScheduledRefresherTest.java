package org.qtrust.adapters.http.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.http.testing.LiveWorld;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.RefreshTrustedLists;

@Timeout(30)
class ScheduledRefresherTest {

    private static final Instant NOW = Instant.parse("2019-10-01T00:00:00Z");
    private static final ListLocation LOTL = ListLocation.listOfLists("https://ec.europa.eu/tools/lotl/eu-lotl.xml");
    private static final ListLocation PL = new ListLocation("https://www.nccert.pl/tsl/PL_TSL.xml",
            ListLocation.Role.TERRITORY_LIST, "PL");
    private static final ScheduledRefresher.Settings SETTINGS = ScheduledRefresher.Settings.defaults();

    private static ListRefresh fresh(ListLocation location, String nextUpdate) {
        return new ListRefresh(location, RefreshOutcome.NOT_MODIFIED, Optional.empty(), "304", Optional.of(BigInteger.ONE),
                Optional.of(BigInteger.ONE), Optional.of(Instant.parse(nextUpdate)), false, Optional.empty());
    }

    private static RefreshReport report(ListRefresh lotl, ListRefresh... lists) {
        ListVerdict verdict = new ListVerdict(LOTL, Optional.empty(), Optional.empty(),
                Optional.of(ListRejection.UNAVAILABLE), false, List.of());
        return new RefreshReport(NOW, NOW, lotl, List.of(), List.of(lists),
                new TrustedListsReport(NOW, verdict, List.of(), List.of()));
    }

    @Test
    void without_anything_due_the_next_refresh_is_after_the_interval() {
        RefreshReport report = report(fresh(LOTL, "2020-03-04T00:00:00Z"), fresh(PL, "2019-11-25T00:00:00Z"));

        assertThat(ScheduledRefresher.nextDelay(report, NOW, SETTINGS)).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void a_next_update_before_the_interval_brings_the_refresh_forward_to_just_after_it() {
        RefreshReport report = report(fresh(LOTL, "2020-03-04T00:00:00Z"), fresh(PL, "2019-10-01T03:00:00Z"));

        assertThat(ScheduledRefresher.nextDelay(report, NOW, SETTINGS)).isEqualTo(Duration.ofHours(3).plusMinutes(5));
    }

    @Test
    void a_list_past_its_next_update_or_not_refreshed_is_retried_after_the_retry_delay_not_in_a_loop() {
        ListRefresh late = new ListRefresh(PL, RefreshOutcome.NOT_MODIFIED, Optional.empty(), "304",
                Optional.of(BigInteger.ONE), Optional.of(BigInteger.ONE), Optional.of(Instant.parse("2019-09-30T00:00:00Z")),
                true, Optional.empty());
        ListRefresh failed = new ListRefresh(PL, RefreshOutcome.KEPT_LAST_GOOD,
                Optional.of(RefreshProblem.of(RefreshProblem.Kind.FETCH_FAILED)), "HTTP 500", Optional.empty(),
                Optional.empty(), Optional.empty(), false, Optional.empty());

        assertThat(ScheduledRefresher.nextDelay(report(fresh(LOTL, "2020-03-04T00:00:00Z"), late), NOW, SETTINGS))
                .isEqualTo(Duration.ofHours(1));
        assertThat(ScheduledRefresher.nextDelay(report(fresh(LOTL, "2020-03-04T00:00:00Z"), failed), NOW, SETTINGS))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refreshes_run_in_the_background_with_the_clocks_time_and_reach_the_listeners() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<Instant> validationTimes = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        RefreshTrustedLists refresher = (LoadRequest request, org.qtrust.core.trustedlist.refresh.RefreshListener l) -> {
            validationTimes.add(request.validationTime());
            runs.incrementAndGet();
            return report(fresh(LOTL, "2020-03-04T00:00:00Z"));
        };
        List<RefreshReport> received = new CopyOnWriteArrayList<>();
        try (ScheduledRefresher scheduler = new ScheduledRefresher(refresher, LiveWorld::request, clock, SETTINGS)) {
            scheduler.addListener(received::add);
            scheduler.start(Duration.ZERO);
            RefreshReport now = scheduler.refreshNow().get(10, TimeUnit.SECONDS);

            assertThat(now).isNotNull();
            assertThat(runs.get()).isEqualTo(2);
            assertThat(received).hasSize(2);
            assertThat(validationTimes).containsOnly(NOW);
            assertThat(scheduler.lastReport()).contains(now);
            assertThat(scheduler.nextRun()).contains(NOW.plus(Duration.ofHours(12)));
        }
    }

    @Test
    void a_refresh_that_throws_is_logged_and_retried_later_not_fatal() throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RefreshTrustedLists failing = (request, listener) -> {
            throw new org.qtrust.core.trustedlist.refresh.port.ListCacheException("locked");
        };
        try (ScheduledRefresher scheduler = new ScheduledRefresher(failing, LiveWorld::request, clock, SETTINGS)) {
            assertThat(scheduler.refreshNow()).failsWithin(Duration.ofSeconds(10));
            assertThat(scheduler.nextRun()).contains(NOW.plus(Duration.ofHours(1)));
        }
    }
}
