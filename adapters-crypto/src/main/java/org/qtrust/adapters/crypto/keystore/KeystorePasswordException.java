package org.qtrust.adapters.crypto.keystore;

/** The keystore could not be opened with the password given (or with none, when none was given). */
public final class KeystorePasswordException extends CertificateSourceException {

    private static final long serialVersionUID = 1L;

    public KeystorePasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
