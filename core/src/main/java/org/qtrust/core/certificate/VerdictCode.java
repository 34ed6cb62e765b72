package org.qtrust.core.certificate;

/** Why a certificate is not trusted, or "ok". The code is the stable form in verdicts and JSON. */
public enum VerdictCode {
    OK("ok"),
    /** The bytes are not a usable X.509 certificate. */
    MALFORMED_CERTIFICATE("malformed_certificate"),
    /** A path was found but a link breaks a rule (signature, CA flag, key usage, path length, validity of an intermediate, critical extension). */
    INVALID_CERTIFICATE_CHAIN("invalid_certificate_chain"),
    /** No path to a key of a service the policy accepts (or only to services whose type or status it does not accept). */
    ISSUER_NOT_TRUSTED("issuer_not_trusted"),
    /** The path ends at a key listed only by a list that was not accepted (expired, bad signature…). */
    LIST_NOT_TRUSTED("list_not_trusted"),
    /** The certificate's notAfter is before the validation time. */
    CERTIFICATE_EXPIRED("certificate_expired"),
    /** The certificate's notBefore is after the validation time. */
    CERTIFICATE_NOT_YET_VALID("certificate_not_yet_valid"),
    /** A signature on the path uses an algorithm or key size the policy no longer accepts (ETSI TS 119 312). */
    WEAK_ALGORITHM("weak_algorithm"),
    /** The policy requires a qualified certificate (or QcCompliance, a QcType) and this one is not. */
    NOT_QUALIFIED_CERTIFICATE("not_qualified_certificate"),
    /** The certificate is revoked (reported by the revocation component). */
    CERTIFICATE_REVOKED("certificate_revoked"),
    /** The policy requires a revocation status and no acceptable OCSP response or CRL could be had. */
    REVOCATION_UNKNOWN("revocation_unknown");

    private final String code;

    VerdictCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
