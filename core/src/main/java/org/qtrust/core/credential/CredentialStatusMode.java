package org.qtrust.core.credential;

import java.util.Locale;

/**
 * How a credential's status list entry counts (issue 13.3). A credential that names a status
 * list is valid under {@link #REQUIRE} only when its status was established: a status list that
 * could not be fetched (no network, refused by the egress rule, out of budget), a token that is
 * not usable or a value this verifier cannot read is {@code credential_status_unavailable}.
 * Revoked (1) and suspended (2) are refused in every mode that checks.
 */
public enum CredentialStatusMode {
    /** The status must be established (the default of every built-in policy). */
    REQUIRE,
    /** Revoked and suspended are refused; a status that cannot be established is a warning in the trace. */
    PREFER,
    /** Not checked, nothing fetched; the document says {@code checked: false}. */
    OFF;

    public static CredentialStatusMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "require" -> REQUIRE;
            case "prefer" -> PREFER;
            case "off" -> OFF;
            default -> throw new IllegalArgumentException("'" + text + "' is not require, prefer or off");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
