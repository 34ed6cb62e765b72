package org.qtrust.core.trustedlist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.mra.Recognition;

/**
 * A span of a service's life during which one ServiceInformation or ServiceHistoryInstance
 * applied: its status, type and extensions, from {@code start} (StatusStartingTime,
 * inclusive) to {@code end} (the next instance's start, exclusive; empty while current).
 * {@code recognition} says, for a period of a third country's list read through a mutual
 * recognition agreement, what the list said and which equivalence gave the EU values it holds.
 */
public record StatusPeriod(
        ServiceStatus status,
        Instant start,
        Optional<Instant> end,
        String serviceType,
        MultilingualText serviceName,
        ServiceInformationExtensions extensions,
        Optional<Recognition> recognition) {

    public StatusPeriod {
        Objects.requireNonNull(recognition);
        Objects.requireNonNull(status);
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        Objects.requireNonNull(serviceType);
        Objects.requireNonNull(serviceName);
        Objects.requireNonNull(extensions);
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("a status period cannot end before it starts");
        }
    }

    /** A period as a list states it (not translated from a third country's list). */
    public StatusPeriod(ServiceStatus status, Instant start, Optional<Instant> end, String serviceType,
                        MultilingualText serviceName, ServiceInformationExtensions extensions) {
        this(status, start, end, serviceType, serviceName, extensions, Optional.empty());
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && end.map(instant::isBefore).orElse(true);
    }

    public boolean isCurrent() {
        return end.isEmpty();
    }
}
