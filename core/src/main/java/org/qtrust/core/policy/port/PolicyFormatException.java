package org.qtrust.core.policy.port;

/** A policy document that cannot be used: not the expected format, or an unknown or contradictory setting. */
public final class PolicyFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public PolicyFormatException(String message) {
        super(message);
    }

    public PolicyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
