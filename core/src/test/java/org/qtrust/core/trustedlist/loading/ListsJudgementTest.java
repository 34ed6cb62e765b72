package org.qtrust.core.trustedlist.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.TrustedList;

/** Issue 14.7: a past validation time is answered from the lists in hand, judged current at the time they are used. */
class ListsJudgementTest {

    private static final Instant LOTL_ISSUED = Instant.parse("2019-09-04T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private static TrustedList list(String territory, Instant issued) {
        return new TrustedList(new SchemeInformation(5, BigInteger.ONE, TrustedList.EU_GENERIC_TYPE, MultilingualText.english(territory),
                territory, issued, Optional.of(issued.plusSeconds(180L * 86400)), List.of(), List.of()), List.of());
    }

    private static ListVerdict verdict(String territory, Instant issued, Optional<ListRejection> rejection) {
        ListLocation location = territory.equals("EU") ? ListLocation.listOfLists("EU.xml")
                : new ListLocation(territory + ".xml", ListLocation.Role.TERRITORY_LIST, territory);
        return new ListVerdict(location, Optional.of(list(territory, issued)), Optional.empty(), rejection, false, List.of());
    }

    private static TrustedListsReport report(Instant judgedAt, ListVerdict lotl, ListVerdict... lists) {
        return new TrustedListsReport(judgedAt, lotl, List.of(), List.of(lists));
    }

    @Test
    void lists_current_at_the_validation_time_are_judged_at_it() {
        TrustedListsReport current = report(Instant.parse("2019-10-01T00:00:00Z"), verdict("EU", LOTL_ISSUED, Optional.empty()),
                verdict("BE", Instant.parse("2019-06-13T00:00:00Z"), Optional.empty()));
        TrustedListsReport expired = report(NOW, verdict("EU", LOTL_ISSUED, Optional.of(ListRejection.EXPIRED)));

        assertThat(ListsJudgement.judgeAgainAt(current, NOW, ListsJudgement.Source.SNAPSHOT)).isEmpty();
        assertThat(ListsJudgement.judgeAgainAt(expired, NOW, ListsJudgement.Source.SNAPSHOT))
                .as("lists past their NextUpdate are never rejudged into currency").isEmpty();
    }

    @Test
    void a_snapshot_older_than_now_is_judged_at_its_newest_list() {
        TrustedListsReport past = report(Instant.parse("2019-03-01T00:00:00Z"), verdict("EU", LOTL_ISSUED,
                Optional.of(ListRejection.NOT_YET_ISSUED)));
        assertThat(ListsJudgement.judgeAgainAt(past, NOW, ListsJudgement.Source.SNAPSHOT)).contains(LOTL_ISSUED);

        Instant czIssued = Instant.parse("2019-09-05T10:00:00Z");
        TrustedListsReport second = report(LOTL_ISSUED, verdict("EU", LOTL_ISSUED, Optional.empty()),
                verdict("BE", Instant.parse("2019-06-13T00:00:00Z"), Optional.empty()),
                verdict("CZ", czIssued, Optional.of(ListRejection.NOT_YET_ISSUED)));
        assertThat(ListsJudgement.judgeAgainAt(second, NOW, ListsJudgement.Source.SNAPSHOT)).contains(czIssued);
    }

    @Test
    void refreshed_lists_are_judged_now_and_nothing_is_judged_after_now() {
        TrustedListsReport past = report(Instant.parse("2019-03-01T00:00:00Z"), verdict("EU", LOTL_ISSUED,
                Optional.of(ListRejection.NOT_YET_ISSUED)));
        assertThat(ListsJudgement.judgeAgainAt(past, NOW, ListsJudgement.Source.REFRESHED)).contains(NOW);

        Instant future = NOW.plusSeconds(86400);
        TrustedListsReport futureDated = report(NOW, verdict("EU", future, Optional.of(ListRejection.NOT_YET_ISSUED)));
        assertThat(ListsJudgement.judgeAgainAt(futureDated, NOW, ListsJudgement.Source.SNAPSHOT))
                .as("a list dated after now stays not yet issued").isEmpty();
        assertThat(ListsJudgement.judgeAgainAt(futureDated, NOW, ListsJudgement.Source.REFRESHED)).isEmpty();
    }
}
