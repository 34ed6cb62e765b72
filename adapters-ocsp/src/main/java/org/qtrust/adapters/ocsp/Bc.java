package org.qtrust.adapters.ocsp;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Bouncy Castle plumbing shared by the OCSP and CRL code. The provider is used as an object, never registered. */
final class Bc {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private static final DigestCalculatorProvider DIGESTS;

    static {
        try {
            DIGESTS = new JcaDigestCalculatorProviderBuilder().setProvider(PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Bouncy Castle digest provider unavailable", e);
        }
    }

    private Bc() {
    }

    static DigestCalculatorProvider digests() {
        return DIGESTS;
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    static ContentVerifierProvider verifier(PublicKey key) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().setProvider(PROVIDER).build(key);
    }

    static ContentVerifierProvider verifier(X509CertificateHolder certificate) throws OperatorCreationException {
        try {
            return new JcaContentVerifierProviderBuilder().setProvider(PROVIDER).build(certificate);
        } catch (java.security.cert.CertificateException e) {
            throw new OperatorCreationException("certificate key unusable: " + e.getMessage(), e);
        }
    }

    /** The same public key (compared as encoded SubjectPublicKeyInfo). */
    static boolean sameKey(SubjectPublicKeyInfo a, SubjectPublicKeyInfo b) {
        try {
            return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Why no signature is verified with this key under the default key limits (issue 14.11): an
     * RSA modulus above {@link org.qtrust.core.policy.KeyLimits#DEFAULT_MAX_RSA_BITS}, an exponent
     * above 2^32, an EC key off the default named curves. Empty when it may be used.
     */
    static java.util.Optional<String> keyProblem(SubjectPublicKeyInfo key) {
        org.qtrust.core.policy.KeyLimits limits = org.qtrust.core.policy.KeyLimits.defaults();
        org.bouncycastle.asn1.ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        try {
            if (org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)
                    || org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
                org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(key.parsePublicKey());
                if (rsa.getModulus().bitLength() > limits.maxRsaBits()) {
                    return java.util.Optional.of("RSA-" + rsa.getModulus().bitLength() + " key above the maximum of "
                            + limits.maxRsaBits() + " bits");
                }
                if (rsa.getPublicExponent().compareTo(org.qtrust.core.policy.KeyLimits.MAX_RSA_EXPONENT) > 0) {
                    return java.util.Optional.of("RSA public exponent above 2^32");
                }
            } else if (org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                org.bouncycastle.asn1.ASN1Encodable parameters = key.getAlgorithm().getParameters();
                if (!(parameters instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier curve)
                        || !limits.allowedCurves().contains(curve.getId())) {
                    return java.util.Optional.of("EC key off the allowed named curves");
                }
            }
            return java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.of("unreadable key");
        }
    }

    static byte[] sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-256", data));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    /** An identifier of an issuing CA: its name and key together (what a CertID hashes). */
    static String issuerId(X509Certificate issuer) {
        byte[] name = issuer.getSubjectX500Principal().getEncoded();
        byte[] key = issuer.getPublicKey().getEncoded();
        byte[] both = new byte[name.length + key.length];
        System.arraycopy(name, 0, both, 0, name.length);
        System.arraycopy(key, 0, both, name.length, key.length);
        return sha256Hex(both);
    }

    static String describe(X500Name name) {
        return name == null ? "(no name)" : name.toString();
    }

    static String describe(X509CertificateHolder certificate) {
        return "'" + certificate.getSubject() + "' (serial " + certificate.getSerialNumber().toString(16) + ")";
    }

    /** The first bytes of a body that is not what was expected, printable, for a trace line. */
    static String preview(byte[] body) {
        int length = Math.min(body.length, 40);
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < length; i++) {
            int c = body[i] & 0xff;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c > 0x7e) {
                printable = false;
                break;
            }
            text.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : (char) c);
        }
        if (printable) {
            return "starts with '" + text.toString().strip() + (body.length > length ? "…" : "") + "'";
        }
        return "starts with 0x" + HexFormat.of().formatHex(body, 0, Math.min(body.length, 16));
    }
}
