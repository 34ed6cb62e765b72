package org.qtrust.core.credential.port;

import org.qtrust.core.credential.status.StatusListFetch;

/** Outgoing port: the Status List Token (draft-ietf-oauth-status-list) published at a URI. */
public interface StatusListSource {

    /** Never throws: what could not be had is a {@link StatusListFetch} too. */
    StatusListFetch fetch(String uri);

    /**
     * As {@link #fetch(String)}, waiting at most {@code budget} (also on a fetch another caller
     * started); out of budget is a {@link StatusListFetch.Failed}.
     */
    default StatusListFetch fetch(String uri, java.time.Duration budget) {
        return fetch(uri);
    }

    /**
     * The token {@link #fetch(String, Duration)} gave did not verify: when it came from a store
     * shared with other replicas (issue 17.4: storage, not trust), forget it and download the
     * token; otherwise give the same answer as {@code fetch} (a token downloaded from its
     * publisher that does not verify is not asked for again by every request).
     */
    default StatusListFetch fetchAnew(String uri, java.time.Duration budget) {
        return fetch(uri, budget);
    }

    /** No network: every fetch is skipped, and the verdict's trace says so. */
    static StatusListSource offline() {
        return uri -> new StatusListFetch.Skipped("offline: status list " + uri + " not fetched");
    }
}
