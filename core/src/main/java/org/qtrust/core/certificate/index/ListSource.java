package org.qtrust.core.certificate.index;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * One list to index, with its verdict.
 *
 * @param list      the list as read
 * @param standing  accepted, authentic but stale, or rejected
 * @param rejection the rejection code when not accepted
 */
public record ListSource(TrustedList list, ListedService.Standing standing, Optional<String> rejection) {

    public ListSource {
        Objects.requireNonNull(list);
        Objects.requireNonNull(standing);
        Objects.requireNonNull(rejection);
        if (standing == ListedService.Standing.PLAIN_ANCHOR) {
            throw new IllegalArgumentException("a list is not a plain anchor");
        }
    }

    public static ListSource accepted(TrustedList list) {
        return new ListSource(list, ListedService.Standing.ACCEPTED_LIST, Optional.empty());
    }
}
