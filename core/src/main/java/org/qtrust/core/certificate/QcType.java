package org.qtrust.core.certificate;

import java.util.Optional;

/**
 * The QcType values of ETSI EN 319 412-5 §4.2.3 (statement id-etsi-qcs-QcType 0.4.0.1862.1.6).
 * EN 319 412-5 defines exactly these three; any other OID is kept as an unknown type OID.
 */
public enum QcType {
    /** id-etsi-qct-esign: certificate for electronic signatures. */
    ESIGN("0.4.0.1862.1.6.1", "esign"),
    /** id-etsi-qct-eseal: certificate for electronic seals. */
    ESEAL("0.4.0.1862.1.6.2", "eseal"),
    /** id-etsi-qct-web: certificate for website authentication. */
    WEB("0.4.0.1862.1.6.3", "web");

    private final String oid;
    private final String code;

    QcType(String oid, String code) {
        this.oid = oid;
        this.code = code;
    }

    public String oid() {
        return oid;
    }

    /** "esign", "eseal" or "web": the form used in verdicts and policy files. */
    public String code() {
        return code;
    }

    public static Optional<QcType> fromOid(String oid) {
        for (QcType type : values()) {
            if (type.oid.equals(oid)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    public static Optional<QcType> fromCode(String code) {
        for (QcType type : values()) {
            if (type.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
