package org.qtrust.core.trustedlist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of a service's life during which one ServiceInformation or ServiceHistoryInstance
 * applied: its status, type and extensions, from {@code start} (StatusStartingTime,
 * inclusive) to {@code end} (the next instance's start, exclusive; empty while current).
 */
public record StatusPeriod(
        ServiceStatus status,
        Instant start,
        Optional<Instant> end,
        String serviceType,
        MultilingualText serviceName,
        ServiceInformationExtensions extensions) {

    public StatusPeriod {
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

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && end.map(instant::isBefore).orElse(true);
    }

    public boolean isCurrent() {
        return end.isEmpty();
    }
}
