package org.qtrust.core.policy;

import java.util.Locale;

/** Which instant a rule is judged at: the certificate's issuance (notBefore), the validation time, or both. */
public enum TimeThatCounts {
    ISSUANCE, VALIDATION_TIME, BOTH;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean includesIssuance() {
        return this != VALIDATION_TIME;
    }

    public boolean includesValidationTime() {
        return this != ISSUANCE;
    }

    /** Accepts "issuance", "validation-time", "validation_time", "both" (any case). */
    public static TimeThatCounts parse(String text) {
        String normalized = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TimeThatCounts value : values()) {
            if (value.name().equals(normalized)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown time '" + text + "' (issuance, validation-time or both)");
    }
}
