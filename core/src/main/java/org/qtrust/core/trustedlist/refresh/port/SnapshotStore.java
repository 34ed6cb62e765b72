package org.qtrust.core.trustedlist.refresh.port;

import java.util.Optional;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;

/**
 * Where the current snapshot manifest of a shared store is published and read. Publishing is
 * fenced by the {@link RefreshLease}'s token; readers verify every document the manifest names.
 */
public interface SnapshotStore {

    /**
     * Makes {@code manifest} current if {@code fencingToken} is the token of the lease in force.
     *
     * @return false when the token is stale (another holder has taken the lease since)
     */
    boolean publish(SnapshotManifest manifest, long fencingToken) throws ListCacheException;

    /** The current manifest; empty when none was published yet. */
    Optional<SnapshotManifest> current() throws ListCacheException;
}
