package org.qtrust.core.trustedlist.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * The outcome of a refresh: one entry for the LOTL, each pivot it needed and each list, and
 * the cache as loaded afterwards (exactly what an offline load of the cache folder gives).
 *
 * @param startedAt   when the refresh started (from the injected clock)
 * @param finishedAt  when it ended
 * @param listOfLists the LOTL's entry
 * @param pivots      the pivot LOTLs fetched to trust a new LOTL
 * @param lists       one entry per territory list, including removed ones
 * @param cache       the cache loaded after the refresh, judged at the request's validation time
 */
public record RefreshReport(Instant startedAt, Instant finishedAt, ListRefresh listOfLists, List<ListRefresh> pivots,
                            List<ListRefresh> lists, TrustedListsReport cache) {

    public RefreshReport {
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(finishedAt);
        Objects.requireNonNull(listOfLists);
        pivots = List.copyOf(pivots);
        lists = List.copyOf(lists);
        Objects.requireNonNull(cache);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Every entry: the LOTL, the pivots, then the lists. */
    public List<ListRefresh> entries() {
        List<ListRefresh> all = new ArrayList<>(1 + pivots.size() + lists.size());
        all.add(listOfLists);
        all.addAll(pivots);
        all.addAll(lists);
        return all;
    }

    public Map<RefreshOutcome, Long> counts() {
        Map<RefreshOutcome, Long> counts = new EnumMap<>(RefreshOutcome.class);
        for (RefreshOutcome outcome : RefreshOutcome.values()) {
            counts.put(outcome, 0L);
        }
        entries().forEach(entry -> counts.merge(entry.outcome(), 1L, Long::sum));
        return counts;
    }

    /** The entries that need attention: kept last good or failed. */
    public List<ListRefresh> problems() {
        return entries().stream().filter(entry -> entry.outcome().isProblem()).toList();
    }

    public Optional<ListRefresh> list(String territory) {
        return lists.stream().filter(entry -> entry.territory().equals(territory)).findFirst();
    }

    /** True when the LOTL in the cache is trusted after the refresh: the cache can be used for decisions. */
    public boolean usable() {
        return cache.listOfLists().accepted();
    }
}
