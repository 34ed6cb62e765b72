package org.qtrust.core.credential.port;

import org.qtrust.core.credential.status.StatusListFetch;

/** Outgoing port: the Status List Token (draft-ietf-oauth-status-list) published at a URI. */
public interface StatusListSource {

    /** Never throws: what could not be had is a {@link StatusListFetch} too. */
    StatusListFetch fetch(String uri);

    /** No network: every fetch is skipped, and the verdict's trace says so. */
    static StatusListSource offline() {
        return uri -> new StatusListFetch.Skipped("offline: status list " + uri + " not fetched");
    }
}
