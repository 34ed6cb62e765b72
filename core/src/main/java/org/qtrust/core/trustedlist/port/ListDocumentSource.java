package org.qtrust.core.trustedlist.port;

import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListLocation;

/** Finds the document published at a list location (an offline folder, a cache, the network). */
public interface ListDocumentSource {

    /** Never throws for a missing or unreachable document: that is {@link DocumentLookup.Unavailable}. */
    DocumentLookup find(ListLocation location);
}
