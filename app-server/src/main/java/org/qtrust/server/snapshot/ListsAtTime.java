package org.qtrust.server.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    public Optional<ListJudgement> list(String territory) {
        return lists.stream().filter(j -> j.territory().equalsIgnoreCase(territory)).findFirst();
    }
}
