package org.qtrust.core.trustedlist.refresh;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ServiceStatus;

/**
 * What changed between the cached copy of a list and the copy that replaced it.
 *
 * @param fromSequence the replaced copy's TSLSequenceNumber
 * @param toSequence   the new copy's TSLSequenceNumber
 * @param services     services added, removed, or whose current status changed
 * @param pointers     for a LOTL: pointers to other lists added, removed, moved or re-keyed
 */
public record ListChanges(BigInteger fromSequence, BigInteger toSequence, List<ServiceChange> services,
                          List<PointerChange> pointers) {

    public ListChanges {
        Objects.requireNonNull(fromSequence);
        Objects.requireNonNull(toSequence);
        services = List.copyOf(services);
        pointers = List.copyOf(pointers);
    }

    public boolean isEmpty() {
        return services.isEmpty() && pointers.isEmpty();
    }

    public long count(ServiceChange.Kind kind) {
        return services.stream().filter(change -> change.kind() == kind).count();
    }

    /**
     * One service's change.
     *
     * @param provider the provider's (preferred-language) name
     * @param service  the service's name
     * @param type     the service type URI
     * @param before   the current status in the replaced copy (empty when added)
     * @param after    the current status in the new copy (empty when removed)
     * @param since    the new current status's starting time (empty when removed)
     */
    public record ServiceChange(Kind kind, String provider, String service, String type, Optional<ServiceStatus> before,
                                Optional<ServiceStatus> after, Optional<Instant> since) {

        public enum Kind { ADDED, REMOVED, STATUS_CHANGED }

        public ServiceChange {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(provider);
            Objects.requireNonNull(service);
            Objects.requireNonNull(type);
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
            Objects.requireNonNull(since);
        }
    }

    /**
     * One change of a LOTL's OtherTSLPointer (per territory and list type, XML and PDF apart).
     *
     * @param location       the pointer's location in the new copy (the old one when removed)
     * @param signersAdded   certificates now announced that were not before
     * @param signersRemoved certificates no longer announced
     */
    public record PointerChange(Kind kind, String territory, String location, int signersAdded, int signersRemoved) {

        public enum Kind { ADDED, REMOVED, LOCATION_CHANGED, SIGNERS_CHANGED }

        public PointerChange {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(territory);
            Objects.requireNonNull(location);
        }
    }
}
