package org.qtrust.core.lote.loading;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.loading.ListRejection;

/**
 * Whether one list of trusted entities can be trusted at the validation time, and why. The
 * rejection codes are those of TS 119 612 lists ({@link ListRejection}), plus
 * {@link ListRejection#ROLLBACK}.
 *
 * @param location  where the document came from (file or URL)
 * @param list      the list as read, when it could be read (also for rejected lists)
 * @param signature the signature check, when it got that far
 * @param rejection empty when accepted
 * @param stale     accepted only thanks to the grace period after NextUpdate
 * @param trace     the rules applied, in order
 */
public record LoteVerdict(String location, Optional<ListOfTrustedEntities> list, Optional<SignatureCheck> signature,
                          Optional<ListRejection> rejection, boolean stale, List<String> trace) {

    public LoteVerdict {
        Objects.requireNonNull(location);
        Objects.requireNonNull(list);
        Objects.requireNonNull(signature);
        Objects.requireNonNull(rejection);
        trace = List.copyOf(trace);
    }

    /** A list that could not be obtained (not found, fetch failed). */
    public static LoteVerdict unavailable(String location, String reason) {
        return new LoteVerdict(location, Optional.empty(), Optional.empty(), Optional.of(ListRejection.UNAVAILABLE), false,
                List.of("unavailable: " + reason, "rejected: " + ListRejection.UNAVAILABLE.code()));
    }

    public boolean accepted() {
        return rejection.isEmpty();
    }

    /** The list's territory when it could be read, else "". */
    public String territory() {
        return list.map(l -> l.scheme().territory()).orElse("");
    }
}
