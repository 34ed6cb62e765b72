package org.qtrust.core.trustedlist.refresh.port;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * Downloads the document published at a list location, conditionally when the caller holds
 * a copy (HTTP ETag / Last-Modified validators). Retries, timeouts, size limits and URL
 * rewriting are the implementation's business.
 */
public interface ListFetcher {

    /** Never throws for a network or server fault: that is {@link FetchResult.Failed}. */
    FetchResult fetch(ListLocation location, Validators validators);

    /** What the holder of a copy knows of it, as the publisher gave it; both empty for an unconditional fetch. */
    record Validators(Optional<String> etag, Optional<String> lastModified) {

        public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

        public Validators {
            Objects.requireNonNull(etag);
            Objects.requireNonNull(lastModified);
        }

        public boolean isEmpty() {
            return etag.isEmpty() && lastModified.isEmpty();
        }
    }
}
