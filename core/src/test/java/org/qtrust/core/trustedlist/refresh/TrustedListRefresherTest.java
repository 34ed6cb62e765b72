package org.qtrust.core.trustedlist.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.AT_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.BE_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.LOTL_URL;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.OJ_SIGNER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.STRANGER;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.pointer;
import static org.qtrust.core.trustedlist.refresh.RefreshWorld.url;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.refresh.ListChanges.ServiceChange;

/** The refresh's decisions: what replaces the cached copy, what is kept, and what is reported. */
class TrustedListRefresherTest {

    private static final String WITHDRAWN = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn";

    private final RefreshWorld world = new RefreshWorld();

    private void publishSnapshot() {
        world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);
        world.national("BE", 43, BE_SIGNER);
    }

    @Test
    void a_refresh_into_an_empty_cache_stores_every_verified_list_as_new_and_the_cache_loads() {
        publishSnapshot();

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.NEW);
        assertThat(report.lists()).extracting(ListRefresh::territory, ListRefresh::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AT", RefreshOutcome.NEW),
                        org.assertj.core.groups.Tuple.tuple("BE", RefreshOutcome.NEW));
        assertThat(report.usable()).isTrue();
        assertThat(report.cache().lists()).allMatch(ListVerdict::accepted);
        assertThat(world.cache.entries()).hasSize(3);
    }

    @Test
    void a_second_refresh_asks_conditionally_and_reports_not_modified_without_rewriting() {
        publishSnapshot();
        world.refresh();
        world.requests.clear();

        RefreshReport report = world.refresh();

        assertThat(report.entries()).extracting(ListRefresh::outcome).containsOnly(RefreshOutcome.NOT_MODIFIED);
        assertThat(world.requests).allMatch(request -> request.contains("if-none-match"));
        assertThat(world.cache.writes.values()).containsOnly(1);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void a_list_that_cannot_be_downloaded_keeps_its_last_good_copy_and_the_others_are_updated() {
        publishSnapshot();
        world.refresh();
        world.national("BE", 44, BE_SIGNER);
        world.national("AT", 43, AT_SIGNER);
        world.fail(url("AT"), "HTTP 500");

        RefreshReport report = world.refresh();

        ListRefresh at = report.list("AT").orElseThrow();
        assertThat(at.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(at.problem().orElseThrow().code()).isEqualTo("fetch_failed");
        assertThat(at.detail()).contains("HTTP 500");
        assertThat(at.sequence()).contains(BigInteger.valueOf(42));
        assertThat(report.list("BE").orElseThrow().outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(world.cached("AT")).startsWith("AT#42");
        assertThat(report.cache().lists()).allMatch(ListVerdict::accepted);
    }

    @Test
    void a_list_not_signed_by_an_announced_certificate_is_refused_and_the_last_good_copy_stays() {
        publishSnapshot();
        world.refresh();
        world.national("AT", 43, STRANGER);

        RefreshReport report = world.refresh();

        ListRefresh at = report.list("AT").orElseThrow();
        assertThat(at.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(at.problem().orElseThrow().rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(world.cached("AT")).startsWith("AT#42");
    }

    @Test
    void an_unreadable_download_is_refused_and_the_last_good_copy_stays() {
        publishSnapshot();
        world.refresh();
        world.serveGarbage(url("BE"));

        RefreshReport report = world.refresh();

        assertThat(report.list("BE").orElseThrow().problem().orElseThrow().code()).isEqualTo("list_not_parsable");
        assertThat(world.cached("BE")).startsWith("BE#43");
    }

    @Test
    void a_lower_sequence_number_is_a_rollback_and_is_refused() {
        publishSnapshot();
        world.national("AT", 50, AT_SIGNER);
        world.refresh();
        world.national("AT", 49, AT_SIGNER);

        RefreshReport report = world.refresh();

        ListRefresh at = report.list("AT").orElseThrow();
        assertThat(at.outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(at.problem().orElseThrow().kind()).isEqualTo(RefreshProblem.Kind.ROLLBACK);
        assertThat(at.detail()).contains("49").contains("50");
        assertThat(world.cached("AT")).startsWith("AT#50");
    }

    @Test
    void a_rolled_back_lotl_is_refused_and_the_lists_are_still_refreshed_under_the_cached_lotl() {
        world.lotl(250, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("BE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);
        world.national("BE", 43, BE_SIGNER);
        world.refresh();
        world.lotl(248, OJ_SIGNER, pointer("AT", STRANGER));
        world.national("AT", 43, AT_SIGNER);

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(report.listOfLists().problem().orElseThrow().code()).isEqualTo("rollback");
        assertThat(world.cached("EU")).isEqualTo("EU#250");
        assertThat(report.list("AT").orElseThrow().outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(report.list("BE").orElseThrow().outcome()).isEqualTo(RefreshOutcome.NOT_MODIFIED);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void when_the_lotl_cannot_be_fetched_the_lists_are_refreshed_under_the_last_good_lotl() {
        publishSnapshot();
        world.refresh();
        world.fail(LOTL_URL, "timeout: no data within 2s");
        world.national("AT", 43, AT_SIGNER);

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.KEPT_LAST_GOOD);
        assertThat(report.listOfLists().detail()).contains("timeout");
        assertThat(report.list("AT").orElseThrow().outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(report.usable()).isTrue();
    }

    @Test
    void a_lotl_that_does_not_verify_is_refused_and_no_list_is_judged_by_its_pointers() {
        publishSnapshot();
        world.refresh();
        world.lotl(249, STRANGER, pointer("AT", STRANGER), pointer("BE", BE_SIGNER));
        world.national("AT", 43, STRANGER);

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().problem().orElseThrow().rejection()).contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(world.cached("EU")).isEqualTo("EU#248");
        assertThat(report.list("AT").orElseThrow().problem().orElseThrow().rejection())
                .contains(ListRejection.SIGNER_NOT_TRUSTED);
        assertThat(world.cached("AT")).startsWith("AT#42");
    }

    @Test
    void without_any_lotl_nothing_is_stored_and_the_refresh_says_so() {
        world.national("AT", 42, AT_SIGNER);

        RefreshReport report = world.refresh();

        assertThat(report.listOfLists().outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(report.lists()).isEmpty();
        assertThat(report.usable()).isFalse();
        assertThat(world.cache.stored).isEmpty();
    }

    @Test
    void a_territory_the_new_lotl_no_longer_points_to_is_removed() {
        publishSnapshot();
        world.refresh();
        world.lotl(249, OJ_SIGNER, pointer("AT", AT_SIGNER));

        RefreshReport report = world.refresh();

        assertThat(report.list("BE").orElseThrow().outcome()).isEqualTo(RefreshOutcome.REMOVED);
        assertThat(world.cached("BE")).isNull();
        assertThat(report.listOfLists().changes().orElseThrow().pointers())
                .anyMatch(change -> change.kind() == ListChanges.PointerChange.Kind.REMOVED
                        && change.territory().equals("BE"));
    }

    @Test
    void a_list_re_keyed_by_the_new_lotl_is_verified_against_the_new_lotl() {
        publishSnapshot();
        world.refresh();
        world.lotl(249, OJ_SIGNER, pointer("AT", STRANGER), pointer("BE", BE_SIGNER));
        world.national("AT", 43, STRANGER);

        RefreshReport report = world.refresh();

        assertThat(report.list("AT").orElseThrow().outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(report.listOfLists().changes().orElseThrow().pointers())
                .anyMatch(change -> change.kind() == ListChanges.PointerChange.Kind.SIGNERS_CHANGED
                        && change.signersAdded() == 1 && change.signersRemoved() == 1);
    }

    @Test
    void changes_report_services_whose_status_changed() {
        publishSnapshot();
        world.refresh();
        world.national("AT", 43, AT_SIGNER, "2020-02-26T00:00:00Z", WITHDRAWN);

        ListRefresh at = world.refresh().list("AT").orElseThrow();

        ListChanges changes = at.changes().orElseThrow();
        assertThat(changes.fromSequence()).isEqualTo(BigInteger.valueOf(42));
        assertThat(changes.services()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ServiceChange.Kind.STATUS_CHANGED);
            assertThat(change.before().orElseThrow().shortName()).isEqualTo("granted");
            assertThat(change.after().orElseThrow().shortName()).isEqualTo("withdrawn");
        });
    }

    @Test
    void a_newer_authentic_copy_past_its_next_update_still_replaces_the_older_and_is_reported_stale() {
        publishSnapshot();
        world.refresh();
        world.national("AT", 43, AT_SIGNER, "2019-09-30T00:00:00Z",
                "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted");

        RefreshReport report = world.refresh();

        ListRefresh at = report.list("AT").orElseThrow();
        assertThat(at.outcome()).isEqualTo(RefreshOutcome.UPDATED);
        assertThat(at.stale()).isTrue();
        assertThat(report.cache().lists()).filteredOn(v -> v.territory().equals("AT"))
                .singleElement().satisfies(v -> assertThat(v.rejection()).contains(ListRejection.EXPIRED));
    }

    @Test
    void a_verified_copy_that_cannot_be_written_is_reported_and_the_old_copy_stays() {
        publishSnapshot();
        world.refresh();
        world.national("AT", 43, AT_SIGNER);
        world.cache.failWrites = true;

        ListRefresh at = world.refresh().list("AT").orElseThrow();

        assertThat(at.problem().orElseThrow().code()).isEqualTo("cache_write_failed");
        assertThat(world.cached("AT")).startsWith("AT#42");
    }

    @Test
    void a_territory_never_obtained_is_failed_not_kept() {
        world.lotl(248, OJ_SIGNER, pointer("AT", AT_SIGNER), pointer("DE", BE_SIGNER));
        world.national("AT", 42, AT_SIGNER);

        RefreshReport report = world.refresh();

        ListRefresh de = report.list("DE").orElseThrow();
        assertThat(de.outcome()).isEqualTo(RefreshOutcome.FAILED);
        assertThat(de.problem().orElseThrow().code()).isEqualTo("fetch_failed");
        assertThat(report.problems()).containsExactly(de);
    }
}
