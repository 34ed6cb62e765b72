package org.qtrust.core.trustedlist;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X.509 certificate as a list publishes it (DER bytes). Kept encoded because a loaded
 * snapshot holds thousands of them and most are never needed; {@link #toX509()} decodes
 * on demand, and indexes that need the key cache the decoded form.
 */
public final class ServiceCertificate {

    private final byte[] der;

    private ServiceCertificate(byte[] der) {
        this.der = der;
    }

    /** Checks that the bytes decode as an X.509 certificate, so a list cannot carry garbage here. */
    public static ServiceCertificate fromDer(byte[] der) {
        ServiceCertificate certificate = new ServiceCertificate(der.clone());
        certificate.toX509();
        return certificate;
    }

    public static ServiceCertificate of(X509Certificate certificate) {
        try {
            return new ServiceCertificate(certificate.getEncoded());
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    public byte[] der() {
        return der.clone();
    }

    public X509Certificate toX509() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public String sha256Hex() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public boolean sameAs(X509Certificate other) {
        try {
            return Arrays.equals(der, other.getEncoded());
        } catch (CertificateException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceCertificate other && Arrays.equals(der, other.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "ServiceCertificate[sha256=" + sha256Hex() + "]";
    }
}
