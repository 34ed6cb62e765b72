package org.qtrust.server.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.server.RunningServer;
import org.qtrust.server.health.HealthEndpoint;

/** Judging one loaded snapshot at different times, with and without an expiry grace; readiness against now. */
class SnapshotAtTimeTest {

    private final TrustedListsSnapshot loaded = RunningServer.get().server().snapshots().current().orElseThrow();

    private TrustedListsSnapshot withGrace(Duration grace) {
        return new TrustedListsSnapshot(loaded.report(), loaded.loadedAt(), "test", grace, new BouncyCastleCertificateInspector());
    }

    @Test
    void a_list_is_not_accepted_before_its_issue_date() {
        // BE seq 43 was issued 2019-06-13; the LOTL (issued 2019-09-04) must be current too, so ask with a grace on a time after both.
        ListJudgement belgium = loaded.at(Instant.parse("2019-09-05T00:00:00Z")).list("BE").orElseThrow();
        assertThat(belgium.accepted()).isTrue();

        ListsAtTime beforeLotl = loaded.at(Instant.parse("2019-06-14T00:00:00Z"));
        assertThat(beforeLotl.listOfLists().reason()).hasValue("list_not_yet_issued");
        assertThat(beforeLotl.list("BE").orElseThrow().reason()).hasValue("lotl_not_trusted");
    }

    @Test
    void past_next_update_an_authentic_list_is_stale_and_the_grace_period_accepts_it_as_stale() {
        Instant afterBelgianNextUpdate = Instant.parse("2019-12-20T00:00:00Z");

        ListJudgement strict = loaded.at(afterBelgianNextUpdate).list("BE").orElseThrow();
        ListJudgement lenient = withGrace(Duration.ofDays(30)).at(afterBelgianNextUpdate).list("BE").orElseThrow();

        assertThat(strict.standing()).isEqualTo(ListedService.Standing.STALE_LIST);
        assertThat(strict.reason()).hasValue("list_expired");
        assertThat(lenient.accepted()).isTrue();
        assertThat(lenient.stale()).isTrue();
        assertThat(lenient.trace()).anyMatch(line -> line.contains("grace period"));
    }

    @Test
    void a_list_that_could_not_be_read_is_rejected_at_every_time() {
        for (String at : new String[] {"2019-10-01T00:00:00Z", "2020-01-01T00:00:00Z"}) {
            ListJudgement germany = loaded.at(Instant.parse(at)).list("DE").orElseThrow();
            assertThat(germany.standing()).isEqualTo(ListedService.Standing.REJECTED_LIST);
            assertThat(germany.reason()).hasValue("list_unavailable");
        }
    }

    @Test
    void the_trace_keeps_the_signature_checks_and_judges_dates_at_the_asked_time_only() {
        ListJudgement austria = loaded.at(Instant.parse("2019-11-11T00:00:00Z")).list("AT").orElseThrow();

        assertThat(austria.trace()).anyMatch(line -> line.startsWith("signature: VALID"));
        assertThat(austria.trace()).anyMatch(line -> line.startsWith("at 2019-11-11T00:00:00Z: fresh"));
        assertThat(austria.trace()).noneMatch(line -> line.startsWith("fresh:") || line.startsWith("expired:"));
    }

    @Test
    void times_with_the_same_list_standings_share_one_key_index() {
        var policy = org.qtrust.core.policy.VerificationPolicy.euEidas();
        TrustedListsSnapshot snapshot = withGrace(Duration.ZERO);

        TrustedListsSnapshot.Decisions first = snapshot.decisions(policy, Instant.parse("2019-10-01T00:00:00Z"));
        TrustedListsSnapshot.Decisions sameStandings = snapshot.decisions(policy, Instant.parse("2019-10-02T00:00:00Z"));
        TrustedListsSnapshot.Decisions otherStandings = snapshot.decisions(policy, Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(first.reused()).isFalse();
        assertThat(sameStandings.reused()).isTrue();
        assertThat(sameStandings.service()).isSameAs(first.service());
        assertThat(otherStandings.service()).isNotSameAs(first.service());
    }

    @Test
    void every_list_keeps_its_standing_between_two_consecutive_dates_of_the_snapshot() {
        TrustedListsSnapshot snapshot = withGrace(Duration.ofDays(7));
        java.util.Map<Integer, java.util.List<String>> standingsByInterval = new java.util.HashMap<>();
        for (Instant day = Instant.parse("2019-01-01T00:00:00Z"); day.isBefore(Instant.parse("2020-06-01T00:00:00Z"));
             day = day.plus(Duration.ofHours(13))) {
            ListsAtTime lists = snapshot.at(day);
            java.util.List<String> standings = new java.util.ArrayList<>();
            standings.add(lists.listOfLists().standing() + "/" + lists.listOfLists().reason().orElse(""));
            lists.lists().forEach(j -> standings.add(j.territory() + ":" + j.standing() + "/" + j.reason().orElse("")));
            java.util.List<String> earlier = standingsByInterval.putIfAbsent(snapshot.interval(day), standings);
            if (earlier != null) {
                assertThat(standings).as("standings at " + day).isEqualTo(earlier);
            }
        }
        assertThat(standingsByInterval).hasSizeGreaterThan(10);
    }

    @Test
    void not_ready_when_the_lists_are_not_current_now() {
        SnapshotHolder holder = new SnapshotHolder();
        HealthEndpoint beforeLoad = new HealthEndpoint(holder, Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));
        assertThat(beforeLoad.ready().status()).isEqualTo(503);

        holder.swap(loaded);
        var ready = beforeLoad.ready();

        assertThat(ready.status()).isEqualTo(503);
        assertThat(new String(ready.body())).contains("\"code\":\"lists_not_current\"").contains("list_expired");
    }

    @Test
    void configured_lists_of_trusted_entities_count_for_readiness() {
        Clock whileTheListsAreCurrent = Clock.fixed(Instant.parse("2019-10-01T00:00:00Z"), ZoneOffset.UTC);
        SnapshotHolder withoutLotes = new SnapshotHolder();
        withoutLotes.swap(loaded);
        SnapshotHolder withUnavailableLote = new SnapshotHolder();
        withUnavailableLote.swap(new TrustedListsSnapshot(loaded.report(), loaded.loadedAt(), "test", Duration.ZERO,
                new BouncyCastleCertificateInspector(), java.util.Optional.empty(),
                java.util.List.of(org.qtrust.core.lote.loading.LoteVerdict.unavailable("https://lote.example/pid-providers.json",
                        "not found"))));

        var ready = new HealthEndpoint(withoutLotes, whileTheListsAreCurrent).ready();
        var notReady = new HealthEndpoint(withUnavailableLote, whileTheListsAreCurrent).ready();

        assertThat(ready.status()).isEqualTo(200);
        assertThat(new String(ready.body())).contains("\"lotes\":0");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(new String(notReady.body())).contains("\"code\":\"lotes_not_current\"", "\"lotesAccepted\":0", "\"lotes\":1");
    }
}
