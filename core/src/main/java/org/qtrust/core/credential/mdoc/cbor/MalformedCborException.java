package org.qtrust.core.credential.mdoc.cbor;

/** The input is not CBOR the verifier accepts (broken, over a limit, a duplicate key, a forbidden form). */
public final class MalformedCborException extends Exception {

    public MalformedCborException(String message) {
        super(message);
    }
}
