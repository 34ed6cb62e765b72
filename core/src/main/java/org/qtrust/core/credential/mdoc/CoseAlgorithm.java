package org.qtrust.core.credential.mdoc;

import java.util.Optional;

/**
 * The COSE signature algorithms an mdoc may use (ISO/IEC 18013-5 §9.1.3.6 and Table 22; RFC
 * 9053 §2.1, §2.2): ECDSA with SHA-2 on its own curve, and EdDSA. Nothing else is accepted.
 */
public enum CoseAlgorithm {
    ES256(-7, "ES256"),
    ES384(-35, "ES384"),
    ES512(-36, "ES512"),
    EDDSA(-8, "EdDSA");

    private final long id;
    private final String jose;

    CoseAlgorithm(long id, String jose) {
        this.id = id;
        this.jose = jose;
    }

    /** The COSE algorithm identifier (IANA COSE Algorithms registry). */
    public long id() {
        return id;
    }

    /** The same algorithm's JOSE name (ES256, …, EdDSA). */
    public String joseName() {
        return jose;
    }

    public static Optional<CoseAlgorithm> of(long id) {
        for (CoseAlgorithm algorithm : values()) {
            if (algorithm.id == id) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
