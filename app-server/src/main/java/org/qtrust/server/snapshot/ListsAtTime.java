package org.qtrust.server.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /**
     * What decisions depend on: each list's standing. Two times with the same standings give the
     * same decisions' trust anchors, so they share one key index.
     */
    String standingKey() {
        return key(listOfLists) + ":" + lists.stream()
                .map(j -> j.territory() + "=" + key(j)).collect(Collectors.joining(","));
    }

    private static String key(ListJudgement judgement) {
        return judgement.standing().name().charAt(0) + judgement.reason().orElse("");
    }
}
