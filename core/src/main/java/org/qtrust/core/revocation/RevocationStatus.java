package org.qtrust.core.revocation;

import java.util.Locale;

/** The status of a certificate at the validation time, as far as revocation information tells. */
public enum RevocationStatus {
    /** Not revoked at the validation time (it may have been revoked later: see the outcome's revokedAt). */
    GOOD,
    /** Revoked at or before the validation time. */
    REVOKED,
    /** No acceptable revocation information could be had (or checking was off). */
    UNKNOWN;

    /** The stable lower-case form used in JSON ({@code good}, {@code revoked}, {@code unknown}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
