package org.qtrust.adapters.crypto.keystore;

/** The certificates could not be loaded; the message is one line meant for the user. */
public class CertificateSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public CertificateSourceException(String message) {
        super(message);
    }

    public CertificateSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
