package org.qtrust.core.policy;

import java.util.Objects;
import org.qtrust.core.credential.CredentialStatusMode;

/**
 * How a policy decides who may issue wallet credentials (issue 7): what kind a credential is
 * (from its {@code vct}) and which lists vouch for issuers of each kind — e.g. a PID only through
 * the EU PID providers list, an attestation through a QEAA service on a trusted list or a
 * public-sector EAA provider on its list — how {@code iss} is bound to the signing key (issue
 * 13.2), and how the credential's status list entry counts (issue 13.3).
 *
 * @param kinds   what kind a credential is
 * @param trust   which lists vouch for issuers of each kind, and when the status counts
 * @param binding how {@code iss} must be bound to the signing key (policy files: {@code issuerBinding})
 * @param status  how the status list entry counts (policy files: {@code credentialStatus}); the CLI's
 *                {@code --credential-status} replaces it, the server's is a ceiling over it
 */
public record CredentialIssuerPolicy(CredentialKindRule kinds, IssuerTrustPolicy trust, IssuerBinding binding,
                                     CredentialStatusMode status) {

    public CredentialIssuerPolicy {
        Objects.requireNonNull(kinds);
        Objects.requireNonNull(trust);
        Objects.requireNonNull(binding);
        Objects.requireNonNull(status);
    }

    /** These kinds and lists, with the default binding ({@code certificate-or-metadata}) and status ({@code require}). */
    public CredentialIssuerPolicy(CredentialKindRule kinds, IssuerTrustPolicy trust) {
        this(kinds, trust, IssuerBinding.CERTIFICATE_OR_METADATA, CredentialStatusMode.REQUIRE);
    }

    /** The same rules with another binding of {@code iss}. */
    public CredentialIssuerPolicy withBinding(IssuerBinding other) {
        return new CredentialIssuerPolicy(kinds, trust, other, status);
    }

    /** The same rules with another status mode. */
    public CredentialIssuerPolicy withStatus(CredentialStatusMode other) {
        return new CredentialIssuerPolicy(kinds, trust, binding, other);
    }

    /**
     * The EU defaults widened explicitly: the policy's plain anchors also vouch for issuers of
     * {@code kinds} (schemes without lists, test beds, benchmarks). Never a default.
     */
    public static CredentialIssuerPolicy anchorsFor(CredentialKindRule rule, CredentialKind... kinds) {
        IssuerTrustPolicy eu = IssuerTrustPolicy.euDefault();
        java.util.Map<CredentialKind, java.util.List<TrustSourceRule>> rules = new java.util.EnumMap<>(CredentialKind.class);
        rules.putAll(eu.rules());
        for (CredentialKind kind : kinds) {
            java.util.List<TrustSourceRule> widened = new java.util.ArrayList<>(eu.rulesFor(kind));
            widened.add(TrustSourceRule.plainAnchor());
            rules.put(kind, widened);
        }
        return new CredentialIssuerPolicy(rule, new IssuerTrustPolicy(eu.name() + "+anchors", rules, eu.statusTime()));
    }

    /**
     * The EU defaults: {@link CredentialKindRule#euDefault()} and {@link IssuerTrustPolicy#euDefault()},
     * {@code iss} bound by certificate or metadata, status required.
     */
    public static CredentialIssuerPolicy euDefault() {
        return new CredentialIssuerPolicy(CredentialKindRule.euDefault(), IssuerTrustPolicy.euDefault());
    }
}
