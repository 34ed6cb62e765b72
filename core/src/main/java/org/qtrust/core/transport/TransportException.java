package org.qtrust.core.transport;

import java.util.Objects;

/** No complete HTTP answer could be had; the reason is a code, the message one readable line. */
public class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Why no answer could be had. {@link #EGRESS_REFUSED}: the egress rule refused the destination
     * (scheme, port, or an address that is not public) before any byte was sent.
     */
    public enum Reason { TIMEOUT, CONNECTION_FAILED, BODY_TOO_LARGE, REDIRECT_REFUSED, TOO_MANY_REDIRECTS, BAD_URL, INTERRUPTED,
        EGRESS_REFUSED }

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

    /**
     * The reason class alone, as a client outside the operator's network may see it ("could not
     * fetch (connection failed)"): no address, port or socket error.
     */
    public String reasonClass() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
