package org.qtrust.core.certificate.qualification;

/**
 * The qualification of a certificate at one instant (ETSI TS 119 615 §4.4 and §4.5 combined,
 * the labels EC DSS uses): qualified or not, for what, and whether the private key is in a
 * QSCD. {@link #NA}: no EU trusted list speaks about the certificate (or the lists contradict
 * each other).
 */
public enum CertificateQualification {
    QCERT_FOR_ESIG_QSCD(true, Purpose.ESIG, true),
    QCERT_FOR_ESIG(true, Purpose.ESIG, false),
    QCERT_FOR_ESEAL_QSCD(true, Purpose.ESEAL, true),
    QCERT_FOR_ESEAL(true, Purpose.ESEAL, false),
    QCERT_FOR_WSA(true, Purpose.WSA, false),
    QCERT_FOR_UNKNOWN_QSCD(true, Purpose.UNKNOWN, true),
    QCERT_FOR_UNKNOWN(true, Purpose.UNKNOWN, false),
    CERT_FOR_ESIG(false, Purpose.ESIG, false),
    CERT_FOR_ESEAL(false, Purpose.ESEAL, false),
    CERT_FOR_WSA(false, Purpose.WSA, false),
    CERT_FOR_UNKNOWN(false, Purpose.UNKNOWN, false),
    NA(false, Purpose.UNKNOWN, false);

    /** What the certificate is for (TS 119 615 Tables 1 to 3: eSignatures, eSeals, website authentication). */
    public enum Purpose { ESIG, ESEAL, WSA, UNKNOWN }

    private final boolean qualified;
    private final Purpose purpose;
    private final boolean qscd;

    CertificateQualification(boolean qualified, Purpose purpose, boolean qscd) {
        this.qualified = qualified;
        this.purpose = purpose;
        this.qscd = qscd;
    }

    public boolean qualified() {
        return qualified;
    }

    public Purpose purpose() {
        return purpose;
    }

    public boolean qscd() {
        return qscd;
    }

    /**
     * The label for a qualified status, purpose and QSCD status. A QSCD only matters for a
     * qualified certificate for eSignatures or eSeals (Regulation (EU) No 910/2014 Art. 3(12),
     * 3(27)): a website certificate or a non-qualified one has no QSCD label.
     */
    public static CertificateQualification of(boolean qualified, Purpose purpose, boolean qscd) {
        if (!qualified) {
            return switch (purpose) {
                case ESIG -> CERT_FOR_ESIG;
                case ESEAL -> CERT_FOR_ESEAL;
                case WSA -> CERT_FOR_WSA;
                case UNKNOWN -> CERT_FOR_UNKNOWN;
            };
        }
        return switch (purpose) {
            case ESIG -> qscd ? QCERT_FOR_ESIG_QSCD : QCERT_FOR_ESIG;
            case ESEAL -> qscd ? QCERT_FOR_ESEAL_QSCD : QCERT_FOR_ESEAL;
            case WSA -> QCERT_FOR_WSA;
            case UNKNOWN -> qscd ? QCERT_FOR_UNKNOWN_QSCD : QCERT_FOR_UNKNOWN;
        };
    }
}
