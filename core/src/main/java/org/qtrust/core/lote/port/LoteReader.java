package org.qtrust.core.lote.port;

import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.port.MalformedListException;

/** Reads a TS 119 602 document (JSON in a JWS, or XML) into the domain. Reading implies no trust. */
public interface LoteReader {

    /**
     * @throws MalformedListException when the document is empty, not well-formed, unsafe, too
     *         large or too deep, or not a list of trusted entities
     */
    ListOfTrustedEntities read(ListDocument document) throws MalformedListException;
}
