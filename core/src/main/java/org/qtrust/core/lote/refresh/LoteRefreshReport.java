package org.qtrust.core.lote.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;

/**
 * The outcome of a refresh of the configured lists of trusted entities.
 *
 * @param startedAt  when the refresh started (from the injected clock)
 * @param finishedAt when it ended
 * @param lists      one entry per configured location, in the order given
 * @param cache      the cached copies loaded afterwards at the request's validation time and
 *                   policy: what {@code lists load --cache} gives
 */
public record LoteRefreshReport(Instant startedAt, Instant finishedAt, List<LoteRefresh> lists, List<LoteVerdict> cache) {

    public LoteRefreshReport {
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(finishedAt);
        lists = List.copyOf(lists);
        cache = List.copyOf(cache);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Entries per outcome, every outcome but REMOVED present. */
    public Map<RefreshOutcome, Long> counts() {
        Map<RefreshOutcome, Long> counts = new EnumMap<>(RefreshOutcome.class);
        for (RefreshOutcome outcome : RefreshOutcome.values()) {
            if (outcome != RefreshOutcome.REMOVED) {
                counts.put(outcome, 0L);
            }
        }
        lists.forEach(entry -> counts.merge(entry.outcome(), 1L, Long::sum));
        return counts;
    }

    public List<LoteRefresh> problems() {
        return lists.stream().filter(entry -> entry.outcome().isProblem()).toList();
    }

    /** True when every configured list has a copy in the cache that a load accepts now. */
    public boolean usable() {
        return cache.stream().allMatch(LoteVerdict::accepted);
    }
}
