package org.qtrust.server.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * Every list of a snapshot judged at one validation time.
 *
 * @param validationTime the time
 * @param listOfLists    the LOTL's judgement
 * @param lists          one judgement per territory list, in the LOTL's order
 */
public record ListsAtTime(Instant validationTime, ListJudgement listOfLists, List<ListJudgement> lists) {

    public ListsAtTime {
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(listOfLists);
        lists = List.copyOf(lists);
    }

    /**
     * These judgements as a load report at the validation time (each list's verdict with its
     * rejection at that time), for the parts of core that take a report.
     */
    public TrustedListsReport asReport() {
        return new TrustedListsReport(validationTime, listOfLists.asVerdict(), List.of(),
                lists.stream().map(ListJudgement::asVerdict).toList());
    }

    public Optional<ListJudgement> list(String territory) {
        return lists.stream().filter(j -> j.territory().equalsIgnoreCase(territory)).findFirst();
    }
}
