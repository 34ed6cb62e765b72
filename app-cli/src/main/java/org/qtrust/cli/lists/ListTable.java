package org.qtrust.cli.lists;

import java.io.PrintWriter;
import java.util.List;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/** The readable form of a load: a line per list. */
final class ListTable {

    private static final String FORMAT = "%-4s %-9s %6s  %-20s  %-20s  %-18s %5s %6s  %s%n";

    private ListTable() {
    }

    static void print(TrustedListsReport report, PrintWriter out) {
        out.printf("Trusted lists at %s%n%n", report.validationTime());
        out.printf(FORMAT, "", "verdict", "seq", "issued", "next update", "signature", "TSPs", "svcs", "reason / signer");
        line(out, report.listOfLists());
        report.pivots().forEach(pivot -> line(out, pivot));
        report.lists().forEach(list -> line(out, list));
        long accepted = report.lists().stream().filter(ListVerdict::accepted).count();
        int services = report.acceptedLists().stream().mapToInt(TrustedList::serviceCount).sum();
        out.printf("%n%d of %d lists accepted; %d services usable for decisions.%n", accepted, report.lists().size(),
                services);
    }

    private static void line(PrintWriter out, ListVerdict verdict) {
        String seq = verdict.list().map(l -> l.scheme().sequenceNumber().toString()).orElse("-");
        String issued = verdict.list().map(l -> l.scheme().issued().toString()).orElse("-");
        String next = verdict.list().flatMap(l -> l.scheme().nextUpdate()).map(Object::toString).orElse("-");
        String signature = verdict.signature().map(s -> s.status().name()).orElse("-");
        String providers = verdict.list().map(l -> String.valueOf(l.providers().size())).orElse("-");
        String services = verdict.list().map(l -> String.valueOf(l.serviceCount())).orElse("-");
        String state = verdict.accepted() ? (verdict.stale() ? "stale" : "accepted") : "REJECTED";
        String note = verdict.rejection().map(r -> r.code()).orElse(verdict.signature().map(s -> s.signerSubject()).orElse(""));
        String name = verdict.location().role() == org.qtrust.core.trustedlist.ListLocation.Role.PIVOT
                ? "pivot " + verdict.location().fileName() : verdict.territory();
        if (name.length() > 4) {
            out.printf("%s%n", name);
            name = "";
        }
        out.printf(FORMAT, name, state, seq, issued, next, signature, providers, services, note);
    }

    /** Lists of trusted entities, one line each (TSPs counts the entities), named by their LoTE type. */
    static void printLotes(List<LoteVerdict> verdicts, PrintWriter out) {
        if (verdicts.isEmpty()) {
            return;
        }
        out.printf("%nLists of trusted entities (ETSI TS 119 602)%n%n");
        out.printf(FORMAT, "", "verdict", "seq", "issued", "next update", "signature", "TEs", "svcs", "reason / signer");
        for (LoteVerdict verdict : verdicts) {
            String type = verdict.list().map(l -> LoteIdentifiers.shortType(l.scheme().loteType())).orElse(verdict.location());
            String seq = verdict.list().map(l -> l.scheme().sequenceNumber().toString()).orElse("-");
            String issued = verdict.list().map(l -> l.scheme().issued().toString()).orElse("-");
            String next = verdict.list().flatMap(l -> l.scheme().nextUpdate()).map(Object::toString).orElse("-");
            String signature = verdict.signature().map(s -> s.status().name()).orElse("-");
            String entities = verdict.list().map(l -> String.valueOf(l.entities().size())).orElse("-");
            String services = verdict.list().map(l -> String.valueOf(l.serviceCount())).orElse("-");
            String state = verdict.accepted() ? (verdict.stale() ? "stale" : "accepted") : "REJECTED";
            String note = verdict.rejection().map(r -> r.code()).orElse(verdict.signature().map(s -> s.signerSubject()).orElse(""));
            out.printf("%s%s%n", type, verdict.territory().isEmpty() ? "" : " (" + verdict.territory() + ")");
            out.printf(FORMAT, "", state, seq, issued, next, signature, entities, services, note);
        }
        long accepted = verdicts.stream().filter(LoteVerdict::accepted).count();
        int services = verdicts.stream().filter(LoteVerdict::accepted).flatMap(v -> v.list().stream())
                .mapToInt(ListOfTrustedEntities::serviceCount).sum();
        out.printf("%n%d of %d lists of trusted entities accepted; %d services usable for decisions.%n", accepted,
                verdicts.size(), services);
    }
}
