package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a trust decision needs to know about one X.509 certificate, read once by the crypto
 * adapter ({@link org.qtrust.core.certificate.port.CertificateInspector}) and immutable.
 * Nothing here is trusted: it is the certificate's own claim until a path to a listed key
 * has been verified.
 */
public final class CertificateFacts {

    private final byte[] der;
    private final String sha256;
    private final String subject;
    private final String issuer;
    private final String subjectKey;
    private final String issuerKey;
    private final Optional<String> subjectCountry;
    private final Optional<String> issuerCountry;
    private final Optional<String> subjectOrganization;
    private final String serialNumber;
    private final Instant notBefore;
    private final Instant notAfter;
    private final SubjectPublicKey publicKey;
    private final SignatureAlgorithm signatureAlgorithm;
    private final Optional<byte[]> subjectKeyIdentifier;
    private final Optional<byte[]> authorityKeyIdentifier;
    private final boolean basicConstraintsPresent;
    private final boolean ca;
    private final int pathLength;
    private final Optional<Set<KeyUsageBit>> keyUsage;
    private final List<String> extendedKeyUsage;
    private final List<String> policies;
    private final Set<String> subjectAttributeTypes;
    private final QcStatements qcStatements;
    private final List<String> unhandledCriticalExtensions;
    private final List<String> notes;

    private CertificateFacts(Builder b) {
        this.der = Objects.requireNonNull(b.der, "der").clone();
        this.sha256 = Objects.requireNonNull(b.sha256, "sha256");
        this.subject = Objects.requireNonNull(b.subject, "subject");
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.subjectKey = Objects.requireNonNull(b.subjectKey, "subjectKey");
        this.issuerKey = Objects.requireNonNull(b.issuerKey, "issuerKey");
        this.subjectCountry = Optional.ofNullable(b.subjectCountry);
        this.issuerCountry = Optional.ofNullable(b.issuerCountry);
        this.subjectOrganization = Optional.ofNullable(b.subjectOrganization);
        this.serialNumber = Objects.requireNonNull(b.serialNumber, "serialNumber");
        this.notBefore = Objects.requireNonNull(b.notBefore, "notBefore");
        this.notAfter = Objects.requireNonNull(b.notAfter, "notAfter");
        this.publicKey = Objects.requireNonNull(b.publicKey, "publicKey");
        this.signatureAlgorithm = Objects.requireNonNull(b.signatureAlgorithm, "signatureAlgorithm");
        this.subjectKeyIdentifier = Optional.ofNullable(b.subjectKeyIdentifier).map(byte[]::clone);
        this.authorityKeyIdentifier = Optional.ofNullable(b.authorityKeyIdentifier).map(byte[]::clone);
        this.basicConstraintsPresent = b.basicConstraintsPresent;
        this.ca = b.ca;
        this.pathLength = b.pathLength;
        this.keyUsage = b.keyUsage == null ? Optional.empty()
                : Optional.of(Collections.unmodifiableSet(b.keyUsage.isEmpty()
                        ? EnumSet.noneOf(KeyUsageBit.class) : EnumSet.copyOf(b.keyUsage)));
        this.extendedKeyUsage = List.copyOf(b.extendedKeyUsage);
        this.policies = List.copyOf(b.policies);
        this.subjectAttributeTypes = Set.copyOf(b.subjectAttributeTypes);
        this.qcStatements = Objects.requireNonNull(b.qcStatements, "qcStatements");
        this.unhandledCriticalExtensions = List.copyOf(b.unhandledCriticalExtensions);
        this.notes = List.copyOf(b.notes);
    }

    public static Builder builder() {
        return new Builder();
    }

    private CertificateFacts(CertificateFacts other, QcStatements qcStatements) {
        this.der = other.der;
        this.sha256 = other.sha256;
        this.subject = other.subject;
        this.issuer = other.issuer;
        this.subjectKey = other.subjectKey;
        this.issuerKey = other.issuerKey;
        this.subjectCountry = other.subjectCountry;
        this.issuerCountry = other.issuerCountry;
        this.subjectOrganization = other.subjectOrganization;
        this.serialNumber = other.serialNumber;
        this.notBefore = other.notBefore;
        this.notAfter = other.notAfter;
        this.publicKey = other.publicKey;
        this.signatureAlgorithm = other.signatureAlgorithm;
        this.subjectKeyIdentifier = other.subjectKeyIdentifier;
        this.authorityKeyIdentifier = other.authorityKeyIdentifier;
        this.basicConstraintsPresent = other.basicConstraintsPresent;
        this.ca = other.ca;
        this.pathLength = other.pathLength;
        this.keyUsage = other.keyUsage;
        this.extendedKeyUsage = other.extendedKeyUsage;
        this.policies = other.policies;
        this.subjectAttributeTypes = other.subjectAttributeTypes;
        this.qcStatements = Objects.requireNonNull(qcStatements, "qcStatements");
        this.unhandledCriticalExtensions = other.unhandledCriticalExtensions;
        this.notes = other.notes;
    }

    /**
     * The same certificate read with other QCStatements: how a mutual recognition agreement's
     * certificate content equivalences present a third country's certificate to the EU rules.
     */
    public CertificateFacts withQcStatements(QcStatements replaced) {
        return new CertificateFacts(this, replaced);
    }

    /** The certificate as given (DER). */
    public byte[] der() {
        return der.clone();
    }

    /** SHA-256 of the DER, lower-case hex: the certificate's identity in traces and caches. */
    public String sha256() {
        return sha256;
    }

    /** Subject DN, RFC 2253, for display. */
    public String subject() {
        return subject;
    }

    /** Issuer DN, RFC 2253, for display. */
    public String issuer() {
        return issuer;
    }

    /** Subject DN in a canonical form (RFC 2253 canonical), to find candidate issuers by name. */
    public String subjectKey() {
        return subjectKey;
    }

    /** Issuer DN in the same canonical form as {@link #subjectKey()}. */
    public String issuerKey() {
        return issuerKey;
    }

    public Optional<String> subjectCountry() {
        return subjectCountry;
    }

    public Optional<String> issuerCountry() {
        return issuerCountry;
    }

    public Optional<String> subjectOrganization() {
        return subjectOrganization;
    }

    /** Serial number, lower-case hex. */
    public String serialNumber() {
        return serialNumber;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    public SubjectPublicKey publicKey() {
        return publicKey;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The SubjectKeyIdentifier extension's key identifier, when present (self-asserted). */
    public Optional<byte[]> subjectKeyIdentifier() {
        return subjectKeyIdentifier.map(byte[]::clone);
    }

    /** The AuthorityKeyIdentifier's keyIdentifier, when present (a hint to find the issuer). */
    public Optional<byte[]> authorityKeyIdentifier() {
        return authorityKeyIdentifier.map(byte[]::clone);
    }

    public boolean basicConstraintsPresent() {
        return basicConstraintsPresent;
    }

    /** basicConstraints cA. */
    public boolean isCa() {
        return ca;
    }

    /** basicConstraints pathLenConstraint; -1 when absent (no limit). */
    public int pathLength() {
        return pathLength;
    }

    /** The key usage bits; empty when the certificate has no keyUsage extension (RFC 5280: no restriction). */
    public Optional<Set<KeyUsageBit>> keyUsage() {
        return keyUsage;
    }

    /** Whether a key usage bit is asserted (false when there is no keyUsage extension). */
    public boolean hasKeyUsage(KeyUsageBit bit) {
        return keyUsage.map(bits -> bits.contains(bit)).orElse(false);
    }

    /** ExtendedKeyUsage purpose OIDs. */
    public List<String> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** certificatePolicies policy identifiers. */
    public List<String> policies() {
        return policies;
    }

    /** The attribute type OIDs present in the subject DN (e.g. 2.5.4.97 organizationIdentifier). */
    public Set<String> subjectAttributeTypes() {
        return subjectAttributeTypes;
    }

    public QcStatements qcStatements() {
        return qcStatements;
    }

    /** Critical extensions the inspector does not process (RFC 5280 §4.2: such a certificate must be rejected). */
    public List<String> unhandledCriticalExtensions() {
        return unhandledCriticalExtensions;
    }

    /** What the inspector noticed while reading (malformed non-critical extensions…), readable by a person. */
    public List<String> notes() {
        return notes;
    }

    /** Subject and issuer names are the same (self-issued; RFC 5280 §3.2). */
    public boolean selfIssued() {
        return subjectKey.equals(issuerKey);
    }

    public String authorityKeyIdentifierHex() {
        return authorityKeyIdentifier.map(HexFormat.of()::formatHex).orElse("-");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFacts other && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[" + subject + ", sha256=" + sha256.substring(0, 12) + "]";
    }

    /** Collects the facts; the crypto adapter fills it. */
    public static final class Builder {
        private byte[] der;
        private String sha256;
        private String subject;
        private String issuer;
        private String subjectKey;
        private String issuerKey;
        private String subjectCountry;
        private String issuerCountry;
        private String subjectOrganization;
        private String serialNumber;
        private Instant notBefore;
        private Instant notAfter;
        private SubjectPublicKey publicKey;
        private SignatureAlgorithm signatureAlgorithm;
        private byte[] subjectKeyIdentifier;
        private byte[] authorityKeyIdentifier;
        private boolean basicConstraintsPresent;
        private boolean ca;
        private int pathLength = -1;
        private Set<KeyUsageBit> keyUsage;
        private List<String> extendedKeyUsage = List.of();
        private List<String> policies = List.of();
        private Set<String> subjectAttributeTypes = Set.of();
        private QcStatements qcStatements = QcStatements.NONE;
        private List<String> unhandledCriticalExtensions = List.of();
        private List<String> notes = List.of();

        private Builder() {
        }

        public Builder der(byte[] value) {
            this.der = value;
            return this;
        }

        public Builder sha256(String value) {
            this.sha256 = value;
            return this;
        }

        public Builder subject(String display, String canonical) {
            this.subject = display;
            this.subjectKey = canonical;
            return this;
        }

        public Builder issuer(String display, String canonical) {
            this.issuer = display;
            this.issuerKey = canonical;
            return this;
        }

        public Builder subjectCountry(String value) {
            this.subjectCountry = value;
            return this;
        }

        public Builder issuerCountry(String value) {
            this.issuerCountry = value;
            return this;
        }

        public Builder subjectOrganization(String value) {
            this.subjectOrganization = value;
            return this;
        }

        public Builder serialNumber(String value) {
            this.serialNumber = value;
            return this;
        }

        public Builder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        public Builder publicKey(SubjectPublicKey value) {
            this.publicKey = value;
            return this;
        }

        public Builder signatureAlgorithm(SignatureAlgorithm value) {
            this.signatureAlgorithm = value;
            return this;
        }

        public Builder subjectKeyIdentifier(byte[] value) {
            this.subjectKeyIdentifier = value;
            return this;
        }

        public Builder authorityKeyIdentifier(byte[] value) {
            this.authorityKeyIdentifier = value;
            return this;
        }

        /** basicConstraints as present in the certificate; pathLength -1 for no limit. */
        public Builder basicConstraints(boolean isCa, int pathLengthConstraint) {
            this.basicConstraintsPresent = true;
            this.ca = isCa;
            this.pathLength = pathLengthConstraint;
            return this;
        }

        /** The keyUsage bits; not calling this means the extension is absent. */
        public Builder keyUsage(Set<KeyUsageBit> value) {
            this.keyUsage = value;
            return this;
        }

        public Builder extendedKeyUsage(List<String> value) {
            this.extendedKeyUsage = value;
            return this;
        }

        public Builder policies(List<String> value) {
            this.policies = value;
            return this;
        }

        public Builder subjectAttributeTypes(Set<String> value) {
            this.subjectAttributeTypes = value;
            return this;
        }

        public Builder qcStatements(QcStatements value) {
            this.qcStatements = value;
            return this;
        }

        public Builder unhandledCriticalExtensions(List<String> value) {
            this.unhandledCriticalExtensions = value;
            return this;
        }

        public Builder notes(List<String> value) {
            this.notes = value;
            return this;
        }

        public CertificateFacts build() {
            return new CertificateFacts(this);
        }
    }
}
