package org.qtrust.adapters.crypto.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain up to (and including) the root, leaf
 * first: what it takes to sign something and to publish the signer.
 */
public record KeyAndCertificate(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    public KeyAndCertificate {
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(certificate);
        chain = List.copyOf(chain);
    }

    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    public KeyPair keyPair() {
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }
}
