package org.qtrust.core.trustedlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service's status over time (TS 119 612 §5.5.4 and §5.6): the current ServiceInformation
 * and every ServiceHistoryInstance, as consecutive periods. Answers "what was the status at T".
 */
public final class StatusHistory {

    private final List<StatusPeriod> periods;

    private StatusHistory(List<StatusPeriod> periods) {
        this.periods = periods;
    }

    /** A status entry as a list states it: status, starting time, type, name and extensions. */
    public record Entry(ServiceStatus status, Instant start, String serviceType,
                        MultilingualText serviceName, ServiceInformationExtensions extensions) {
    }

    /**
     * Builds the periods from the current entry and the history entries, in any order. Each
     * period ends where the next-later entry starts; the latest one is open-ended. Of several
     * entries with the same starting time only one can have applied: the current entry if it
     * is among them, else the first in document order.
     */
    public static StatusHistory of(Entry current, List<Entry> history) {
        List<Entry> all = new ArrayList<>(history.size() + 1);
        all.add(current);
        all.addAll(history);
        all.sort(Comparator.comparing(Entry::start)); // stable: current stays first among equals
        List<Entry> kept = new ArrayList<>(all.size());
        for (Entry entry : all) {
            if (!kept.isEmpty() && kept.get(kept.size() - 1).start().equals(entry.start())) {
                continue;
            }
            kept.add(entry);
        }
        List<StatusPeriod> periods = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            Entry entry = kept.get(i);
            Optional<Instant> end = i + 1 < kept.size() ? Optional.of(kept.get(i + 1).start()) : Optional.empty();
            periods.add(new StatusPeriod(entry.status(), entry.start(), end, entry.serviceType(),
                    entry.serviceName(), entry.extensions()));
        }
        return new StatusHistory(List.copyOf(periods));
    }

    /**
     * A history from periods already built (e.g. translated under a mutual recognition agreement):
     * oldest first, each ending where the next starts, the last one open-ended.
     */
    public static StatusHistory ofPeriods(List<StatusPeriod> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a service has at least one status period");
        }
        for (int i = 0; i < periods.size(); i++) {
            Optional<Instant> expectedEnd = i + 1 < periods.size() ? Optional.of(periods.get(i + 1).start()) : Optional.empty();
            if (!periods.get(i).end().equals(expectedEnd)) {
                throw new IllegalArgumentException("status periods must follow each other without gaps");
            }
        }
        return new StatusHistory(List.copyOf(periods));
    }

    /** The periods, oldest first. */
    public List<StatusPeriod> periods() {
        return periods;
    }

    /** The period containing the instant, or empty when the instant precedes the first StatusStartingTime. */
    public Optional<StatusPeriod> at(Instant instant) {
        for (int i = periods.size() - 1; i >= 0; i--) {
            StatusPeriod period = periods.get(i);
            if (period.contains(instant)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    public StatusPeriod current() {
        return periods.get(periods.size() - 1);
    }

    @Override
    public String toString() {
        return "StatusHistory" + periods;
    }
}
