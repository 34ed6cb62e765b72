package org.qtrust.core.lote.refresh.port;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListDocument;

/**
 * A stored list of trusted entities and its metadata. The document's location is the stored
 * file; the metadata is empty when it was put there by hand or does not match the stored bytes.
 * Stored means verified once, never trusted as is: every use verifies it again.
 */
public record CachedLote(ListDocument document, Optional<LoteCacheMetadata> metadata) {

    public CachedLote {
        Objects.requireNonNull(document);
        Objects.requireNonNull(metadata);
    }
}
