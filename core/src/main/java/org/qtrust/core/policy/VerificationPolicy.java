package org.qtrust.core.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.certificate.qualification.StatusMeaning;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceStatus;

/**
 * What a relying party in one jurisdiction accepts. A policy never changes what the lists
 * say; it chooses which of their statements count.
 *
 * @param name                  the policy's name, e.g. "eu-eidas"
 * @param jurisdiction          whose rules these are, e.g. "EU", "IN"
 * @param description           one sentence for people
 * @param useTrustedLists       whether services of the loaded EU trusted lists anchor paths
 * @param acceptedServiceTypes  exact service type URIs whose services count (TS 119 612 §5.5.1)
 * @param acceptedStatuses      statuses that count, as TS 119 612 v2 short names ("granted",
 *                              "recognisedatnationallevel"…) or exact URIs. A pre-2016 status counts
 *                              as its eIDAS equivalent ({@link StatusMeaning}); an unknown status never
 *                              counts unless its exact URI is listed
 * @param statusTime            when the service's status must be accepted: at the certificate's issuance,
 *                              at the validation time, or both
 * @param requireQcCompliance   the certificate must carry QcCompliance
 * @param requiredQcTypes       when not empty, the certificate must declare one of these QcTypes
 * @param requireQualified      the trusted lists must confirm the certificate as qualified (a QCERT_*
 *                              qualification, TS 119 615) at the status time(s)
 * @param plainAnchors          trust anchors for schemes without an ETSI list
 * @param revocation            the revocation mode (checked by the revocation component)
 * @param crypto                until when algorithms count (ETSI TS 119 312)
 * @param credentialIssuers     who may issue wallet credentials of each kind (the EU defaults unless a policy says otherwise)
 */
public record VerificationPolicy(
        String name,
        String jurisdiction,
        String description,
        boolean useTrustedLists,
        Set<String> acceptedServiceTypes,
        Set<String> acceptedStatuses,
        TimeThatCounts statusTime,
        boolean requireQcCompliance,
        Set<QcType> requiredQcTypes,
        boolean requireQualified,
        List<PlainTrustAnchor> plainAnchors,
        RevocationMode revocation,
        CryptoConstraints crypto,
        CredentialIssuerPolicy credentialIssuers) {

    public VerificationPolicy {
        Objects.requireNonNull(name);
        Objects.requireNonNull(jurisdiction);
        Objects.requireNonNull(description);
        acceptedServiceTypes = Set.copyOf(new LinkedHashSet<>(acceptedServiceTypes));
        acceptedStatuses = Set.copyOf(acceptedStatuses);
        Objects.requireNonNull(statusTime);
        requiredQcTypes = requiredQcTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requiredQcTypes));
        plainAnchors = List.copyOf(plainAnchors);
        Objects.requireNonNull(revocation);
        Objects.requireNonNull(crypto);
        Objects.requireNonNull(credentialIssuers);
    }

    /** A policy with the EU defaults for credential issuers. */
    public VerificationPolicy(String name, String jurisdiction, String description, boolean useTrustedLists,
                              Set<String> acceptedServiceTypes, Set<String> acceptedStatuses, TimeThatCounts statusTime,
                              boolean requireQcCompliance, Set<QcType> requiredQcTypes, boolean requireQualified,
                              List<PlainTrustAnchor> plainAnchors, RevocationMode revocation, CryptoConstraints crypto) {
        this(name, jurisdiction, description, useTrustedLists, acceptedServiceTypes, acceptedStatuses, statusTime,
                requireQcCompliance, requiredQcTypes, requireQualified, plainAnchors, revocation, crypto,
                CredentialIssuerPolicy.euDefault());
    }

    /**
     * A policy that uses no trusted list and names no anchor trusts nothing; such a policy file is
     * only usable with anchors given separately (e.g. --trust-anchor).
     */
    public boolean trustsNothing() {
        return !useTrustedLists && plainAnchors.isEmpty();
    }

    /** Whether services of this type count (exact URI equality). */
    public boolean acceptsServiceType(String typeUri) {
        return acceptedServiceTypes.contains(typeUri);
    }

    /** Whether this status counts: by exact URI, by its short name, or as its eIDAS equivalent. */
    public boolean acceptsStatus(ServiceStatus status) {
        if (acceptedStatuses.contains(status.uri())) {
            return true;
        }
        if (status.kind() == ServiceStatus.Kind.UNKNOWN) {
            return false;
        }
        return acceptedStatuses.contains(status.kind().shortName())
                || acceptedStatuses.contains(StatusMeaning.of(status).shortName());
    }

    /** The same policy with other plain anchors added (e.g. from --trust-anchor). */
    public VerificationPolicy withAdditionalAnchors(List<PlainTrustAnchor> anchors) {
        if (anchors.isEmpty()) {
            return this;
        }
        List<PlainTrustAnchor> all = new java.util.ArrayList<>(plainAnchors);
        all.addAll(anchors);
        return new VerificationPolicy(name, jurisdiction, description, useTrustedLists, acceptedServiceTypes,
                acceptedStatuses, statusTime, requireQcCompliance, requiredQcTypes, requireQualified, all, revocation, crypto,
                credentialIssuers);
    }

    /** The same policy with another revocation mode (e.g. from --revocation). */
    public VerificationPolicy withRevocation(RevocationMode mode) {
        return new VerificationPolicy(name, jurisdiction, description, useTrustedLists, acceptedServiceTypes,
                acceptedStatuses, statusTime, requireQcCompliance, requiredQcTypes, requireQualified, plainAnchors, mode, crypto,
                credentialIssuers);
    }

    /** The same policy with other rules for credential issuers. */
    public VerificationPolicy withCredentialIssuers(CredentialIssuerPolicy issuers) {
        return new VerificationPolicy(name, jurisdiction, description, useTrustedLists, acceptedServiceTypes,
                acceptedStatuses, statusTime, requireQcCompliance, requiredQcTypes, requireQualified, plainAnchors, revocation, crypto,
                issuers);
    }

    /** What {@link #forCredentialIssuers()} appends to the policy's name. */
    public static final String CREDENTIAL_ISSUERS_SUFFIX = "/credential-issuers";

    /**
     * This policy as it decides the {@code x5c} chain of a wallet credential issuer (issue 13):
     * the service types and statuses that count are those its {@code credentialIssuers} rules name
     * for trusted lists (any kind; by default EAA/Q and EAA/Pub-EAA, granted) — never CA/QC or
     * CA/PKC unless a rule names them — and the plain anchors stay (only a rule with the
     * {@code anchor} source lets them vouch for an issuer). Which rule fits the credential's kind is
     * judged afterwards by the credential verification. Named {@code <name>/credential-issuers}
     * so that caches keyed by name never mix it with the certificate policy.
     */
    public VerificationPolicy forCredentialIssuers() {
        if (name.endsWith(CREDENTIAL_ISSUERS_SUFFIX)) {
            return this;
        }
        // The certificate-issuing types decide the chain of an issuer certificate that a role service lists byte for byte
        // (issue 14.12: listed certificates are decided through their issuer); the role check then reads that listing.
        Set<String> types = new LinkedHashSet<>(ServiceTypes.CERTIFICATE_ISSUING);
        Set<String> statuses = new LinkedHashSet<>();
        for (TrustSourceRule rule : credentialIssuers.trust().rulesFrom(TrustSourceRule.Source.TRUSTED_LIST)) {
            types.addAll(rule.serviceTypes());
            statuses.addAll(rule.acceptedStatuses());
        }
        return new VerificationPolicy(name + CREDENTIAL_ISSUERS_SUFFIX, jurisdiction, description, useTrustedLists, types,
                statuses, statusTime, requireQcCompliance, requiredQcTypes, requireQualified, plainAnchors, revocation, crypto,
                credentialIssuers);
    }

    /**
     * The EU eIDAS default: a certificate counts when it chains to a CA/QC service that was
     * granted when the certificate was issued (TS 119 615: the status at issuance decides; a
     * later withdrawal does not undo it), the certificate is valid at the validation time and its
     * signatures use algorithms that still count at the validation time (ETSI TS 119 312 dates).
     * Qualification is reported, not required; revocation is preferred (soft fail).
     */
    public static VerificationPolicy euEidas() {
        return new VerificationPolicy("eu-eidas", "EU",
                "EU eIDAS: certificates issued by a qualified CA service (CA/QC) granted at issuance on an accepted EU trusted list",
                true, Set.of(ServiceTypes.CA_QC), Set.of("granted"), TimeThatCounts.ISSUANCE,
                false, Set.of(), false, List.of(), RevocationMode.PREFER, ts119312());
    }

    /**
     * The algorithm dates of ETSI TS 119 312 for signatures (as its machine-readable
     * cryptographic suite gives them): MD5 until 2004-08-01, SHA-1 until 2012-08-01,
     * RIPEMD-160 until 2014-08-01; RSA and DSA keys under 1024 bits until 2010-08-01 and under
     * 1900 bits until 2019-10-01; EC keys under 224 bits until 2012-08-01 and under 256 bits
     * until 2021-10-01. Judged at the validation time.
     */
    public static CryptoConstraints ts119312() {
        return new CryptoConstraints(
                List.of(new CryptoConstraints.DigestExpiry("MD5", Instant.parse("2004-08-01T00:00:00Z")),
                        new CryptoConstraints.DigestExpiry("SHA-1", Instant.parse("2012-08-01T00:00:00Z")),
                        new CryptoConstraints.DigestExpiry("RIPEMD160", Instant.parse("2014-08-01T00:00:00Z"))),
                List.of(new CryptoConstraints.KeySizeExpiry("RSA", 1024, Instant.parse("2010-08-01T00:00:00Z")),
                        new CryptoConstraints.KeySizeExpiry("RSA", 1900, Instant.parse("2019-10-01T00:00:00Z")),
                        new CryptoConstraints.KeySizeExpiry("DSA", 1024, Instant.parse("2010-08-01T00:00:00Z")),
                        new CryptoConstraints.KeySizeExpiry("DSA", 1900, Instant.parse("2019-10-01T00:00:00Z")),
                        new CryptoConstraints.KeySizeExpiry("EC", 224, Instant.parse("2012-08-01T00:00:00Z")),
                        new CryptoConstraints.KeySizeExpiry("EC", 256, Instant.parse("2021-10-01T00:00:00Z"))),
                TimeThatCounts.VALIDATION_TIME);
    }
}
