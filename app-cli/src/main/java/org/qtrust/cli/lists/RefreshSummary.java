package org.qtrust.cli.lists;

import java.io.PrintWriter;
import org.qtrust.adapters.http.cache.FileLoteCache;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.refresh.LoteRefresh;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.ListChanges;
import org.qtrust.core.trustedlist.refresh.ListChanges.ServiceChange;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.RefreshReport;

/** The readable form of a refresh: a line per list, the counts, the changes, and the cache's state. */
final class RefreshSummary {

    private static final String FORMAT = "%-5s %-15s %-11s %-21s %s%n";
    private static final String SERVICE_TYPE = "http://uri.etsi.org/TrstSvc/Svctype/";

    private RefreshSummary() {
    }

    static void print(RefreshReport report, Path cache, PrintWriter out) {
        print(report, cache.toString(), out);
    }

    /** @param cache what was refreshed, as shown: a folder, or a store such as {@code redis://host:6379/0} */
    static void print(RefreshReport report, String cache, PrintWriter out) {
        out.printf("Refreshed %s in %.1f s (validation time %s)%n%n", cache, report.duration().toMillis() / 1000.0,
                report.cache().validationTime());
        out.printf(FORMAT, "", "outcome", "seq", "next update", "detail");
        report.entries().forEach(entry -> line(out, entry));
        Map<RefreshOutcome, Long> counts = report.counts();
        out.printf("%n%d updated, %d not modified, %d new, %d kept last good, %d failed, %d removed.%n",
                counts.get(RefreshOutcome.UPDATED), counts.get(RefreshOutcome.NOT_MODIFIED), counts.get(RefreshOutcome.NEW),
                counts.get(RefreshOutcome.KEPT_LAST_GOOD), counts.get(RefreshOutcome.FAILED),
                counts.get(RefreshOutcome.REMOVED));
        long mirrored = report.entries().stream().filter(entry -> entry.mirror().isPresent()).count();
        if (mirrored > 0) {
            out.printf("%d of them came from a mirror (the publisher's location failed); verified like the originals.%n", mirrored);
        }
        List<ListRefresh> changed = report.entries().stream()
                .filter(entry -> entry.changes().filter(changes -> !changes.isEmpty()).isPresent()).toList();
        if (!changed.isEmpty()) {
            out.printf("%nChanges:%n");
            changed.forEach(entry -> changes(out, entry));
        }
        cacheState(out, report.cache());
    }

    private static void line(PrintWriter out, ListRefresh entry) {
        String name = entry.name();
        if (name.length() > 5) {
            out.printf("%s%n", name);
            name = "";
        }
        out.printf(FORMAT, name, outcome(entry.outcome()), sequence(entry.previousSequence(), entry.sequence()),
                entry.nextUpdate().map(Object::toString).orElse("-"), detail(entry.problem(), entry.detail(), entry.stale())
                        + entry.mirror().filter(mirror -> !entry.detail().contains(mirror))
                                .map(mirror -> " [copy from mirror " + mirror + "]").orElse(""));
    }

    /** Problems in capitals, so they stand out. */
    private static String outcome(RefreshOutcome outcome) {
        return outcome.isProblem() ? outcome.name().replace('_', ' ') : outcome.code().replace('_', ' ');
    }

    private static String detail(Optional<RefreshProblem> problem, String detail, boolean stale) {
        return problem.map(p -> p.code() + ": ").orElse("") + detail + (stale ? " [STALE: past NextUpdate]" : "");
    }

    private static String sequence(Optional<BigInteger> before, Optional<BigInteger> after) {
        if (before.isPresent() && after.isPresent() && !before.equals(after)) {
            return before.get() + " → " + after.get();
        }
        return after.or(() -> before).map(BigInteger::toString).orElse("-");
    }

    private static void changes(PrintWriter out, ListRefresh entry) {
        ListChanges changes = entry.changes().orElseThrow();
        out.printf("  %s %s → %s: %d added, %d removed, %d status changes%s%n", entry.name(), changes.fromSequence(),
                changes.toSequence(), changes.count(ServiceChange.Kind.ADDED), changes.count(ServiceChange.Kind.REMOVED),
                changes.count(ServiceChange.Kind.STATUS_CHANGED),
                changes.pointers().isEmpty() ? "" : ", " + changes.pointers().size() + " pointer changes");
        for (ServiceChange change : changes.services()) {
            String type = change.type().startsWith(SERVICE_TYPE) ? change.type().substring(SERVICE_TYPE.length()) : change.type();
            String status = switch (change.kind()) {
                case ADDED -> change.after().map(Object::toString).orElse("?");
                case REMOVED -> "was " + change.before().map(Object::toString).orElse("?");
                case STATUS_CHANGED -> change.before().map(Object::toString).orElse("?") + " → "
                        + change.after().map(Object::toString).orElse("?");
            };
            String since = change.since().map(s -> " since " + s).orElse("");
            out.printf("    %-14s %s — %s (%s, %s%s)%n", change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    change.provider(), change.service(), type, status, since);
        }
        for (ListChanges.PointerChange pointer : changes.pointers()) {
            out.printf("    pointer %-6s %s %s%s%n", pointer.territory(),
                    pointer.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), pointer.location(),
                    pointer.kind() == ListChanges.PointerChange.Kind.SIGNERS_CHANGED
                            ? " (+" + pointer.signersAdded() + " / -" + pointer.signersRemoved() + " certificates)" : "");
        }
    }

    private static void cacheState(PrintWriter out, TrustedListsReport load) {
        ListVerdict lotl = load.listOfLists();
        long accepted = load.lists().stream().filter(ListVerdict::accepted).count();
        long stale = load.lists().stream().filter(ListVerdict::stale).count();
        int services = load.acceptedLists().stream().mapToInt(TrustedList::serviceCount).sum();
        out.printf("%nThe cache now: LOTL %s; %d of %d lists accepted%s; %d services usable for decisions.%n",
                lotl.accepted() ? "accepted" : "NOT TRUSTED (" + lotl.rejection().map(r -> r.code()).orElse("") + ")",
                accepted, load.lists().size(), stale > 0 ? " (" + stale + " stale)" : "", services);
        load.lists().stream().filter(v -> !v.accepted()).forEach(v -> out.printf("  %-5s %s%n", v.territory(),
                v.rejection().map(r -> r.code() + ": " + r.description()).orElse("")));
    }

    /** The lists of trusted entities' part: one line per configured list, the counts, then the cache as loaded. */
    static void printLotes(LoteRefreshReport report, Path cache, PrintWriter out, Optional<Instant> aloneAt) {
        printLotes(report, cache.toString(), cache.resolve(FileLoteCache.FOLDER).toString(), out, aloneAt);
    }

    /** The same for a shared store ({@code --store}): the lists of trusted entities are kept in it. */
    static void printLotes(LoteRefreshReport report, String store, PrintWriter out) {
        printLotes(report, store, store, out, Optional.empty());
    }

    private static void printLotes(LoteRefreshReport report, String cache, String folder, PrintWriter out, Optional<Instant> aloneAt) {
        aloneAt.ifPresent(at -> out.printf("Refreshed %s in %.1f s (validation time %s)%n", cache,
                report.duration().toMillis() / 1000.0, at));
        out.printf("%nLists of trusted entities (ETSI TS 119 602) in %s%n%n", folder);
        out.printf(FORMAT, "", "outcome", "seq", "next update", "detail");
        for (LoteRefresh entry : report.lists()) {
            String name = entry.cached().map(list -> LoteIdentifiers.shortType(list.scheme().loteType())
                    + (list.scheme().territory().isEmpty() ? "" : " (" + list.scheme().territory() + ")")).orElse("");
            out.printf("%s%s%n", entry.location(), name.isEmpty() ? "" : "  " + name);
            out.printf(FORMAT, "", outcome(entry.outcome()), sequence(entry.previousSequence(), entry.sequence()),
                    entry.nextUpdate().map(Object::toString).orElse("-"), detail(entry.problem(), entry.detail(), entry.stale()));
        }
        Map<RefreshOutcome, Long> counts = report.counts();
        out.printf("%n%d updated, %d not modified, %d new, %d kept last good, %d failed.%n",
                counts.get(RefreshOutcome.UPDATED), counts.get(RefreshOutcome.NOT_MODIFIED), counts.get(RefreshOutcome.NEW),
                counts.get(RefreshOutcome.KEPT_LAST_GOOD), counts.get(RefreshOutcome.FAILED));
        out.printf("%nThe cache now:");
        ListTable.printLotes(report.cache(), out);
    }
}
