package org.qtrust.core.revocation;

import java.util.Optional;

/** The CRLReason of RFC 5280 §5.3.1 (also used by OCSP), with its ASN.1 code and its RFC name. */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keyCompromise"),
    CA_COMPROMISE(2, "cACompromise"),
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    CERTIFICATE_HOLD(6, "certificateHold"),
    REMOVE_FROM_CRL(8, "removeFromCRL"),
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    AA_COMPROMISE(10, "aACompromise");

    private final int asn1Code;
    private final String rfcName;

    RevocationReason(int asn1Code, String rfcName) {
        this.asn1Code = asn1Code;
        this.rfcName = rfcName;
    }

    /** The ENUMERATED value of CRLReason. */
    public int asn1Code() {
        return asn1Code;
    }

    /** The name RFC 5280 gives, used in JSON (e.g. {@code keyCompromise}). */
    public String code() {
        return rfcName;
    }

    public static Optional<RevocationReason> fromAsn1Code(int code) {
        for (RevocationReason reason : values()) {
            if (reason.asn1Code == code) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
