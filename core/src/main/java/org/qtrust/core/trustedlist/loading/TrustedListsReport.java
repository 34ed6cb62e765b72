package org.qtrust.core.trustedlist.loading;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * The outcome of a load: the LOTL's verdict, the pivots followed to trust it, and one verdict
 * per list the LOTL points to. Immutable: a consistent snapshot for decisions.
 */
public record TrustedListsReport(Instant validationTime, ListVerdict listOfLists, List<ListVerdict> pivots,
                                 List<ListVerdict> lists) {

    public TrustedListsReport {
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(listOfLists);
        pivots = List.copyOf(pivots);
        lists = List.copyOf(lists);
    }

    /** The lists that may be used for trust decisions (none when the LOTL is not accepted). */
    public List<TrustedList> acceptedLists() {
        if (!listOfLists.accepted()) {
            return List.of();
        }
        return lists.stream().filter(ListVerdict::accepted).flatMap(v -> v.list().stream()).toList();
    }
}
