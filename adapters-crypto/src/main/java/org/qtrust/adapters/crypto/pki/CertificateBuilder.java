package org.qtrust.adapters.crypto.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

/**
 * Builds one X.509 v3 certificate with Bouncy Castle. The subject key and serial number are
 * given, signatures are deterministic ({@link DeterministicSignatures}), so the same inputs give
 * the same bytes. Every setter returns this builder; {@link #issue()} makes the certificate.
 *
 * <pre>{@code
 * KeyAndCertificate ca = CertificateBuilder.subject("CN=Sandbox QC CA,O=Sandbox TSP,C=XA", key, serial)
 *         .issuedBy(root).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(from, to).issue();
 * }</pre>
 */
public final class CertificateBuilder {

    private static final String EXTENDED_KEY_USAGE_OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";

    private final String subject;
    private final KeyPair keyPair;
    private final BigInteger serial;
    private KeyAndCertificate issuer;
    private boolean selfSigned = true;
    private Instant notBefore;
    private Instant notAfter;
    private Integer pathLength;
    private boolean ca;
    private boolean basicConstraints = true;
    private Set<KeyUsage> keyUsage = EnumSet.noneOf(KeyUsage.class);
    private final List<String> policies = new ArrayList<>();
    private final List<String> extendedKeyUsage = new ArrayList<>();
    private final Map<String, Map.Entry<Boolean, byte[]>> extensions = new LinkedHashMap<>();
    private String ocspUrl;
    private String crlUrl;
    private String signatureAlgorithm;

    private CertificateBuilder(String subject, KeyPair keyPair, BigInteger serial) {
        this.subject = Objects.requireNonNull(subject);
        this.keyPair = Objects.requireNonNull(keyPair);
        this.serial = Objects.requireNonNull(serial);
    }

    /** A certificate for this subject (RFC 2253 string) and key; self-signed until {@link #issuedBy}. */
    public static CertificateBuilder subject(String subjectDn, KeyPair subjectKey, BigInteger serialNumber) {
        return new CertificateBuilder(subjectDn, subjectKey, serialNumber);
    }

    public CertificateBuilder issuedBy(KeyAndCertificate issuerCredential) {
        this.issuer = Objects.requireNonNull(issuerCredential);
        this.selfSigned = false;
        return this;
    }

    public CertificateBuilder selfSigned() {
        this.selfSigned = true;
        this.issuer = null;
        return this;
    }

    public CertificateBuilder validity(Instant from, Instant to) {
        this.notBefore = Objects.requireNonNull(from);
        this.notAfter = Objects.requireNonNull(to);
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

    /** id-pkix-ocsp-nocheck (RFC 6960 4.2.2.2.1): a delegated responder whose own status is not checked. */
    public CertificateBuilder ocspNoCheck() {
        return extension(EXTENDED_KEY_USAGE_OCSP_NO_CHECK, false, new byte[] {0x05, 0x00});
    }

    /** The QcStatements extension (1.3.6.1.5.5.7.1.3), non-critical; see {@link QcStatementsBuilder}. */
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

    /**
     * A subjectAltName (RFC 5280 §4.2.1.6, non-critical) of these names: a value with "://" is a
     * uniformResourceIdentifier, any other a dNSName. A credential issuer's certificate names its
     * {@code iss} this way (draft-ietf-oauth-sd-jwt-vc, issue 13.2).
     */
    public CertificateBuilder subjectAltNames(String... names) {
        GeneralName[] general = java.util.Arrays.stream(names).map(name -> name.contains("://")
                ? new GeneralName(GeneralName.uniformResourceIdentifier, name) : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        try {
            return extension(Extension.subjectAlternativeName.getId(), false, new GeneralNames(general).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JCA signature algorithm (default SHA-256 with the issuer's key type), e.g. "SHA1withECDSA" for a weak one. */
    public CertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    public KeyAndCertificate issue() {
        if (notBefore == null) {
            throw new IllegalStateException("no validity period for " + subject);
        }
        PrivateKey signingKey = selfSigned ? keyPair.getPrivate() : issuer.privateKey();
        PublicKey issuerPublicKey = selfSigned ? keyPair.getPublic() : issuer.publicKey();
        X500Principal subjectName = new X500Principal(subject);
        X500Principal issuerName = selfSigned ? subjectName : issuer.certificate().getSubjectX500Principal();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(notBefore), Date.from(notAfter), subjectName, keyPair.getPublic());
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keyPair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublicKey));
            if (basicConstraints) {
                builder.addExtension(Extension.basicConstraints, true,
                        !ca ? new BasicConstraints(false) : pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            }
            if (!keyUsage.isEmpty()) {
                int bits = keyUsage.stream().mapToInt(KeyUsage::bit).reduce(0, (a, b) -> a | b);
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
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm : DeterministicSignatures.defaultAlgorithm(signingKey);
            byte[] der = builder.build(DeterministicSignatures.signer(signingKey, algorithm)).getEncoded();
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            if (!selfSigned) {
                chain.addAll(issuer.chain());
            }
            return new KeyAndCertificate(keyPair.getPrivate(), certificate, chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + subject, e);
        }
    }
}
