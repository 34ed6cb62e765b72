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
     * @param mirror       present when the publisher's location failed and a mirror served the
     *                     document (its validators are then the mirror's, never sent to the publisher)
     */
    record Downloaded(ListDocument document, Optional<String> etag, Optional<String> lastModified,
                      Optional<Mirrored> mirror) implements FetchResult {
        public Downloaded {
            Objects.requireNonNull(document);
            Objects.requireNonNull(etag);
            Objects.requireNonNull(lastModified);
            Objects.requireNonNull(mirror);
        }

        /** Served by the publisher's own location. */
        public Downloaded(ListDocument document, Optional<String> etag, Optional<String> lastModified) {
            this(document, etag, lastModified, Optional.empty());
        }

        /** The same document, marked as served by a mirror after the publisher's location failed. */
        public Downloaded fromMirror(String mirrorUrl, String originFailure) {
            return new Downloaded(document, Optional.empty(), Optional.empty(),
                    Optional.of(new Mirrored(mirrorUrl, originFailure)));
        }
    }

    /**
     * Where a document came from when its own location failed.
     *
     * @param url           the mirror's base URL (as configured)
     * @param originFailure why the publisher's location gave nothing
     */
    record Mirrored(String url, String originFailure) {
        public Mirrored {
            Objects.requireNonNull(url);
            Objects.requireNonNull(originFailure);
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
