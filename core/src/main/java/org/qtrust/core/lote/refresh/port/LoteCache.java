package org.qtrust.core.lote.refresh.port;

import java.util.Optional;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * The last authentic copy of each configured list of trusted entities, by location. Like
 * {@link ListCache}, implementations write atomically and only store: what deserves to be
 * stored is decided by the refresh.
 */
public interface LoteCache {

    /** The stored copy for a location (URL or file, as configured). Never throws. */
    Optional<CachedLote> find(String location);

    /** Replaces the copy for {@code metadata.location()} with the document and its metadata. */
    void store(ListDocument document, LoteCacheMetadata metadata) throws ListCacheException;

    /** Replaces only the metadata of a stored copy (after the publisher served the same bytes again). */
    void updateMetadata(LoteCacheMetadata metadata) throws ListCacheException;

    /** Excludes other refreshes of the same cache, trusted lists' included, until closed. */
    ListCache.Lock lock() throws ListCacheException;
}
