package org.qtrust.core.revocation;

/** Why revocation makes a certificate not trusted. The code is the stable form reported by the CLI and the API. */
public enum RevocationProblem {
    REVOKED("certificate_revoked", "the certificate was revoked at or before the validation time"),
    UNKNOWN("revocation_unknown", "no acceptable revocation status could be obtained and the policy requires one");

    private final String code;
    private final String description;

    RevocationProblem(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
