package org.qtrust.core.lote.refresh;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;

/**
 * What a refresh did with one list of trusted entities, and its cached copy afterwards. The
 * outcomes and problems are those of the trusted lists' refresh ({@code removed} never occurs:
 * the lists are configuration, not pointers).
 *
 * @param location         where the list is published, as configured
 * @param outcome          updated, not modified, new, kept last good or failed
 * @param problem          why the obtained copy was not used (for KEPT_LAST_GOOD and FAILED)
 * @param detail           one readable line
 * @param previousSequence the LoTESequenceNumber of the authentic cached copy before the refresh
 * @param cached           the authentic copy in the cache after the refresh, as read
 * @param stale            that copy is past its NextUpdate at the validation time
 */
public record LoteRefresh(String location, RefreshOutcome outcome, Optional<RefreshProblem> problem, String detail,
                          Optional<BigInteger> previousSequence, Optional<ListOfTrustedEntities> cached, boolean stale) {

    public LoteRefresh {
        Objects.requireNonNull(location);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(previousSequence);
        Objects.requireNonNull(cached);
        if (outcome == RefreshOutcome.REMOVED) {
            throw new IllegalArgumentException("lists of trusted entities are configured, never removed by a refresh");
        }
        if (outcome.isProblem() != problem.isPresent()) {
            throw new IllegalArgumentException(outcome + (problem.isPresent() ? " has no problem" : " needs a problem"));
        }
    }

    /** The LoTESequenceNumber of the copy in the cache after the refresh. */
    public Optional<BigInteger> sequence() {
        return cached.map(list -> list.scheme().sequenceNumber());
    }

    public Optional<Instant> nextUpdate() {
        return cached.flatMap(list -> list.scheme().nextUpdate());
    }
}
