package org.qtrust.core.certificate;

import java.util.Optional;

/**
 * The X.509 key usage bits (RFC 5280 §4.2.1.3), named as TS 119 612 §5.5.9.2.2 names them in
 * a CriteriaList's KeyUsageBit (digitalSignature, nonRepudiation…), in bit order.
 */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE("digitalSignature"),
    NON_REPUDIATION("nonRepudiation"),
    KEY_ENCIPHERMENT("keyEncipherment"),
    DATA_ENCIPHERMENT("dataEncipherment"),
    KEY_AGREEMENT("keyAgreement"),
    KEY_CERT_SIGN("keyCertSign"),
    CRL_SIGN("crlSign"),
    ENCIPHER_ONLY("encipherOnly"),
    DECIPHER_ONLY("decipherOnly");

    private final String listName;

    KeyUsageBit(String listName) {
        this.listName = listName;
    }

    /** The name a trusted list uses for this bit. */
    public String listName() {
        return listName;
    }

    /** The bit a trusted list names; "contentCommitment" (the X.509 2008 name of bit 1) is accepted too. */
    public static Optional<KeyUsageBit> fromListName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        if ("contentCommitment".equals(trimmed)) {
            return Optional.of(NON_REPUDIATION);
        }
        for (KeyUsageBit bit : values()) {
            if (bit.listName.equals(trimmed)) {
                return Optional.of(bit);
            }
        }
        return Optional.empty();
    }
}
