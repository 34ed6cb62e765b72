package org.qtrust.adapters.crypto.mdoc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.qtrust.adapters.crypto.sdjwt.JwsSignatures;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;

/**
 * COSE signatures with the same private Bouncy Castle instance as JOSE ({@link JwsSignatures}:
 * ECDSA r‖s with its own curve and length, EdDSA), and COSE_Key → SubjectPublicKeyInfo.
 * Thread-safe; decoded keys are cached (bounded).
 */
public final class BouncyCastleCoseSignatures implements CoseSignatures {

    private static final int MAX_CACHED_KEYS = 1024;

    /** RFC 9053 §7.1 / IANA COSE Elliptic Curves: crv → (curve name, OID, field bytes). */
    private record Curve(String name, ASN1ObjectIdentifier oid, int bytes) {
    }

    private static final Map<Long, Curve> EC2 = Map.of(
            1L, new Curve("P-256", SECObjectIdentifiers.secp256r1, 32),
            2L, new Curve("P-384", SECObjectIdentifiers.secp384r1, 48),
            3L, new Curve("P-521", SECObjectIdentifiers.secp521r1, 66));
    private static final Map<Long, Curve> OKP = Map.of(
            6L, new Curve("Ed25519", EdECObjectIdentifiers.id_Ed25519, 32),
            7L, new Curve("Ed448", EdECObjectIdentifiers.id_Ed448, 57));

    private final Map<String, Optional<PublicKey>> keys = new ConcurrentHashMap<>();

    @Override
    public boolean verifies(CoseAlgorithm algorithm, byte[] subjectPublicKeyInfo, byte[] toBeSigned, byte[] signature) {
        Optional<PublicKey> key = key(subjectPublicKeyInfo);
        return key.isPresent() && JwsSignatures.verify(algorithm.joseName(), key.get(), toBeSigned, signature);
    }

    @Override
    public byte[] publicKeyInfo(Cbor.Map coseKey) throws MalformedCborException {
        if (coseKey.get(-4).isPresent()) {
            throw new MalformedCborException("the COSE_Key carries a private key (d)");
        }
        long kty = integer(coseKey.get(1), "kty");
        long crv = integer(coseKey.get(-1), "crv");
        byte[] x = bytes(coseKey.get(-2), "x");
        try {
            if (kty == 2) {
                Curve curve = EC2.get(crv);
                if (curve == null) {
                    throw new MalformedCborException("EC2 curve " + crv + " is not P-256, P-384 or P-521");
                }
                byte[] y = bytes(coseKey.get(-3), "y");
                if (x.length != curve.bytes() || y.length != curve.bytes()) {
                    throw new MalformedCborException("the " + curve.name() + " coordinates are not " + curve.bytes() + " bytes");
                }
                X9ECParameters parameters = ECNamedCurveTable.getByOID(curve.oid());
                ECPoint point = parameters.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
                if (!point.isValid()) {
                    throw new MalformedCborException("the point is not on " + curve.name());
                }
                return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve.oid()),
                        point.getEncoded(false)).getEncoded();
            }
            if (kty == 1) {
                Curve curve = OKP.get(crv);
                if (curve == null || x.length != curve.bytes()) {
                    throw new MalformedCborException("OKP curve " + crv + " is not Ed25519 or Ed448 with a key of its size");
                }
                return new SubjectPublicKeyInfo(new AlgorithmIdentifier(curve.oid()), x).getEncoded();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedCborException("the COSE_Key is not a usable public key");
        }
        throw new MalformedCborException("COSE_Key kty " + kty + " is not EC2 (2) or OKP (1)");
    }

    private static long integer(Optional<Cbor> value, String name) throws MalformedCborException {
        if (value.isPresent() && value.get() instanceof Cbor.Int integer) {
            return integer.value();
        }
        throw new MalformedCborException("the COSE_Key has no integer " + name);
    }

    private static byte[] bytes(Optional<Cbor> value, String name) throws MalformedCborException {
        if (value.isPresent() && value.get() instanceof Cbor.Bytes bytes) {
            return bytes.value();
        }
        throw new MalformedCborException("the COSE_Key has no byte string " + name + " (compressed points are not accepted)");
    }

    private Optional<PublicKey> key(byte[] subjectPublicKeyInfo) {
        String id = Base64.getEncoder().encodeToString(subjectPublicKeyInfo);
        Optional<PublicKey> cached = keys.get(id);
        if (cached != null) {
            return cached;
        }
        Optional<PublicKey> decoded = Optional.empty();
        for (String algorithm : new String[] {"EC", "Ed25519", "Ed448"}) {
            try {
                decoded = Optional.of(KeyFactory.getInstance(algorithm, JwsSignatures.BOUNCY_CASTLE)
                        .generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo)));
                break;
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm; try the next
            }
        }
        if (keys.size() >= MAX_CACHED_KEYS) {
            keys.clear();
        }
        keys.put(id, decoded);
        return decoded;
    }
}
