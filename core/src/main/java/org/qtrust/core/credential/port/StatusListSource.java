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

    /** No network: every fetch is skipped, and the verdict's trace says so. */
    static StatusListSource offline() {
        return uri -> new StatusListFetch.Skipped("offline: status list " + uri + " not fetched");
    }
}
