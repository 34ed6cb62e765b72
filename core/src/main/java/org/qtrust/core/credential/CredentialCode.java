package org.qtrust.core.credential;

/** Why a wallet credential is not valid, or "ok". The code is the stable form in verdicts and JSON (issue 4). */
public enum CredentialCode {
    OK("ok"),
    /** Not an SD-JWT (VC): no '~', an undecodable part, a missing or wrong {@code typ}, no {@code vct}, over a size limit. */
    MALFORMED_CREDENTIAL("malformed_credential"),
    /** The issuer JWT has no {@code x5c} header while the issuer must be trusted through a certificate chain. */
    MISSING_CERTIFICATE_CHAIN("missing_certificate_chain"),
    /** The {@code x5c} chain is broken, expired, not yet valid or uses algorithms the policy no longer accepts. */
    INVALID_CERTIFICATE_CHAIN("invalid_certificate_chain"),
    /** The chain ends at no key of a service (or anchor) the policy accepts. */
    ISSUER_NOT_TRUSTED("issuer_not_trusted"),
    /** The policy requires a qualified issuer certificate and this one is not. */
    NOT_QUALIFIED_CERTIFICATE("not_qualified_certificate"),
    /** The issuer certificate is revoked. */
    CERTIFICATE_REVOKED("certificate_revoked"),
    /** The issuer JWT's signature does not verify with the issuer key, or uses an algorithm that is not allowed. */
    INVALID_SIGNATURE("invalid_signature"),
    /** {@code exp}, {@code nbf} or {@code iat} puts the credential outside its validity at the validation time. */
    CREDENTIAL_EXPIRED("credential_expired"),
    /** A disclosure breaks RFC 9901 §7.1 (unreferenced, referenced twice, colliding, wrong shape, unknown _sd_alg). */
    INVALID_DISCLOSURE("invalid_disclosure"),
    /** Key binding is required and missing, or the KB-JWT fails a check of RFC 9901 §7.3. */
    INVALID_HOLDER_BINDING("invalid_holder_binding"),
    /** The issuer's published metadata names another issuer, or publishes keys without the signing key. */
    ISSUER_METADATA_MISMATCH("issuer_metadata_mismatch"),
    /**
     * {@code iss} is not bound to the signing key as the policy's {@code issuerBinding} asks (issue 13.2): the leaf
     * certificate's SAN names another origin, or no verified issuer metadata publishes the key.
     */
    ISSUER_NOT_BOUND("issuer_not_bound"),
    /** The status list marks the credential invalid (status 1). */
    CREDENTIAL_REVOKED("credential_revoked"),
    /** The status list marks the credential suspended (status 2). */
    CREDENTIAL_SUSPENDED("credential_suspended"),
    /** The credential names a status list whose status cannot be established (fetch failed, bad token, unknown value): fail closed. */
    CREDENTIAL_STATUS_UNAVAILABLE("credential_status_unavailable"),
    /** mdoc: an issuer-signed element whose digest is not the one the MSO lists under its namespace and digestID (ISO/IEC 18013-5 §9.3.1). */
    DIGEST_MISMATCH("digest_mismatch"),
    /** mdoc: the document's docType is not the one its MSO was signed for (ISO/IEC 18013-5 §9.3.1). */
    DOC_TYPE_MISMATCH("doc_type_mismatch"),
    /** mdoc: the device authenticated with a MAC (deviceMac), which needs the reader's key material the verifier was not given. */
    DEVICE_MAC_UNSUPPORTED("device_mac_unsupported");

    private final String code;

    CredentialCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
