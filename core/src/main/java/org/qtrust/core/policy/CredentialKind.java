package org.qtrust.core.policy;

import java.util.Locale;

/** What a wallet credential is, as far as the choice of trust source goes. */
public enum CredentialKind {
    /** Person identification data: the issuer must be a PID provider. */
    PID,
    /** An electronic attestation of attributes (QEAA or Pub-EAA). */
    ATTESTATION,
    /**
     * A mobile driving licence (ISO/IEC 18013-5 docType {@code org.iso.18013.5.1.mDL}; ARF Annex 3.02
     * mDL rulebook): the issuer must be an mDL provider (a driving licence issuing authority).
     */
    MDL,
    /** A wallet unit attestation: the issuer must be a wallet provider. */
    WALLET_UNIT_ATTESTATION,
    /** A wallet-relying party access certificate. */
    RELYING_PARTY_ACCESS_CERTIFICATE;

    /** "pid", "attestation", "mdl", "wallet-unit-attestation", "relying-party-access-certificate". */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static CredentialKind parse(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (CredentialKind kind : values()) {
            if (kind.name().equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown credential kind '" + code + "' (pid, attestation, mdl, "
                + "wallet-unit-attestation, relying-party-access-certificate)");
    }
}
