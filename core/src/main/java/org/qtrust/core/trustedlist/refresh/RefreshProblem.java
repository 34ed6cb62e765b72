package org.qtrust.core.trustedlist.refresh;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.loading.ListRejection;

/**
 * Why a downloaded copy was not used.
 *
 * @param kind      the kind of problem
 * @param rejection for {@link Kind#REJECTED}: the trust pipeline's reason (signature_invalid, list_not_parsable…)
 */
public record RefreshProblem(Kind kind, Optional<ListRejection> rejection) {

    public enum Kind {
        /** No complete answer: timeout, HTTP error status, body over the limit, refused redirect… */
        FETCH_FAILED("fetch_failed"),
        /** The document was obtained but is not an authentic list for this place (see the rejection). */
        REJECTED("rejected"),
        /** Its TSLSequenceNumber is lower than the cached copy's: an older list replayed. */
        ROLLBACK("rollback"),
        /** Not checked because no usable LOTL says who may sign it. */
        NOT_CHECKED("not_checked"),
        /** The copy was good but could not be written to the cache. */
        CACHE_WRITE_FAILED("cache_write_failed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public RefreshProblem {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(rejection);
        if ((kind == Kind.REJECTED) != rejection.isPresent()) {
            throw new IllegalArgumentException("a REJECTED problem, and only that, carries the rejection");
        }
    }

    public static RefreshProblem of(Kind kind) {
        return new RefreshProblem(kind, Optional.empty());
    }

    public static RefreshProblem rejected(ListRejection rejection) {
        return new RefreshProblem(Kind.REJECTED, Optional.of(rejection));
    }

    /** The stable code: the rejection's code for rejected copies ("signature_invalid"…), else the kind's. */
    public String code() {
        return rejection.map(ListRejection::code).orElse(kind.code());
    }
}
