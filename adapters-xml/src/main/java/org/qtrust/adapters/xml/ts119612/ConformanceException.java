package org.qtrust.adapters.xml.ts119612;

/**
 * A list document that is well-formed XML but not a TS 119 612 list this adapter can represent:
 * a mandatory element is missing or repeated, or a value does not have its schema type.
 * The message is one line and names the element.
 */
public final class ConformanceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConformanceException(String message) {
        super(message);
    }

    public ConformanceException(String message, Throwable cause) {
        super(message, cause);
    }
}
