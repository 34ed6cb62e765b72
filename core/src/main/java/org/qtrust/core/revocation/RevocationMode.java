package org.qtrust.core.revocation;

import java.util.Locale;

/**
 * What to do with revocation: the policy's choice, overridable on the command line
 * ({@code --revocation require|prefer|off}).
 */
public enum RevocationMode {
    /** Revocation status must be known: no acceptable answer → not trusted ({@code revocation_unknown}). */
    REQUIRE,
    /** Check; no acceptable answer → trusted, with a warning in the trace (soft fail). */
    PREFER,
    /** Do not check at all. */
    OFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RevocationMode parse(String text) {
        for (RevocationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown revocation mode '" + text + "' (require, prefer or off)");
    }

    /**
     * Applies this mode to an outcome. A revoked certificate is never trusted, whatever the
     * mode — except {@code off}, which does not look.
     */
    public RevocationJudgement judge(RevocationOutcome outcome) {
        if (this == OFF) {
            return RevocationJudgement.ok();
        }
        return switch (outcome.status()) {
            case GOOD -> RevocationJudgement.ok();
            case REVOKED -> RevocationJudgement.notTrusted(RevocationProblem.REVOKED);
            case UNKNOWN -> this == REQUIRE
                    ? RevocationJudgement.notTrusted(RevocationProblem.UNKNOWN)
                    : RevocationJudgement.okWithWarning(
                            "revocation status unknown (no acceptable OCSP response or CRL); accepted because the policy prefers but does not require it");
        };
    }
}
