package org.qtrust.adapters.ocsp.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.function.Consumer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small test PKI built with Bouncy Castle: EC P-256 keys, certificates, CRLs, PEM files. */
public final class TestPki {

    private TestPki() {
    }

    /** A key and its certificate. */
    public record Identity(KeyPair keys, X509Certificate certificate) {
        public PrivateKey privateKey() {
            return keys.getPrivate();
        }

        public X500Name name() {
            return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        }
    }

    /** One CRL entry. */
    public record Revoked(Instant at, int reason) {
    }

    public static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Identity rootCa(String cn, Instant from, Instant to) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=" + cn + ",O=QTrust Test,C=EU");
        X509Certificate certificate = build(name, keys.getPublic(), name, keys.getPrivate(), BigInteger.ONE, from, to,
                builder -> {
                    add(builder, Extension.basicConstraints, true, new BasicConstraints(true));
                    add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                });
        return new Identity(keys, certificate);
    }

    public static Identity issue(String cn, Identity issuer, BigInteger serial, Instant from, Instant to,
                                 Consumer<X509v3CertificateBuilder> extensions) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=" + cn + ",O=QTrust Test,C=EU");
        X509Certificate certificate = build(name, keys.getPublic(), issuer.name(), issuer.privateKey(), serial, from, to,
                extensions);
        return new Identity(keys, certificate);
    }

    /** A self-signed certificate that claims to be an OCSP responder. */
    public static Identity selfSignedResponder(String cn, Instant from, Instant to) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=" + cn + ",O=Elsewhere,C=EU");
        X509Certificate certificate = build(name, keys.getPublic(), name, keys.getPrivate(), BigInteger.TWO, from, to,
                TestPki::ocspSigning);
        return new Identity(keys, certificate);
    }

    public static X509Certificate build(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
                                        BigInteger serial, Instant from, Instant to,
                                        Consumer<X509v3CertificateBuilder> extensions) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from),
                    Date.from(to), subject, key);
            extensions.accept(builder);
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void add(X509v3CertificateBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
                           boolean critical, org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            builder.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extensions of an end-entity certificate: AIA OCSP URL and CRL distribution point, each optional. */
    public static Consumer<X509v3CertificateBuilder> leaf(String ocspUrl, String crlUrl) {
        return builder -> {
            add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (ocspUrl != null) {
                add(builder, Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (crlUrl != null) {
                add(builder, Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            }
        };
    }

    /** id-kp-OCSPSigning and id-pkix-ocsp-nocheck: an authorised delegated responder. */
    public static void ocspSigning(X509v3CertificateBuilder builder) {
        add(builder, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        add(builder, OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
    }

    /** A CRL with the given issuer name, signed by the given key (normally the issuer's). */
    public static byte[] crl(X500Name issuer, PrivateKey signingKey, Instant thisUpdate, Instant nextUpdate,
                             Map<BigInteger, Revoked> entries) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
            if (nextUpdate != null) {
                builder.setNextUpdate(Date.from(nextUpdate));
            }
            entries.forEach((serial, revoked) -> builder.addCRLEntry(serial, Date.from(revoked.at()), revoked.reason()));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        try {
            writePem(file, "CERTIFICATE", certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IOException(e);
        }
    }

    public static void writeKey(Path file, PrivateKey key) throws IOException {
        writePem(file, "PRIVATE KEY", key.getEncoded());
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
