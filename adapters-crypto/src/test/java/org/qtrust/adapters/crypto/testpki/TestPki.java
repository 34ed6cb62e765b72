package org.qtrust.adapters.crypto.testpki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small test PKI: a root CA, an intermediate CA under it, and any certificates a test asks
 * for, built with Bouncy Castle's certificate builder and signed through the JDK's own JCA
 * providers (Bouncy Castle is not registered as a provider).
 *
 * <p>Fast and stable: keys are EC P-256 unless asked otherwise and are cached by name for the
 * life of the JVM, a {@code TestPki} is cached by name too, validity defaults to the fixed
 * period {@link #NOT_BEFORE}..{@link #NOT_AFTER}, and serial numbers count up from 1000.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * Credential signer = pki.endEntity("Trusted List Signer BE").validity(from, to).issue();
 * Credential ca = pki.certificate("CN=Test QC CA,O=Test TSP,C=BE").ca(0)
 *         .qcStatements(QcStatements.create().compliance().sscd().encoded()).issue();
 * }</pre>
 */
public final class TestPki {

    public static final Instant NOT_BEFORE = Instant.parse("2015-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2045-01-01T00:00:00Z");

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, TestPki> PKIS = new ConcurrentHashMap<>();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    private final String name;
    private final Credential root;
    private final Credential intermediate;

    private TestPki(String name) {
        this.name = name;
        this.root = new CertificateBuilder(this, "CN=" + name + " Root CA,O=" + name + ",C=EU")
                .selfSigned().ca(-1).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
        this.intermediate = new CertificateBuilder(this, "CN=" + name + " Issuing CA,O=" + name + ",C=EU")
                .issuedBy(root).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    }

    /** The default test PKI, "QTrust Test". */
    public static TestPki create() {
        return create("QTrust Test");
    }

    /** A test PKI whose names start with {@code name}; the same name gives the same PKI within a JVM. */
    public static TestPki create(String name) {
        return PKIS.computeIfAbsent(name, TestPki::new);
    }

    public Credential root() {
        return root;
    }

    public Credential intermediate() {
        return intermediate;
    }

    /**
     * An end-entity certificate "CN=commonName,O=name,C=EU" issued by the intermediate CA, for
     * signing (digitalSignature, nonRepudiation), not a CA. Adjust with the builder's methods.
     */
    public CertificateBuilder endEntity(String commonName) {
        return new CertificateBuilder(this, "CN=" + commonName + ",O=" + name + ",C=EU")
                .issuedBy(intermediate).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION);
    }

    /** Any certificate with this subject (RFC 2253 string); issued by the intermediate CA unless told otherwise. */
    public CertificateBuilder certificate(String subjectDn) {
        return new CertificateBuilder(this, subjectDn).issuedBy(intermediate);
    }

    /** An EC P-256 key pair, generated once per name and JVM. */
    public static KeyPair ecKey(String keyName) {
        return KEYS.computeIfAbsent("ec:" + keyName, k -> generate("EC", new ECGenParameterSpec("secp256r1"), 0));
    }

    /** An RSA 2048 key pair, generated once per name and JVM (slower than EC: use when RSA matters). */
    public static KeyPair rsaKey(String keyName) {
        return KEYS.computeIfAbsent("rsa:" + keyName, k -> generate("RSA", null, 2048));
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            } else {
                generator.initialize(size);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key", e);
        }
    }

    /** Builds one certificate. Every setter returns this builder; {@link #issue()} makes the certificate. */
    public static final class CertificateBuilder {

        private final TestPki pki;
        private final String subject;
        private Credential issuer;
        private boolean selfSigned;
        private KeyPair keyPair;
        private Instant notBefore = NOT_BEFORE;
        private Instant notAfter = NOT_AFTER;
        private BigInteger serial;
        private Integer pathLength;
        private boolean ca;
        private boolean basicConstraints = true;
        private Set<KeyUsage> keyUsage = EnumSet.noneOf(KeyUsage.class);
        private final List<String> policies = new ArrayList<>();
        private final List<String> extendedKeyUsage = new ArrayList<>();
        private final Map<String, Map.Entry<Boolean, byte[]>> extensions = new LinkedHashMap<>();
        private String ocspUrl;
        private String crlUrl;

        private CertificateBuilder(TestPki pki, String subject) {
            this.pki = pki;
            this.subject = Objects.requireNonNull(subject);
        }

        public CertificateBuilder issuedBy(Credential issuerCredential) {
            this.issuer = Objects.requireNonNull(issuerCredential);
            this.selfSigned = false;
            return this;
        }

        public CertificateBuilder selfSigned() {
            this.selfSigned = true;
            this.issuer = null;
            return this;
        }

        public CertificateBuilder key(KeyPair key) {
            this.keyPair = Objects.requireNonNull(key);
            return this;
        }

        /** Use the cached EC key of this name (several certificates for one key: re-certification). */
        public CertificateBuilder ecKey(String keyName) {
            return key(TestPki.ecKey(keyName));
        }

        public CertificateBuilder rsaKey(String keyName) {
            return key(TestPki.rsaKey(keyName));
        }

        public CertificateBuilder validity(Instant from, Instant to) {
            this.notBefore = Objects.requireNonNull(from);
            this.notAfter = Objects.requireNonNull(to);
            return this;
        }

        public CertificateBuilder serial(BigInteger serialNumber) {
            this.serial = Objects.requireNonNull(serialNumber);
            return this;
        }

        /** A CA (basicConstraints cA=true, critical); pathLength &lt; 0 means no limit. */
        public CertificateBuilder ca(int pathLengthConstraint) {
            this.ca = true;
            this.basicConstraints = true;
            this.pathLength = pathLengthConstraint < 0 ? null : pathLengthConstraint;
            return this;
        }

        /** Not a CA (basicConstraints cA=false). */
        public CertificateBuilder endEntity() {
            this.ca = false;
            this.basicConstraints = true;
            this.pathLength = null;
            return this;
        }

        /** No basicConstraints extension at all (as in some old certificates). */
        public CertificateBuilder withoutBasicConstraints() {
            this.basicConstraints = false;
            return this;
        }

        /** Replaces the key usage (critical); none given means no key usage extension. */
        public CertificateBuilder keyUsage(KeyUsage... usages) {
            this.keyUsage = usages.length == 0 ? EnumSet.noneOf(KeyUsage.class) : EnumSet.copyOf(List.of(usages));
            return this;
        }

        /** Certificate policy OIDs, e.g. "0.4.0.194112.1.2" (QCP-n-qscd). */
        public CertificateBuilder policies(String... policyOids) {
            this.policies.addAll(List.of(policyOids));
            return this;
        }

        /** Extended key usage OIDs, e.g. "1.3.6.1.5.5.7.3.9" (OCSP signing). */
        public CertificateBuilder extendedKeyUsage(String... purposeOids) {
            this.extendedKeyUsage.addAll(List.of(purposeOids));
            return this;
        }

        /** The QcStatements extension (1.3.6.1.5.5.7.1.3), non-critical; see {@link QcStatements}. */
        public CertificateBuilder qcStatements(byte[] encodedExtensionValue) {
            return extension(Extension.qCStatements.getId(), false, encodedExtensionValue);
        }

        /** Any extension, given as the DER of its value (the content of the extnValue OCTET STRING). */
        public CertificateBuilder extension(String oid, boolean critical, byte[] derValue) {
            this.extensions.put(oid, Map.entry(critical, derValue.clone()));
            return this;
        }

        /** Authority information access with an OCSP responder URL. */
        public CertificateBuilder ocspUrl(String url) {
            this.ocspUrl = url;
            return this;
        }

        /** A CRL distribution point URL. */
        public CertificateBuilder crlUrl(String url) {
            this.crlUrl = url;
            return this;
        }

        public Credential issue() {
            KeyPair subjectKey = keyPair != null ? keyPair : TestPki.ecKey(pki.name + "|" + subject);
            PrivateKey signingKey = selfSigned ? subjectKey.getPrivate() : issuer.privateKey();
            PublicKey issuerPublicKey = selfSigned ? subjectKey.getPublic() : issuer.publicKey();
            X500Principal subjectName = new X500Principal(subject);
            X500Principal issuerName = selfSigned ? subjectName : issuer.certificate().getSubjectX500Principal();
            BigInteger serialNumber = serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet());
            try {
                JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber,
                        Date.from(notBefore), Date.from(notAfter), subjectName, subjectKey.getPublic());
                builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublicKey));
                if (basicConstraints) {
                    builder.addExtension(Extension.basicConstraints, true,
                            !ca ? new BasicConstraints(false) : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
                }
                if (!keyUsage.isEmpty()) {
                    int bits = keyUsage.stream().mapToInt(u -> u.bit).reduce(0, (a, b) -> a | b);
                    builder.addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(bits));
                }
                if (!policies.isEmpty()) {
                    builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(policies.stream()
                            .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid))).toArray(PolicyInformation[]::new)));
                }
                if (!extendedKeyUsage.isEmpty()) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage.stream()
                            .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new)));
                }
                if (ocspUrl != null) {
                    builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                            new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl))));
                }
                if (crlUrl != null) {
                    builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
                }
                for (Map.Entry<String, Map.Entry<Boolean, byte[]>> extension : extensions.entrySet()) {
                    builder.addExtension(new ASN1ObjectIdentifier(extension.getKey()), extension.getValue().getKey(),
                            extension.getValue().getValue());
                }
                String algorithm = "EC".equals(signingKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
                byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)).getEncoded();
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(certificate);
                if (!selfSigned) {
                    chain.addAll(issuer.chain());
                }
                return new Credential(subjectKey.getPrivate(), certificate, chain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException("cannot issue a test certificate for " + subject, e);
            }
        }
    }
}
