package org.qtrust.core.credential.mdoc.port;

import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/** Outgoing port: the signature mathematics of COSE (RFC 9053) and COSE keys. Thread-safe. */
public interface CoseSignatures {

    /**
     * Whether {@code signature} (as COSE carries it: r‖s for ECDSA, RFC 9053 §2.1) over
     * {@code toBeSigned} verifies with the key under the algorithm. Never throws: a key that does
     * not fit the algorithm (another curve, another type) or a broken signature is {@code false}.
     *
     * @param subjectPublicKeyInfo the key (DER)
     */
    boolean verifies(CoseAlgorithm algorithm, byte[] subjectPublicKeyInfo, byte[] toBeSigned, byte[] signature);

    /**
     * The public key a COSE_Key describes (RFC 9053 §7.1 EC2 with crv P-256/P-384/P-521, §7.2
     * OKP with Ed25519/Ed448), as a SubjectPublicKeyInfo (DER); the point must be on the curve.
     *
     * @throws MalformedCborException when it is not such a key (or carries a private part)
     */
    byte[] publicKeyInfo(Cbor.Map coseKey) throws MalformedCborException;
}
