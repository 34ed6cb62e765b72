package org.qtrust.core.certificate;

import java.util.Objects;

/**
 * The algorithm a certificate is signed with (its signatureAlgorithm), as crypto constraints
 * (ETSI TS 119 312) need it: the hash and the signature scheme separately.
 *
 * @param oid    the AlgorithmIdentifier OID, e.g. 1.2.840.113549.1.1.5
 * @param name   a readable name, e.g. "SHA1withRSA"
 * @param digest the hash, e.g. "SHA-1", "SHA-256"; "unknown" when not known
 * @param scheme the signature scheme: "RSA", "RSASSA-PSS", "ECDSA", "DSA", "Ed25519", "Ed448" or "unknown"
 */
public record SignatureAlgorithm(String oid, String name, String digest, String scheme) {

    public SignatureAlgorithm {
        Objects.requireNonNull(oid);
        Objects.requireNonNull(name);
        Objects.requireNonNull(digest);
        Objects.requireNonNull(scheme);
    }

    @Override
    public String toString() {
        return name;
    }
}
