package org.qtrust.core.certificate.index;

import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * One service whose digital identity holds a key: where it is listed, by whom, and how far
 * that list can be relied on. A plain trust anchor of a policy is represented the same way.
 *
 * @param standing       whether the list it comes from was accepted
 * @param territory      the list's territory, or the plain anchor's jurisdiction
 * @param providerName   TSPName (preferred language), or the plain anchor's name
 * @param service        the listed service; empty for a plain anchor
 * @param plainAnchor    the policy's anchor; empty for a listed service
 * @param listRejection  the list's rejection code when it was not accepted
 * @param order          position in the snapshot (territory order, then document order): ties are broken by it
 */
public record ListedService(Standing standing, String territory, String providerName, Optional<TrustedService> service,
                            Optional<PlainTrustAnchor> plainAnchor, Optional<String> listRejection, int order) {

    /** How far the source of a service can be relied on. */
    public enum Standing {
        /** From a list accepted at the validation time. */
        ACCEPTED_LIST,
        /**
         * From an authentic list (its signature verified) refused only because it is past its
         * NextUpdate: reported for information (territory, qualification), never trusted.
         */
        STALE_LIST,
        /** From a list refused for any other reason: only its territory is reported. */
        REJECTED_LIST,
        /** A trust anchor the policy names. */
        PLAIN_ANCHOR
    }

    public ListedService {
        Objects.requireNonNull(standing);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(providerName);
        Objects.requireNonNull(service);
        Objects.requireNonNull(plainAnchor);
        Objects.requireNonNull(listRejection);
        if (service.isPresent() == plainAnchor.isPresent()) {
            throw new IllegalArgumentException("a listed service is either a list's service or a plain anchor");
        }
    }

    /** Whether its list speaks with authority about qualification (accepted, or authentic but stale). */
    public boolean authentic() {
        return standing == Standing.ACCEPTED_LIST || standing == Standing.STALE_LIST;
    }

    public String serviceName() {
        return service.map(s -> s.name().preferred()).orElseGet(() -> plainAnchor.orElseThrow().name());
    }

    /** A service is itself: compared by identity of its entries, never by walking its certificates. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ListedService other && order == other.order && standing == other.standing
                && territory.equals(other.territory) && service.map(s -> other.service.isPresent() && s == other.service.get()).orElse(true)
                && plainAnchor.equals(other.plainAnchor);
    }

    @Override
    public int hashCode() {
        return 31 * territory.hashCode() + order;
    }

    @Override
    public String toString() {
        return territory + " / " + serviceName() + " (" + standing + ")";
    }
}
