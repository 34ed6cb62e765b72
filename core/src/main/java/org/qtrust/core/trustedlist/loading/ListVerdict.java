package org.qtrust.core.trustedlist.loading;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * Whether one list can be trusted at the validation time, and why.
 *
 * @param location  where the list was looked for, and its role
 * @param list      the list as read, when it could be read (also for rejected lists)
 * @param signature the signature check, when it got that far
 * @param rejection empty when accepted
 * @param stale     accepted only thanks to the policy's grace period after NextUpdate
 * @param trace     the rules applied, in order, readable by a person
 * @param structure the structure findings (TS 119 612 §5.3.1, §5.7.1), {@link ListStructure#NONE} when not judged
 */
public record ListVerdict(ListLocation location, Optional<TrustedList> list, Optional<SignatureCheck> signature,
                          Optional<ListRejection> rejection, boolean stale, List<String> trace,
                          ListStructure structure) {

    public ListVerdict {
        Objects.requireNonNull(location);
        Objects.requireNonNull(list);
        Objects.requireNonNull(signature);
        Objects.requireNonNull(rejection);
        trace = List.copyOf(trace);
        Objects.requireNonNull(structure);
    }

    /** A verdict whose structure was not judged. */
    public ListVerdict(ListLocation location, Optional<TrustedList> list, Optional<SignatureCheck> signature,
                       Optional<ListRejection> rejection, boolean stale, List<String> trace) {
        this(location, list, signature, rejection, stale, trace, ListStructure.NONE);
    }

    public boolean accepted() {
        return rejection.isEmpty();
    }

    /** The list's own territory when it was read, else the one its pointer announced. */
    public String territory() {
        return list.map(TrustedList::territory).orElse(location.territory());
    }
}
