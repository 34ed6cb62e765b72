package org.qtrust.adapters.crypto.testpki;

/** X.509 key usage bits (RFC 5280 4.2.1.3), so tests need no Bouncy Castle type; the product's {@link org.qtrust.adapters.crypto.pki.KeyUsage} by name. */
public enum KeyUsage {
    DIGITAL_SIGNATURE, NON_REPUDIATION, KEY_ENCIPHERMENT, DATA_ENCIPHERMENT, KEY_AGREEMENT, KEY_CERT_SIGN, CRL_SIGN;

    org.qtrust.adapters.crypto.pki.KeyUsage toPki() {
        return org.qtrust.adapters.crypto.pki.KeyUsage.valueOf(name());
    }
}
