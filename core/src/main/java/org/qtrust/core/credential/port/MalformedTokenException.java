package org.qtrust.core.credential.port;

/** The bytes are not the JSON, JWS or JWK they should be; the message says what is wrong in one line. */
public class MalformedTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedTokenException(String message) {
        super(message);
    }

    public MalformedTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
