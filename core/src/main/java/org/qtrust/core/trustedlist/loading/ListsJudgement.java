package org.qtrust.core.trustedlist.loading;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Historical validation: at which instant the lists in hand are judged (issue, NextUpdate)
 * when the validation time precedes them. A list cannot be current at an instant before it was
 * issued; the question about a past instant is answered from the lists in hand — each service's
 * status history (TS 119 612 §5.5.4, §5.6) says what held then — judged current at the time they
 * are used: now for lists kept up to date (a cache, the network), or the time a snapshot was
 * taken (an offline folder: no earlier than its newest list's ListIssueDateTime, never after now).
 * Only the lists' dates are judged at that time; every decision instant stays the validation time.
 */
public final class ListsJudgement {

    /** Where the lists in hand come from, which says when they are in use. */
    public enum Source {
        /** Refreshed lists (the cache, the network): in use now. */
        REFRESHED,
        /** A snapshot folder: in use as of when it was taken, i.e. its newest ListIssueDateTime. */
        SNAPSHOT
    }

    private ListsJudgement() {
    }

    /**
     * The instant at which to judge the lists again, or empty when the report judged at
     * {@code report.validationTime()} stands: no list read (the LOTL included) was issued after it.
     *
     * @param report the lists judged at the validation time (or at a previous answer of this method)
     * @param now    the clock, read at the edge
     * @param source where the lists come from
     */
    public static Optional<Instant> judgeAgainAt(TrustedListsReport report, Instant now, Source source) {
        Objects.requireNonNull(report);
        Objects.requireNonNull(now);
        Objects.requireNonNull(source);
        Instant judgedAt = report.validationTime();
        boolean notYetIssued = verdicts(report).anyMatch(v -> v.rejection().filter(r -> r == ListRejection.NOT_YET_ISSUED).isPresent());
        if (!notYetIssued) {
            return Optional.empty();
        }
        Instant at = now;
        if (source == Source.SNAPSHOT) {
            Optional<Instant> newest = verdicts(report).flatMap(v -> v.list().stream()).map(l -> l.scheme().issued())
                    .max(Instant::compareTo);
            if (newest.isPresent() && newest.get().isBefore(now)) {
                at = newest.get();
            }
        }
        return at.isAfter(judgedAt) ? Optional.of(at) : Optional.empty();
    }

    private static Stream<ListVerdict> verdicts(TrustedListsReport report) {
        return Stream.concat(Stream.of(report.listOfLists()), report.lists().stream());
    }
}
