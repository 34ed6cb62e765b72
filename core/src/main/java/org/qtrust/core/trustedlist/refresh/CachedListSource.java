package org.qtrust.core.trustedlist.refresh;

import java.util.Objects;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCache;

/** Finds list documents in the cache: loading from the cache is loading the last good copies. */
public final class CachedListSource implements ListDocumentSource {

    private final ListCache cache;

    public CachedListSource(ListCache cache) {
        this.cache = Objects.requireNonNull(cache);
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        return cache.find(location)
                .<DocumentLookup>map(cached -> new DocumentLookup.Found(cached.document()))
                .orElseGet(() -> new DocumentLookup.Unavailable("no copy of " + location.url() + " in the cache"));
    }
}
