package org.qtrust.core.trustedlist.refresh;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * What a refresh did with one list, and the state of its cached copy afterwards.
 *
 * @param location         where the list is published, its role and territory
 * @param outcome          updated, not modified, new, kept last good, failed or removed
 * @param problem          why a downloaded copy was not used (for KEPT_LAST_GOOD and FAILED)
 * @param detail           one readable line: what the publisher answered, what was checked
 * @param previousSequence the cached copy's TSLSequenceNumber before the refresh
 * @param sequence         the TSLSequenceNumber of the copy in the cache after the refresh
 * @param nextUpdate       the NextUpdate of the copy in the cache after the refresh
 * @param stale            the copy in the cache is past its NextUpdate at the validation time
 * @param changes          for UPDATED: what changed from the previous copy
 * @param mirror           the mirror the copy in the cache came from (issue 19.2); empty when it
 *                         came from (or was confirmed by) the publisher's own location, or there is none
 */
public record ListRefresh(ListLocation location, RefreshOutcome outcome, Optional<RefreshProblem> problem,
                          String detail, Optional<BigInteger> previousSequence, Optional<BigInteger> sequence,
                          Optional<Instant> nextUpdate, boolean stale, Optional<ListChanges> changes,
                          Optional<String> mirror) {

    /** An entry whose copy came from the publisher's own location. */
    public ListRefresh(ListLocation location, RefreshOutcome outcome, Optional<RefreshProblem> problem,
                       String detail, Optional<BigInteger> previousSequence, Optional<BigInteger> sequence,
                       Optional<Instant> nextUpdate, boolean stale, Optional<ListChanges> changes) {
        this(location, outcome, problem, detail, previousSequence, sequence, nextUpdate, stale, changes, Optional.empty());
    }

    public ListRefresh {
        Objects.requireNonNull(location);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(problem);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(previousSequence);
        Objects.requireNonNull(sequence);
        Objects.requireNonNull(nextUpdate);
        Objects.requireNonNull(changes);
        Objects.requireNonNull(mirror);
        if (outcome.isProblem() != problem.isPresent()) {
            throw new IllegalArgumentException(outcome + (problem.isPresent() ? " has no problem" : " needs a problem"));
        }
    }

    /** Where the copy in the cache came from: {@code "publisher"} or {@code "mirror"}. */
    public String source() {
        return mirror.isPresent() ? "mirror" : "publisher";
    }

    /** The territory the LOTL announces for the list ("EU" for the LOTL and its pivots). */
    public String territory() {
        return location.territory();
    }

    /** The name used in summaries: the territory, or {@code "pivot <file>"} for a pivot LOTL. */
    public String name() {
        return location.role() == ListLocation.Role.PIVOT ? "pivot " + location.fileName() : location.territory();
    }
}
