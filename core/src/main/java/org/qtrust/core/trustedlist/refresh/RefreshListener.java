package org.qtrust.core.trustedlist.refresh;

import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;

/** Progress of a refresh, for progress bars and logs. Methods may be called from several threads. */
public interface RefreshListener {

    RefreshListener NONE = new RefreshListener() {
    };

    /** The LOTL in force points to this many territory lists, about to be fetched. */
    default void planned(int lists) {
    }

    /** A download ended (the LOTL, a pivot or a list). */
    default void fetched(ListLocation location, FetchResult result) {
    }

    /** The refresh decided what to do with a list. */
    default void decided(ListRefresh entry) {
    }
}
