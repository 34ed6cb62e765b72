package org.qtrust.core.certificate.port;

/** The bytes are not a usable X.509 certificate (not DER, truncated, not v1–v3, unreadable critical fields). */
public final class MalformedCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedCertificateException(String message) {
        super(message);
    }

    public MalformedCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
