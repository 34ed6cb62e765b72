package org.qtrust.core.trustedlist.refresh.port;

/** The cache could not be written or locked; the message is one readable line. */
public class ListCacheException extends Exception {

    private static final long serialVersionUID = 1L;

    public ListCacheException(String message) {
        super(message);
    }

    public ListCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
