package org.qtrust.core.credential.status;

import java.util.Objects;

/** What fetching a Status List Token gave. */
public sealed interface StatusListFetch {

    /** The token as served (compact JWT, not yet verified). */
    record Fetched(String token, String location) implements StatusListFetch {
        public Fetched {
            Objects.requireNonNull(token);
            Objects.requireNonNull(location);
        }
    }

    /** Not fetched because there is no network; the status is then not part of the decision. */
    record Skipped(String reason) implements StatusListFetch {
        public Skipped {
            Objects.requireNonNull(reason);
        }
    }

    /** Online, but no token could be had: the status is unknown (fail closed). */
    record Failed(String reason) implements StatusListFetch {
        public Failed {
            Objects.requireNonNull(reason);
        }
    }
}
