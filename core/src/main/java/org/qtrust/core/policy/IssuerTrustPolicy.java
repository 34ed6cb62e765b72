package org.qtrust.core.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.qtrust.core.lote.LoteIdentifiers;

/**
 * Which lists vouch for the issuer of which kind of credential, and at which time the status
 * counts. A credential issuer is trusted when one rule of its kind finds its key on an accepted
 * list, under a service of an accepted type whose status counts at that time.
 *
 * @param name       the policy's name
 * @param rules      the trust sources per credential kind, in order of preference
 * @param statusTime when a service's status must count: the credential's issuance (default), the
 *                   validation time, or both
 */
public record IssuerTrustPolicy(String name, Map<CredentialKind, List<TrustSourceRule>> rules, TimeThatCounts statusTime) {

    public IssuerTrustPolicy {
        Objects.requireNonNull(name);
        EnumMap<CredentialKind, List<TrustSourceRule>> copy = new EnumMap<>(CredentialKind.class);
        rules.forEach((kind, list) -> copy.put(kind, List.copyOf(list)));
        rules = Map.copyOf(copy);
        Objects.requireNonNull(statusTime);
    }

    public List<TrustSourceRule> rulesFor(CredentialKind kind) {
        return rules.getOrDefault(kind, List.of());
    }

    /** The rules of every kind with this source (e.g. the TL service types a certificate decision must accept). */
    public List<TrustSourceRule> rulesFrom(TrustSourceRule.Source source) {
        return rules.values().stream().flatMap(List::stream).filter(rule -> rule.source() == source).toList();
    }

    /**
     * The EU defaults (ARF, TS 119 602 Annexes D to H): a PID through the EU PID providers list
     * (PID/Issuance); an attestation through a qualified or public-sector EAA service (EAA/Q,
     * EAA/Pub-EAA: TS 119 612 v2.3.1 service types) granted on an EU trusted list, or a public-sector EAA provider (PubEAA/Issuance) on its list; an
     * mDL through a list of mDL providers (mDL/Issuance, QTrust's identifiers until an EU profile exists); a wallet unit
     * attestation through the wallet providers list; an access certificate through the WRPAC
     * providers list. Status at the credential's issuance: a later withdrawal does not undo it.
     * No CA/QC, CA/PKC, QWAC or plain anchor vouches for any kind (issue 13): holding a qualified
     * certificate is not a licence to issue PIDs or attestations.
     */
    public static IssuerTrustPolicy euDefault() {
        Map<CredentialKind, List<TrustSourceRule>> rules = new EnumMap<>(CredentialKind.class);
        rules.put(CredentialKind.PID, List.of(
                TrustSourceRule.lote(LoteIdentifiers.EU_PID_PROVIDERS_LIST, LoteIdentifiers.PID_ISSUANCE)));
        rules.put(CredentialKind.ATTESTATION, List.of(
                TrustSourceRule.trustedList(Set.of(ServiceTypes.EAA_Q, ServiceTypes.EAA_PUB), Set.of("granted")),
                TrustSourceRule.lote(LoteIdentifiers.EU_PUB_EAA_PROVIDERS_LIST, LoteIdentifiers.PUB_EAA_ISSUANCE)));
        // No EU profile names mDL providers yet: QTrust's own list type in the TS 119 602 shape (LoteIdentifiers).
        rules.put(CredentialKind.MDL, List.of(
                TrustSourceRule.lote(LoteIdentifiers.MDL_PROVIDERS_LIST, LoteIdentifiers.MDL_ISSUANCE)));
        rules.put(CredentialKind.WALLET_UNIT_ATTESTATION, List.of(
                TrustSourceRule.lote(LoteIdentifiers.EU_WALLET_PROVIDERS_LIST, LoteIdentifiers.WALLET_SOLUTION_ISSUANCE)));
        rules.put(CredentialKind.RELYING_PARTY_ACCESS_CERTIFICATE, List.of(
                TrustSourceRule.lote(LoteIdentifiers.EU_WRPAC_PROVIDERS_LIST, LoteIdentifiers.WRPAC_ISSUANCE)));
        return new IssuerTrustPolicy("eu-eudi", rules, TimeThatCounts.ISSUANCE);
    }
}
