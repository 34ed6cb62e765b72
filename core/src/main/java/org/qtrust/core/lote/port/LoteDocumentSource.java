package org.qtrust.core.lote.port;

import org.qtrust.core.trustedlist.DocumentLookup;

/** Obtains the document of a list of trusted entities named by its location (a file or an http(s) URL). */
public interface LoteDocumentSource {

    /** Never throws for a missing, oversized or unreachable document: that is {@link DocumentLookup.Unavailable}. */
    DocumentLookup find(String location);
}
