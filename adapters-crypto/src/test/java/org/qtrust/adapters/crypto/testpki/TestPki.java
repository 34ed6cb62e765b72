package org.qtrust.adapters.crypto.testpki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A small test PKI: a root CA, an intermediate CA under it, and any certificates a test asks
 * for, built by the product's {@link org.qtrust.adapters.crypto.pki.CertificateBuilder}
 * (Bouncy Castle, never registered as a provider).
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

    /**
     * Builds one certificate: a thin front of the product's
     * {@link org.qtrust.adapters.crypto.pki.CertificateBuilder} that fills in this PKI's defaults
     * (cached key by subject, next serial, the fixed validity period). Every setter returns this
     * builder; {@link #issue()} makes the certificate.
     */
    public static final class CertificateBuilder {

        private final TestPki pki;
        private final String subject;
        private Credential issuer;
        private boolean selfSigned;
        private KeyPair keyPair;
        private Instant notBefore = NOT_BEFORE;
        private Instant notAfter = NOT_AFTER;
        private BigInteger serial;
        private final List<UnaryOperator<org.qtrust.adapters.crypto.pki.CertificateBuilder>> settings = new ArrayList<>();

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
            return set(b -> b.ca(pathLengthConstraint));
        }

        /** Not a CA (basicConstraints cA=false). */
        public CertificateBuilder endEntity() {
            return set(org.qtrust.adapters.crypto.pki.CertificateBuilder::endEntity);
        }

        /** No basicConstraints extension at all (as in some old certificates). */
        public CertificateBuilder withoutBasicConstraints() {
            return set(org.qtrust.adapters.crypto.pki.CertificateBuilder::withoutBasicConstraints);
        }

        /** Replaces the key usage (critical); none given means no key usage extension. */
        public CertificateBuilder keyUsage(KeyUsage... usages) {
            org.qtrust.adapters.crypto.pki.KeyUsage[] bits = Arrays.stream(usages).map(KeyUsage::toPki)
                    .toArray(org.qtrust.adapters.crypto.pki.KeyUsage[]::new);
            return set(b -> b.keyUsage(bits));
        }

        /** Certificate policy OIDs, e.g. "0.4.0.194112.1.2" (QCP-n-qscd). */
        public CertificateBuilder policies(String... policyOids) {
            return set(b -> b.policies(policyOids));
        }

        /** Extended key usage OIDs, e.g. "1.3.6.1.5.5.7.3.9" (OCSP signing). */
        public CertificateBuilder extendedKeyUsage(String... purposeOids) {
            return set(b -> b.extendedKeyUsage(purposeOids));
        }

        /** The QcStatements extension (1.3.6.1.5.5.7.1.3), non-critical; see {@link QcStatements}. */
        public CertificateBuilder qcStatements(byte[] encodedExtensionValue) {
            byte[] value = encodedExtensionValue.clone();
            return set(b -> b.qcStatements(value));
        }

        /** Any extension, given as the DER of its value (the content of the extnValue OCTET STRING). */
        public CertificateBuilder extension(String oid, boolean critical, byte[] derValue) {
            byte[] value = derValue.clone();
            return set(b -> b.extension(oid, critical, value));
        }

        /** Authority information access with an OCSP responder URL. */
        public CertificateBuilder ocspUrl(String url) {
            return set(b -> b.ocspUrl(url));
        }

        /** A CRL distribution point URL. */
        public CertificateBuilder crlUrl(String url) {
            return set(b -> b.crlUrl(url));
        }

        /** A subjectAltName: "scheme://…" values as URIs, others as dNSNames (a credential issuer's iss, issue 13.2). */
        public CertificateBuilder subjectAltNames(String... names) {
            String[] copy = names.clone();
            return set(b -> b.subjectAltNames(copy));
        }

        private CertificateBuilder set(UnaryOperator<org.qtrust.adapters.crypto.pki.CertificateBuilder> setting) {
            settings.add(setting);
            return this;
        }

        public Credential issue() {
            KeyPair subjectKey = keyPair != null ? keyPair : TestPki.ecKey(pki.name + "|" + subject);
            BigInteger serialNumber = serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet());
            org.qtrust.adapters.crypto.pki.CertificateBuilder builder = org.qtrust.adapters.crypto.pki.CertificateBuilder
                    .subject(subject, subjectKey, serialNumber).validity(notBefore, notAfter);
            if (!selfSigned) {
                builder.issuedBy(issuer.keyAndCertificate());
            }
            for (UnaryOperator<org.qtrust.adapters.crypto.pki.CertificateBuilder> setting : settings) {
                setting.apply(builder);
            }
            return Credential.of(builder.issue());
        }
    }
}
