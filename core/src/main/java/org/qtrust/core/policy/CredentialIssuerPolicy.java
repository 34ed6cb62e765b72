package org.qtrust.core.policy;

import java.util.Objects;

/**
 * How a policy decides who may issue wallet credentials (issue 7): what kind a credential is
 * (from its {@code vct}) and which lists vouch for issuers of each kind — e.g. a PID only through
 * the EU PID providers list, an attestation through a QEAA service on a trusted list or a
 * public-sector EAA provider on its list.
 *
 * @param kinds what kind a credential is
 * @param trust which lists vouch for issuers of each kind, and when the status counts
 */
public record CredentialIssuerPolicy(CredentialKindRule kinds, IssuerTrustPolicy trust) {

    public CredentialIssuerPolicy {
        Objects.requireNonNull(kinds);
        Objects.requireNonNull(trust);
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

    /** The EU defaults: {@link CredentialKindRule#euDefault()} and {@link IssuerTrustPolicy#euDefault()}. */
    public static CredentialIssuerPolicy euDefault() {
        return new CredentialIssuerPolicy(CredentialKindRule.euDefault(), IssuerTrustPolicy.euDefault());
    }
}
