package org.qtrust.adapters.crypto.issuance;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway issuer made in memory: an EC P-256 root CA and an issuer certificate under it,
 * valid around a given time. For benchmarks and sandboxes that need an SD-JWT VC issuer with a
 * real {@code x5c} chain and no files; trust it by making {@link #root()} a plain anchor.
 *
 * @param root       the self-signed root (the anchor)
 * @param issuer     the issuer certificate, signed by the root
 * @param issuerKeys the issuer's key pair
 */
public record GeneratedIssuer(X509Certificate root, X509Certificate issuer, KeyPair issuerKeys) {

    public static GeneratedIssuer create(String name, Instant around) {
        return create(name, around, java.util.Optional.empty());
    }

    /**
     * As above, the issuer certificate naming {@code iss} in its subjectAltName (a URI): the
     * {@code iss} of its credentials is then bound to its key by the certificate (issue 13.2).
     */
    public static GeneratedIssuer create(String name, Instant around, String iss) {
        return create(name, around, java.util.Optional.of(iss));
    }

    private static GeneratedIssuer create(String name, Instant around, java.util.Optional<String> iss) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair rootKeys = generator.generateKeyPair();
            KeyPair issuerKeys = generator.generateKeyPair();
            Instant from = around.minus(Duration.ofDays(30));
            Instant to = around.plus(Duration.ofDays(365));
            X500Principal rootName = new X500Principal("CN=" + name + " Root,O=" + name);
            X509Certificate root = certificate(rootName, rootName, rootKeys, rootKeys, from, to, true, java.util.Optional.empty());
            X509Certificate issuer = certificate(new X500Principal("CN=" + name + " Issuer,O=" + name), rootName,
                    issuerKeys, rootKeys, from, to, false, iss);
            return new GeneratedIssuer(root, issuer, issuerKeys);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot generate an issuer: " + e.getMessage(), e);
        }
    }

    /** An SD-JWT VC issuer signing ES256 with {@code x5c} [issuer]. */
    public SdJwtIssuer sdJwtIssuer() {
        return new SdJwtIssuer(issuerKeys.getPrivate(), "ES256", List.of(issuer));
    }

    private static X509Certificate certificate(X500Principal subject, X500Principal issuerName, KeyPair subjectKeys, KeyPair signerKeys,
                                               Instant from, Instant to, boolean ca, java.util.Optional<String> iss)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(System.nanoTime()).abs().add(BigInteger.ONE), Date.from(from), Date.from(to), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
        if (iss.isPresent()) {
            builder.addExtension(Extension.subjectAlternativeName, false, new org.bouncycastle.asn1.x509.GeneralNames(
                    new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier, iss.get())));
        }
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signerKeys.getPrivate())).getEncoded();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
