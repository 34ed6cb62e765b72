package org.qtrust.adapters.crypto.certificate;

import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.qtrust.core.cache.BoundedCache;
import org.qtrust.core.cache.Digest;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.KeyUsageBit;
import org.qtrust.core.certificate.QcStatements;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;

/**
 * Reads certificates with Bouncy Castle's ASN.1 classes and verifies their signatures through
 * the JCA (the JDK's providers first, Bouncy Castle's — never registered globally — for what
 * the JDK lacks, such as brainpool curves).
 *
 * <p>Both answers are cached, bounded in bytes and keyed by digests: reading the same bytes again, or verifying the same
 * certificate with the same key again, costs a hash lookup. That is what makes repeated
 * decisions on the same certificates (an inventory audited every day, a server seeing the same
 * CAs) fast; the cache holds no trust, only parsing and arithmetic results.
 */
public final class BouncyCastleCertificateInspector implements CertificateInspector {

    /**
     * What the caches may hold together, in bytes (issue 15 item 3): least recently used entries
     * go first; keys are SHA-256 digests, never the certificates themselves. 64 MiB keeps tens of
     * thousands of ordinary certificates; a flood of large distinct ones only evicts.
     */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final ASN1ObjectIdentifier QC_STATEMENTS = Extension.qCStatements;

    /** Extensions whose content this reader takes into account (RFC 5280 §4.2: a critical one not in here rejects). */
    private static final Set<String> PROCESSED = Set.of(
            Extension.subjectKeyIdentifier.getId(), Extension.authorityKeyIdentifier.getId(), Extension.basicConstraints.getId(),
            Extension.keyUsage.getId(), Extension.extendedKeyUsage.getId(), Extension.certificatePolicies.getId(),
            QC_STATEMENTS.getId(), Extension.subjectAlternativeName.getId(), Extension.issuerAlternativeName.getId(),
            Extension.cRLDistributionPoints.getId(), Extension.authorityInfoAccess.getId(), Extension.subjectInfoAccess.getId(),
            Extension.subjectDirectoryAttributes.getId(), Extension.privateKeyUsagePeriod.getId(), Extension.freshestCRL.getId(),
            "1.3.6.1.5.5.7.48.1.5" /* id-pkix-ocsp-nocheck */, "1.3.6.1.4.1.11129.2.4.2" /* CT SCT list */);

    private final BoundedCache<Digest, Object> certificates;
    private final BoundedCache<String, Boolean> signatures;
    private final BoundedCache<String, SubjectPublicKey> keys;

    public BouncyCastleCertificateInspector() {
        this(DEFAULT_CACHE_BYTES);
    }

    /** @param maxCacheBytes what the caches may hold together (certificates ¾, keys and signature results ⅛ each) */
    public BouncyCastleCertificateInspector(long maxCacheBytes) {
        if (maxCacheBytes < 8) {
            throw new IllegalArgumentException("cache size must be positive");
        }
        this.certificates = new BoundedCache<>(maxCacheBytes / 4 * 3);
        this.signatures = new BoundedCache<>(maxCacheBytes / 8);
        this.keys = new BoundedCache<>(maxCacheBytes / 8);
    }

    /** What the certificate cache holds now, in bytes (for tests and metrics). */
    public long cachedCertificateBytes() {
        return certificates.bytes();
    }

    @Override
    public CertificateFacts inspect(byte[] der) throws MalformedCertificateException {
        Digest digest = Digest.of(der);
        Object cached = certificates.get(digest);
        if (cached == null) {
            byte[] copy = der.clone();
            try {
                cached = read(copy);
            } catch (MalformedCertificateException e) {
                cached = e.getMessage();
            }
            // The facts keep the DER and what was parsed from it: about twice its size, plus the objects around it.
            certificates.put(digest, cached, Digest.WEIGHT + 2L * copy.length + 2048);
        }
        if (cached instanceof CertificateFacts facts) {
            return facts;
        }
        throw new MalformedCertificateException((String) cached);
    }

    @Override
    public SubjectPublicKey publicKey(byte[] subjectPublicKeyInfo) throws MalformedCertificateException {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(subjectPublicKeyInfo));
            return key(info);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedCertificateException("not a SubjectPublicKeyInfo: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean signatureVerifies(CertificateFacts certificate, SubjectPublicKey issuerKey) {
        String cacheKey = certificate.sha256() + '|' + issuerKey.id();
        Boolean known = signatures.get(cacheKey);
        if (known != null) {
            return known;
        }
        boolean verifies = verify(certificate, issuerKey);
        signatures.put(cacheKey, verifies, 64 + 2L * cacheKey.length());
        return verifies;
    }

    private static boolean verify(CertificateFacts certificate, SubjectPublicKey issuerKey) {
        X509CertificateHolder holder;
        SubjectPublicKeyInfo key;
        try {
            holder = new X509CertificateHolder(certificate.der());
            key = SubjectPublicKeyInfo.getInstance(issuerKey.encoded());
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        try {
            ContentVerifierProvider jdk = new JcaContentVerifierProviderBuilder().build(key);
            return holder.isSignatureValid(jdk);
        } catch (OperatorCreationException | CertException | RuntimeException jdkCannot) {
            // the JDK's providers lack the curve or algorithm (brainpool…): Bouncy Castle's may have it
            try {
                ContentVerifierProvider bc = new JcaContentVerifierProviderBuilder().setProvider(BOUNCY_CASTLE).build(key);
                return holder.isSignatureValid(bc);
            } catch (OperatorCreationException | CertException | RuntimeException bcCannot) {
                return false; // an unusable key or algorithm does not verify
            }
        }
    }

    private CertificateFacts read(byte[] der) throws MalformedCertificateException {
        Certificate certificate;
        try {
            certificate = Certificate.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new MalformedCertificateException("not a DER X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (certificate == null) {
            throw new MalformedCertificateException("empty input");
        }
        try {
            return facts(der, certificate);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw new MalformedCertificateException("unreadable certificate field (" + e.getMessage() + ")", e);
        }
    }

    private CertificateFacts facts(byte[] der, Certificate certificate) throws MalformedCertificateException {
        TBSCertificate tbs = certificate.getTBSCertificate();
        if (!certificate.getSignatureAlgorithm().equals(tbs.getSignature())) {
            throw new MalformedCertificateException("signatureAlgorithm differs from the TBSCertificate's signature field (RFC 5280 §4.1.1.2)");
        }
        X500Name subject = tbs.getSubject();
        X500Name issuer = tbs.getIssuer();
        CertificateFacts.Builder builder = CertificateFacts.builder()
                .der(der)
                .sha256(sha256(der))
                .subject(DistinguishedNames.display(subject), DistinguishedNames.canonical(subject))
                .issuer(DistinguishedNames.display(issuer), DistinguishedNames.canonical(issuer))
                .subjectCountry(DistinguishedNames.first(subject, DistinguishedNames.COUNTRY).orElse(null))
                .issuerCountry(DistinguishedNames.first(issuer, DistinguishedNames.COUNTRY).orElse(null))
                .subjectOrganization(DistinguishedNames.first(subject, DistinguishedNames.ORGANIZATION).orElse(null))
                .serialNumber(tbs.getSerialNumber().getValue().toString(16))
                .validity(tbs.getStartDate().getDate().toInstant(), tbs.getEndDate().getDate().toInstant())
                .publicKey(key(tbs.getSubjectPublicKeyInfo()))
                .signatureAlgorithm(SignatureAlgorithms.of(certificate.getSignatureAlgorithm()))
                .subjectAttributeTypes(DistinguishedNames.attributeTypes(subject));
        List<String> notes = new ArrayList<>();
        List<String> unhandled = new ArrayList<>();
        Extensions extensions = tbs.getExtensions();
        if (extensions != null) {
            for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                Extension extension = extensions.getExtension(oid);
                if (extension.isCritical() && !PROCESSED.contains(oid.getId())) {
                    unhandled.add(oid.getId());
                }
                try {
                    extension(builder, oid, extension, notes);
                } catch (IllegalArgumentException | IllegalStateException | ClassCastException | ArithmeticException e) {
                    if (extension.isCritical()) {
                        throw new MalformedCertificateException("critical extension " + oid.getId() + " is malformed (" + e.getMessage() + ")", e);
                    }
                    notes.add("non-critical extension " + oid.getId() + " is malformed and ignored");
                }
            }
        }
        return builder.unhandledCriticalExtensions(unhandled).notes(notes).build();
    }

    private static void extension(CertificateFacts.Builder builder, ASN1ObjectIdentifier oid, Extension extension, List<String> notes) {
        ASN1Encodable value = extension.getParsedValue();
        if (oid.equals(Extension.subjectKeyIdentifier)) {
            builder.subjectKeyIdentifier(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
        } else if (oid.equals(Extension.authorityKeyIdentifier)) {
            byte[] id = AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier();
            if (id != null) {
                builder.authorityKeyIdentifier(id);
            }
        } else if (oid.equals(Extension.basicConstraints)) {
            BasicConstraints constraints = BasicConstraints.getInstance(value);
            BigInteger length = constraints.getPathLenConstraint();
            builder.basicConstraints(constraints.isCA(),
                    length == null ? -1 : length.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact());
        } else if (oid.equals(Extension.keyUsage)) {
            builder.keyUsage(keyUsage(KeyUsage.getInstance(value)));
        } else if (oid.equals(Extension.extendedKeyUsage)) {
            List<String> purposes = new ArrayList<>();
            for (KeyPurposeId purpose : ExtendedKeyUsage.getInstance(value).getUsages()) {
                purposes.add(purpose.getId());
            }
            builder.extendedKeyUsage(purposes);
        } else if (oid.equals(Extension.certificatePolicies)) {
            List<String> policies = new ArrayList<>();
            for (PolicyInformation policy : CertificatePolicies.getInstance(value).getPolicyInformation()) {
                policies.add(policy.getPolicyIdentifier().getId());
            }
            builder.policies(policies);
        } else if (oid.equals(QC_STATEMENTS)) {
            QcStatements statements = QcStatementsParser.parse(extension.getExtnValue().getOctets());
            statements.problem().ifPresent(problem -> notes.add("QcStatements: " + problem));
            builder.qcStatements(statements);
        }
    }

    private static Set<KeyUsageBit> keyUsage(KeyUsage usage) {
        Set<KeyUsageBit> bits = EnumSet.noneOf(KeyUsageBit.class);
        int[] flags = {KeyUsage.digitalSignature, KeyUsage.nonRepudiation, KeyUsage.keyEncipherment, KeyUsage.dataEncipherment,
            KeyUsage.keyAgreement, KeyUsage.keyCertSign, KeyUsage.cRLSign, KeyUsage.encipherOnly, KeyUsage.decipherOnly};
        KeyUsageBit[] values = KeyUsageBit.values();
        for (int i = 0; i < flags.length; i++) {
            if (usage.hasUsages(flags[i])) {
                bits.add(values[i]);
            }
        }
        return bits;
    }

    private SubjectPublicKey key(SubjectPublicKeyInfo info) {
        byte[] encoded;
        try {
            encoded = info.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalArgumentException("SubjectPublicKeyInfo cannot be encoded", e);
        }
        String id = sha256(encoded);
        SubjectPublicKey known = keys.get(id);
        if (known != null) {
            return known;
        }
        byte[] keyIdentifier = digest("SHA-1", info.getPublicKeyData().getBytes());
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        String name = algorithm.getId();
        int bits = 0;
        java.util.Optional<String> curveOid = java.util.Optional.empty();
        java.util.Optional<BigInteger> exponent = java.util.Optional.empty();
        ASN1Encodable parameters = info.getAlgorithm().getParameters();
        try {
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) || algorithm.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
                name = "RSA";
                RSAPublicKey rsa = RSAPublicKey.getInstance(info.parsePublicKey());
                bits = rsa.getModulus().bitLength();
                exponent = java.util.Optional.of(rsa.getPublicExponent());
            } else if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                name = "EC";
                if (parameters instanceof ASN1ObjectIdentifier named) {
                    curveOid = java.util.Optional.of(named.getId()); // explicit parameters stay empty: key limits refuse them
                }
                X9ECParameters curve = parameters instanceof ASN1ObjectIdentifier named
                        ? ECNamedCurveTable.getByOID(named) : X9ECParameters.getInstance(parameters);
                bits = curve == null ? 0 : curve.getCurve().getFieldSize();
            } else if (algorithm.equals(X9ObjectIdentifiers.id_dsa)) {
                name = "DSA";
                bits = parameters == null ? 0 : DSAParameter.getInstance(parameters).getP().bitLength();
            } else if ("1.3.101.112".equals(algorithm.getId())) {
                name = "Ed25519";
                bits = 256;
            } else if ("1.3.101.113".equals(algorithm.getId())) {
                name = "Ed448";
                bits = 456;
            }
        } catch (IOException | IllegalArgumentException e) {
            bits = 0;
        }
        SubjectPublicKey key = new SubjectPublicKey(encoded, id, keyIdentifier, name, bits, curveOid, exponent);
        keys.put(id, key, 256 + 2L * id.length() + 2L * encoded.length);
        return key;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
