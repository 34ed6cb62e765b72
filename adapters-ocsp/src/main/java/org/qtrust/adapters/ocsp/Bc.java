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
