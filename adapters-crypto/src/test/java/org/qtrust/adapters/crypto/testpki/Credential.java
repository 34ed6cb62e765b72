package org.qtrust.adapters.crypto.testpki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * A private key with its certificate and the chain up to (and including) the root,
 * leaf first. What a test needs to sign something and to publish the signer.
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public Credential {
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(certificate);
        chain = List.copyOf(chain);
    }

    static Credential of(KeyAndCertificate issued) {
        return new Credential(issued.privateKey(), issued.certificate(), issued.chain());
    }

    /** The same credential in the product's PKI type. */
    public KeyAndCertificate keyAndCertificate() {
        return new KeyAndCertificate(privateKey, certificate, chain);
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public KeyPair keyPair() {
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }

    /** The certificate as the domain holds it (DER). */
    public ServiceCertificate serviceCertificate() {
        return ServiceCertificate.of(certificate);
    }

    /** The subject in RFC 2253 form. */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }
}
