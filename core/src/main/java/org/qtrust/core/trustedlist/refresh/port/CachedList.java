package org.qtrust.core.trustedlist.refresh.port;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListDocument;

/**
 * A stored list document and its metadata. The metadata is empty when the document was put
 * there by hand (a seeded cache) or does not match the stored bytes.
 */
public record CachedList(ListDocument document, Optional<CacheMetadata> metadata) {

    public CachedList {
        Objects.requireNonNull(document);
        Objects.requireNonNull(metadata);
    }
}
