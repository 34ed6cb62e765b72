package org.qtrust.core.trustedlist.port;

import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;

/** Reads a TS 119 612 list document into the domain. Reading implies no trust. */
public interface TrustedListReader {

    /**
     * @throws MalformedListException when the document is empty, not well-formed, unsafe
     *         (DTD, entities), too large or too deep, or not a conformant list
     */
    TrustedList read(ListDocument document) throws MalformedListException;
}
