package org.qtrust.core.credential.disclosure;

/** A disclosure or the digests that reference it break RFC 9901 §7.1; the message names the rule. */
public class DisclosureException extends Exception {

    private static final long serialVersionUID = 1L;

    public DisclosureException(String message) {
        super(message);
    }
}
