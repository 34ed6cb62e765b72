package org.qtrust.core.transport;

import java.util.Objects;

/** No complete HTTP answer could be had; the reason is a code, the message one readable line. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason { TIMEOUT, CONNECTION_FAILED, BODY_TOO_LARGE, REDIRECT_REFUSED, TOO_MANY_REDIRECTS, BAD_URL, INTERRUPTED }

    private final Reason reason;

    public TransportException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public TransportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
