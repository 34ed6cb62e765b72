package org.qtrust.core.credential.mdoc.port;

import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/**
 * Outgoing port: reading and writing CBOR (RFC 8949). Implementations are thread-safe and strict:
 * exactly one data item with nothing after it, within the limits; map keys are integers or text
 * and never repeated; at most one tag per item; integers within a long; simple values only
 * false, true, null (and undefined, read as null). Writing uses definite lengths and the
 * shortest heads (RFC 8949 §4.2.1), so what the domain builds to sign or hash is deterministic.
 */
public interface CborCodec {

    /** @throws MalformedCborException when the bytes are not one such item */
    Cbor decode(byte[] encoded, CborLimits limits) throws MalformedCborException;

    byte[] encode(Cbor item);
}
