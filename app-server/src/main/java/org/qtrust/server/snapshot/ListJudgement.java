package org.qtrust.server.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;

/**
 * One list judged at one validation time. The signature, pointer and territory checks of a
 * load do not depend on time, so they are done once per snapshot; only the time checks
 * (ListIssueDateTime, NextUpdate and the expiry grace, TS 119 612 §5.3.14–15) are repeated here
 * for each request's validation time, with the same rules and codes as the loader.
 *
 * @param verdict  the load's verdict (signature, pointer, territory)
 * @param standing how far the list can be relied on at that time
 * @param stale    accepted only thanks to the expiry grace
 * @param reason   the rejection code when not accepted
 * @param trace    the load's time-independent checks, then the time checks at this validation time
 */
public record ListJudgement(ListVerdict verdict, ListedService.Standing standing, boolean stale, Optional<String> reason,
                            List<String> trace) {

    /** Rejections the loader gives for time alone: a list refused for them is re-judged at each time. */
    static final Set<ListRejection> TIME_REJECTIONS = Set.of(ListRejection.EXPIRED, ListRejection.NOT_YET_ISSUED);

    /** The loader's trace lines that record its own time checks (replaced by this judgement's). */
    private static final List<String> TIME_LINES = List.of("issued ", "no NextUpdate", "expired:", "stale:", "fresh:", "accepted");

    public ListJudgement {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(standing);
        Objects.requireNonNull(reason);
        trace = List.copyOf(trace);
    }

    public boolean accepted() {
        return standing == ListedService.Standing.ACCEPTED_LIST;
    }

    public String territory() {
        return verdict.territory();
    }

    public Optional<TrustedList> list() {
        return verdict.list();
    }

    /** The load's verdict with this judgement's rejection, staleness and trace. */
    public ListVerdict asVerdict() {
        Optional<ListRejection> rejection = reason.map(code -> Arrays.stream(ListRejection.values())
                .filter(r -> r.code().equals(code)).findFirst().orElse(ListRejection.UNAVAILABLE));
        return new ListVerdict(verdict.location(), verdict.list(), verdict.signature(), rejection, stale, trace,
                verdict.structure());
    }

    /**
     * Judges a list at a time.
     *
     * @param listOfListsAccepted whether the LOTL that points to it is accepted at that time (true for the LOTL itself)
     */
    public static ListJudgement at(ListVerdict verdict, Instant at, Duration expiryGrace, boolean listOfListsAccepted) {
        List<String> trace = new ArrayList<>();
        for (String line : verdict.trace()) {
            if (TIME_LINES.stream().noneMatch(line::startsWith)) {
                trace.add(line);
            }
        }
        Optional<ListRejection> lasting = verdict.rejection().filter(r -> !TIME_REJECTIONS.contains(r));
        if (verdict.list().isEmpty() || lasting.isPresent()) {
            ListRejection rejection = verdict.rejection().orElse(ListRejection.UNAVAILABLE);
            return new ListJudgement(verdict, ListedService.Standing.REJECTED_LIST, false, Optional.of(rejection.code()), trace);
        }
        if (!listOfListsAccepted) {
            trace.add("at " + at + ": the LOTL that points to this list is not accepted, so neither is the list");
            return new ListJudgement(verdict, ListedService.Standing.REJECTED_LIST, false,
                    Optional.of(ListRejection.LIST_OF_LISTS_NOT_TRUSTED.code()), trace);
        }
        TrustedList list = verdict.list().get();
        Instant issued = list.scheme().issued();
        if (issued.isAfter(at)) {
            trace.add("at " + at + ": issued " + issued + ", after the validation time");
            return new ListJudgement(verdict, ListedService.Standing.REJECTED_LIST, false,
                    Optional.of(ListRejection.NOT_YET_ISSUED.code()), trace);
        }
        Optional<Instant> nextUpdate = list.scheme().nextUpdate();
        if (nextUpdate.isEmpty()) {
            trace.add("no NextUpdate: the list is closed");
            return expired(verdict, trace);
        }
        if (!nextUpdate.get().isAfter(at)) {
            Instant graceEnd = nextUpdate.get().plus(expiryGrace);
            if (!graceEnd.isAfter(at)) {
                trace.add("at " + at + ": expired, NextUpdate " + nextUpdate.get() + " has passed");
                return expired(verdict, trace);
            }
            trace.add("at " + at + ": stale, NextUpdate " + nextUpdate.get() + " has passed; accepted within the grace period until " + graceEnd);
            trace.add("accepted");
            return new ListJudgement(verdict, ListedService.Standing.ACCEPTED_LIST, true, Optional.empty(), trace);
        }
        trace.add("at " + at + ": fresh, issued " + issued + ", next update " + nextUpdate.get());
        trace.add("accepted");
        return new ListJudgement(verdict, ListedService.Standing.ACCEPTED_LIST, false, Optional.empty(), trace);
    }

    /** An authentic list past its NextUpdate: kept (as stale) so that a verdict can name it and say why it is not trusted. */
    private static ListJudgement expired(ListVerdict verdict, List<String> trace) {
        boolean signed = verdict.signature().map(s -> s.isValid()).orElse(false);
        ListedService.Standing standing = signed ? ListedService.Standing.STALE_LIST : ListedService.Standing.REJECTED_LIST;
        return new ListJudgement(verdict, standing, false, Optional.of(ListRejection.EXPIRED.code()), trace);
    }
}
