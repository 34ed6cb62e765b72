package org.qtrust.core.policy;

import java.util.Objects;
import java.util.Set;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.trustedlist.ServiceStatus;

/**
 * One kind of list whose services may vouch for a credential issuer: a list of trusted entities
 * of one LoTE type (TS 119 602), or the EU trusted lists (TS 119 612), with the service types
 * and statuses that count. Types and statuses match by exact URI; a TS 119 612 status may also
 * be named by its short name ("granted").
 *
 * @param source           which kind of list
 * @param listType         the LoTEType URI for a LoTE source; "" for the EU trusted lists (any accepted national list)
 * @param serviceTypes     service type URIs that count
 * @param acceptedStatuses status URIs (or TS 119 612 short names) that count
 */
public record TrustSourceRule(Source source, String listType, Set<String> serviceTypes, Set<String> acceptedStatuses) {

    public enum Source {
        /** A list of trusted entities (ETSI TS 119 602). */
        LOTE("LoTE"),
        /** An EU trusted list (ETSI TS 119 612). */
        TRUSTED_LIST("TL"),
        /**
         * A plain trust anchor of the policy (or {@code --trust-anchor}): no list vouches for the
         * issuer's role, so a policy names this source only to widen its rules explicitly.
         */
        ANCHOR("anchor");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** "LoTE" or "TL", as verdicts name the trust source. */
        public String label() {
            return label;
        }
    }

    /** Statuses of a list of trusted entities that mean "may issue now": listed without status (Annexes D to G) or notified (Annex H). */
    public static final Set<String> LOTE_ACTIVE_STATUSES = Set.of(LoteIdentifiers.LISTED, LoteIdentifiers.PUB_EAA_NOTIFIED);

    public TrustSourceRule {
        Objects.requireNonNull(source);
        Objects.requireNonNull(listType);
        serviceTypes = Set.copyOf(serviceTypes);
        acceptedStatuses = Set.copyOf(acceptedStatuses);
        if (source == Source.LOTE && listType.isBlank()) {
            throw new IllegalArgumentException("a LoTE rule names its LoTE type");
        }
        if (source == Source.ANCHOR) {
            if (!listType.isEmpty() || !serviceTypes.equals(Set.of(ServiceTypes.PLAIN_TRUST_ANCHOR))) {
                throw new IllegalArgumentException("an anchor rule names no list type and no service type");
            }
        } else if (serviceTypes.isEmpty() || acceptedStatuses.isEmpty()) {
            throw new IllegalArgumentException("a rule names at least one service type and one status");
        }
    }

    /** The policy's plain trust anchors vouch for issuers of this kind (no status applies): an explicit widening. */
    public static TrustSourceRule plainAnchor() {
        return new TrustSourceRule(Source.ANCHOR, "", Set.of(ServiceTypes.PLAIN_TRUST_ANCHOR), Set.of());
    }

    public static TrustSourceRule lote(String loteType, String... serviceTypes) {
        return new TrustSourceRule(Source.LOTE, loteType, Set.of(serviceTypes), LOTE_ACTIVE_STATUSES);
    }

    public static TrustSourceRule trustedList(Set<String> serviceTypes, Set<String> statuses) {
        return new TrustSourceRule(Source.TRUSTED_LIST, "", serviceTypes, statuses);
    }

    public boolean acceptsServiceType(String type) {
        return serviceTypes.contains(type);
    }

    public boolean acceptsStatus(ServiceStatus status) {
        return acceptedStatuses.contains(status.uri())
                || source == Source.TRUSTED_LIST && status.kind() != ServiceStatus.Kind.UNKNOWN
                && acceptedStatuses.contains(status.kind().shortName());
    }

    /** "LoTE EUPIDProvidersList PID/Issuance", "TL EAA/Q" or "anchor (a plain trust anchor of the policy)". */
    public String describe() {
        if (source == Source.ANCHOR) {
            return "anchor (a plain trust anchor of the policy)";
        }
        String types = serviceTypes.stream().map(t -> source == Source.LOTE ? LoteIdentifiers.shortServiceType(t)
                : ServiceTypes.shortName(t)).sorted().toList().toString();
        return source.label() + (listType.isEmpty() ? "" : " " + LoteIdentifiers.shortType(listType)) + " " + types;
    }
}
