package org.qtrust.core.credential.status;

import java.util.Objects;

/** What fetching a Status List Token gave. */
public sealed interface StatusListFetch {

    /**
     * The token as served (not yet verified).
     *
     * @param token     the compact JWT, or the base64url (no padding) of a CWT's bytes — never a '.' in it
     *                  ({@code mdoc.StatusListCwt}, draft-ietf-oauth-status-list §5.2)
     * @param location  the URL that answered
     * @param fetchedAt when it was fetched
     * @param usedAt    now, as the source's clock reads it: the token's {@code exp} is judged at this
     *                  time, never at a caller's past validation time (issue 13.4)
     * @param source    {@code fetched} (just now) or {@code cache}
     */
    record Fetched(String token, String location, java.time.Instant fetchedAt, java.time.Instant usedAt, String source)
            implements StatusListFetch {
        public static final String FETCHED = "fetched";
        public static final String CACHE = "cache";

        public Fetched {
            Objects.requireNonNull(token);
            Objects.requireNonNull(location);
            Objects.requireNonNull(fetchedAt);
            Objects.requireNonNull(usedAt);
            Objects.requireNonNull(source);
        }

        /** The same token, used again from a cache at {@code now}. */
        public Fetched reusedAt(java.time.Instant now) {
            return new Fetched(token, location, fetchedAt, now, CACHE);
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
