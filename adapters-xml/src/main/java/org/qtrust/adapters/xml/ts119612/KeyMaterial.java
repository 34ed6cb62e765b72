package org.qtrust.adapters.xml.ts119612;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * Key material helpers: ds:KeyValue to SubjectPublicKeyInfo, and the subject key identifiers
 * a certificate stands for (its SKI extension and the RFC 5280 §4.2.1.2 method-1 SHA-1).
 */
final class KeyMaterial {

    private static final String SKI_EXTENSION = "2.5.29.14";

    private KeyMaterial() {
    }

    /**
     * The SubjectPublicKeyInfo (DER) of an RSA, DSA or named-curve EC ds:KeyValue; empty for
     * other kinds of key value (explicit EC parameters, ds:DEREncodedKeyValue…), which this
     * adapter does not read.
     */
    static Optional<byte[]> subjectPublicKeyInfo(Ts119612Xml.KeyValue keyValue, String where) {
        try {
            if (keyValue.rsa != null) {
                RSAPublicKeySpec spec = new RSAPublicKeySpec(
                        unsigned(keyValue.rsa.modulus, where + "/RSAKeyValue/Modulus"),
                        unsigned(keyValue.rsa.exponent, where + "/RSAKeyValue/Exponent"));
                return Optional.of(KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded());
            }
            if (keyValue.dsa != null) {
                DSAPublicKeySpec spec = new DSAPublicKeySpec(
                        unsigned(keyValue.dsa.y, where + "/DSAKeyValue/Y"),
                        unsigned(keyValue.dsa.p, where + "/DSAKeyValue/P"),
                        unsigned(keyValue.dsa.q, where + "/DSAKeyValue/Q"),
                        unsigned(keyValue.dsa.g, where + "/DSAKeyValue/G"));
                return Optional.of(KeyFactory.getInstance("DSA").generatePublic(spec).getEncoded());
            }
            if (keyValue.ec != null && keyValue.ec.namedCurve != null) {
                return Optional.of(ecKey(keyValue.ec, where + "/ECKeyValue"));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConformanceException(where + "/KeyValue is not a usable public key: " + e.getMessage(), e);
        }
    }

    private static byte[] ecKey(Ts119612Xml.EcKeyValue ec, String where) throws GeneralSecurityException {
        String curve = Texts.trim(ec.namedCurve.uri);
        String oid = Texts.oid(curve);
        if (oid.equals(curve) && !curve.matches("[0-9.]+")) {
            throw new ConformanceException(where + "/NamedCurve/@URI is not an OID URN: " + Texts.abbreviate(curve));
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(oid));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        byte[] point = Texts.base64(ec.publicKey, where + "/PublicKey");
        int size = (spec.getCurve().getField().getFieldSize() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 0x04) {
            throw new ConformanceException(where + "/PublicKey is not an uncompressed point of curve " + oid);
        }
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec)).getEncoded();
    }

    private static BigInteger unsigned(String base64, String where) {
        return new BigInteger(1, Texts.base64(base64, where));
    }

    /** The key identifier of the certificate's SubjectKeyIdentifier extension, if it has one. */
    static Optional<byte[]> skiExtension(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(SKI_EXTENSION);
        if (extension == null) {
            return Optional.empty();
        }
        // extnValue OCTET STRING wrapping KeyIdentifier ::= OCTET STRING
        byte[] outer = Der.contentOf(extension, 0x04);
        return outer == null ? Optional.empty() : Optional.ofNullable(Der.contentOf(outer, 0x04));
    }

    /** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value. */
    static Optional<byte[]> skiMethodOne(byte[] subjectPublicKeyInfo) {
        byte[] key = Der.subjectPublicKeyBits(subjectPublicKeyInfo);
        if (key == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance("SHA-1").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Just enough DER to read an OCTET STRING and a SubjectPublicKeyInfo. */
    static final class Der {

        private Der() {
        }

        /** The content of a single TLV with the given tag spanning the whole array, or null. */
        static byte[] contentOf(byte[] der, int tag) {
            int[] tlv = header(der, 0);
            if (tlv == null || der[0] != (byte) tag || tlv[0] + tlv[1] != der.length) {
                return null;
            }
            return Arrays.copyOfRange(der, tlv[0], tlv[0] + tlv[1]);
        }

        /** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
        static byte[] subjectPublicKeyBits(byte[] spki) {
            int[] sequence = header(spki, 0);
            if (sequence == null || spki[0] != 0x30) {
                return null;
            }
            int[] algorithm = header(spki, sequence[0]);
            if (algorithm == null) {
                return null;
            }
            int bitStringAt = algorithm[0] + algorithm[1];
            int[] bits = header(spki, bitStringAt);
            if (bits == null || spki[bitStringAt] != 0x03 || bits[1] < 1) {
                return null;
            }
            return Arrays.copyOfRange(spki, bits[0] + 1, bits[0] + bits[1]);
        }

        /** {contentStart, contentLength} of the TLV at offset, or null when it does not fit. */
        private static int[] header(byte[] der, int offset) {
            if (offset + 2 > der.length) {
                return null;
            }
            int length = der[offset + 1] & 0xff;
            int start = offset + 2;
            if (length > 0x80) {
                int octets = length - 0x80;
                if (octets > 3 || start + octets > der.length) {
                    return null;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (der[start + i] & 0xff);
                }
                start += octets;
            } else if (length == 0x80) {
                return null;
            }
            return start + length <= der.length ? new int[] {start, length} : null;
        }
    }
}
