package org.qtrust.core.credential;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.CertificateVerdict.ServiceSummary;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TrustSourceRule;
import org.qtrust.core.trustedlist.ServiceStatus;

/**
 * Whether the service an issuer's {@code x5c} chain ends at holds the role the credential's kind
 * needs (issue 13; ARF Annex 2 and TS 119 612 v2.3.1 §5.5.1: a PID is issued by a PID provider,
 * an attestation by a (Q)EAA provider). A qualified e-signature, e-seal or website certificate
 * from a CA/QC service is no licence to issue PIDs or attestations: a policy must name such a
 * service type for a kind explicitly, and a plain anchor counts only through an {@code anchor}
 * rule.
 *
 * @param holds whether a rule of the kind accepts the service
 * @param line  the trace line: the role needed and the service found
 */
public record IssuerRole(boolean holds, String line) {

    /** {@link org.qtrust.core.certificate.index.ListedService.Standing#ACCEPTED_LIST} as verdicts write it. */
    private static final String ACCEPTED_LIST = "accepted_list";

    /** Whether the service {@code verdict} ends at holds a role {@code policy} names for {@code kind}, with the trace line. */
    public static IssuerRole judge(IssuerTrustPolicy policy, CredentialKind kind, CertificateVerdict verdict) {
        List<TrustSourceRule> rules = policy.rulesFor(kind);
        String needed = "issuer role: policy " + policy.name() + ": a credential of kind " + kind.code() + " is issued only through "
                + (rules.isEmpty() ? "no service (the policy names none for this kind)"
                : rules.stream().map(TrustSourceRule::describe).toList().toString());
        if (verdict.service().isEmpty()) {
            return new IssuerRole(false, needed + "; the chain ends at no listed service or anchor");
        }
        ServiceSummary service = verdict.service().get();
        boolean anchor = "plain_anchor".equals(service.standing());
        String found = "; the chain ends at " + verdict.territory().orElse("?") + " / " + verdict.provider().orElse("?") + " / "
                + service.name() + " (" + (anchor ? "a plain trust anchor" : ServiceTypes.shortName(service.type())
                + service.statusAtIssuance().map(st -> ", " + st + " at the certificate's issuance").orElse("")) + ")";
        // Issue 14.12: a certificate listed byte for byte by a service (e.g. an EAA/Q issuer's own certificate) is decided
        // through its issuer's CA; the role is that listing's — its type, and its own status at the certificate's issuance
        // on an accepted list (TS 119 612 §5.5.4: a withdrawn listing vouches for nothing issued after the withdrawal),
        // whatever the status of the CA its chain ends at.
        if (verdict.listedAs().isPresent()) {
            CertificateVerdict.ListedAs listing = verdict.listedAs().get();
            boolean listedAnchor = ServiceTypes.PLAIN_TRUST_ANCHOR.equals(ServiceTypes.expand(listing.type()));
            String listed = "; the certificate is itself listed as " + listing.territory() + " / " + listing.service() + " ("
                    + ServiceTypes.shortName(listing.type()) + (listedAnchor ? "" : listing.statusAtIssuance().map(st -> ", " + st
                    + " at the certificate's issuance").orElse(", not yet listed at the certificate's issuance")
                    + (ACCEPTED_LIST.equals(listing.standing()) ? "" : ", on a list that is not accepted (" + listing.standing() + ")"))
                    + "), its chain ends at " + verdict.territory().orElse("?") + " / " + service.name();
            boolean typeFits = false;
            for (TrustSourceRule rule : rules) {
                if (listedAnchor) {
                    // A certificate that is itself a plain anchor (a DS or issuer certificate given as --trust-anchor) counts
                    // only through an anchor rule, as any chain ending at an anchor.
                    if (rule.source() == TrustSourceRule.Source.ANCHOR) {
                        return new IssuerRole(true, needed + listed + ": holds that role (" + rule.describe() + ")");
                    }
                    continue;
                }
                if (rule.source() != TrustSourceRule.Source.TRUSTED_LIST || !rule.acceptsServiceType(ServiceTypes.expand(listing.type()))) {
                    continue;
                }
                typeFits = true;
                boolean statusCounts = ACCEPTED_LIST.equals(listing.standing())
                        && listing.statusAtIssuance().map(IssuerRole::status).map(rule::acceptsStatus).orElse(false);
                if (statusCounts) {
                    return new IssuerRole(true, needed + listed + ": holds that role (" + rule.describe() + ")");
                }
            }
            return new IssuerRole(false, needed + listed + (typeFits ? ": that role, but its own listing's status does not count"
                    : ": not that role"));
        }
        for (TrustSourceRule rule : rules) {
            boolean fits = anchor ? rule.source() == TrustSourceRule.Source.ANCHOR
                    : rule.source() == TrustSourceRule.Source.TRUSTED_LIST
                    && rule.acceptsServiceType(ServiceTypes.expand(service.type()))
                    && service.statusAtIssuance().map(IssuerRole::status).map(rule::acceptsStatus).orElse(false);
            if (fits) {
                return new IssuerRole(true, needed + found + ": holds that role (" + rule.describe() + ")");
            }
        }
        return new IssuerRole(false, needed + found + ": not that role");
    }

    /** The status a certificate verdict names by its short name ("granted", or "unknown(URI)"). */
    private static ServiceStatus status(String shortName) {
        if (shortName.startsWith("unknown(") && shortName.endsWith(")")) {
            return ServiceStatus.of(shortName.substring("unknown(".length(), shortName.length() - 1));
        }
        Optional<ServiceStatus.Kind> kind = Arrays.stream(ServiceStatus.Kind.values())
                .filter(k -> k != ServiceStatus.Kind.UNKNOWN && k.shortName().equals(shortName)).findFirst();
        return kind.map(ServiceStatus::of).orElseGet(() -> ServiceStatus.of(shortName));
    }
}
