package org.qtrust.core.trustedlist.refresh.port;

import java.util.List;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * The last good copy of each list, with what is known of it. Implementations write
 * atomically: a reader (or a crash) sees either the previous copy or the new one, never a
 * part. The cache only stores; what deserves to be stored is decided by the refresh.
 */
public interface ListCache {

    /** The stored copy for a location (LOTL, pivot by file name, territory list by territory). Never throws. */
    Optional<CachedList> find(ListLocation location);

    /** Replaces the copy for {@code metadata.location()} with the document and its metadata. */
    void store(ListDocument document, CacheMetadata metadata) throws ListCacheException;

    /** Replaces only the metadata of a stored copy (after the publisher answered "not modified"). */
    void updateMetadata(CacheMetadata metadata) throws ListCacheException;

    /** The metadata of every stored copy that has some. */
    List<CacheMetadata> entries();

    /** Removes the copy for a location and its metadata. */
    void remove(ListLocation location) throws ListCacheException;

    /** Excludes other refreshes of the same cache (in this process and others) until closed. */
    Lock lock() throws ListCacheException;

    /** An exclusive hold on the cache for one refresh. */
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
