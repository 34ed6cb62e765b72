package org.qtrust.core.revocation;

import java.util.Locale;

/** Where a revocation answer came from. */
public enum RevocationSource {
    OCSP,
    CRL;

    /** The stable lower-case form used in JSON ({@code ocsp}, {@code crl}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code ocsp} or {@code crl}, case-insensitively. */
    public static RevocationSource parse(String text) {
        for (RevocationSource source : values()) {
            if (source.name().equalsIgnoreCase(text.trim())) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown revocation source '" + text + "' (ocsp or crl)");
    }
}
