package org.qtrust.core.trustedlist.refresh.port;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListDocument;

/** The outcome of one (conditional) download: a new copy, "not modified", or a failure with its reason. */
public sealed interface FetchResult {

    /**
     * @param document     the bytes as served (untrusted), located at the URL that answered
     * @param etag         the ETag the publisher gave, for the next conditional request
     * @param lastModified the Last-Modified the publisher gave, verbatim
     */
    record Downloaded(ListDocument document, Optional<String> etag, Optional<String> lastModified)
            implements FetchResult {
        public Downloaded {
            Objects.requireNonNull(document);
            Objects.requireNonNull(etag);
            Objects.requireNonNull(lastModified);
        }
    }

    /** The publisher says the copy the validators describe is still current (HTTP 304). */
    record NotModified() implements FetchResult {
    }

    /** No usable answer: one readable line (timeout, HTTP status, body over the limit, refused redirect…). */
    record Failed(String reason) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason);
        }
    }
}
