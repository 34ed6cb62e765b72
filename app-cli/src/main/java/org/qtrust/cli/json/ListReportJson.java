package org.qtrust.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/** The JSON form of a load (the contract of {@code qtrust lists load --json}). */
public final class ListReportJson {

    private ListReportJson() {
    }

    /** A load of lists fetched from their locations. */
    public static ObjectNode of(TrustedListsReport report) {
        return of(report, Optional.empty());
    }

    /**
     * A load; with {@code folder} (an offline folder or the cache) each list's {@code location}
     * is the file it was read from there, and {@code declaredLocation} where it is published.
     */
    public static ObjectNode of(TrustedListsReport report, Optional<Path> folder) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("validationTime", report.validationTime().toString());
        root.set("lotl", verdict(report.listOfLists(), folder));
        ArrayNode pivots = root.putArray("pivots");
        report.pivots().forEach(pivot -> pivots.add(verdict(pivot, folder)));
        ArrayNode lists = root.putArray("lists");
        report.lists().forEach(list -> lists.add(verdict(list, folder)));
        return root;
    }

    public static ObjectNode verdict(ListVerdict verdict) {
        return verdict(verdict, Optional.empty());
    }

    /**
     * One list: {@code location} is where it was read from (the file in {@code folder}, else the
     * URL); {@code declaredLocation} is where it says it is published — for the LOTL the location
     * of its own EU pointer (TS 119 612 clause 5.3.13), for a pivot or a national list the URL it
     * was reached through.
     */
    public static ObjectNode verdict(ListVerdict verdict, Optional<Path> folder) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("territory", verdict.territory());
        node.put("location", folder.map(f -> f.resolve(DirectoryListSource.fileNameFor(verdict.location())).toAbsolutePath()
                .normalize().toString()).orElse(verdict.location().url()));
        node.put("declaredLocation", declaredLocation(verdict));
        if (verdict.list().isPresent()) {
            TrustedList list = verdict.list().get();
            node.put("sequenceNumber", list.scheme().sequenceNumber());
            node.put("issued", list.scheme().issued().toString());
            node.put("nextUpdate", list.scheme().nextUpdate().map(Object::toString).orElse(null));
        } else {
            node.putNull("sequenceNumber");
            node.putNull("issued");
            node.putNull("nextUpdate");
        }
        putOutcome(node, verdict.signature(), verdict.rejection().map(r -> r.code()), verdict.accepted(), verdict.stale());
        node.put("providers", verdict.list().map(l -> l.providers().size()).orElse(0));
        node.put("services", verdict.list().map(TrustedList::serviceCount).orElse(0));
        ObjectNode structure = node.putObject("structure");
        ArrayNode warnings = structure.putArray("warnings");
        verdict.structure().warnings().forEach(warnings::add);
        ArrayNode errors = structure.putArray("errors");
        verdict.structure().errors().forEach(errors::add);
        ArrayNode trace = node.putArray("trace");
        verdict.trace().forEach(trace::add);
        return node;
    }

    private static String declaredLocation(ListVerdict verdict) {
        if (verdict.location().role() != ListLocation.Role.LIST_OF_LISTS) {
            return verdict.location().url();
        }
        return verdict.list().flatMap(lotl -> lotl.scheme().pointers().stream()
                        .filter(pointer -> "EU".equals(pointer.territory()) && pointer.isXml())
                        .map(ListPointer::location).findFirst())
                .orElse(null);
    }

    /** The fields every judged list has in common: signature (status, signer), accepted, reason, stale. */
    public static void putOutcome(ObjectNode node, Optional<SignatureCheck> check, Optional<String> reason, boolean accepted,
                                  boolean stale) {
        ObjectNode signature = node.putObject("signature");
        signature.put("status", check.map(c -> c.status().name()).orElse(null));
        signature.put("signer", check.map(SignatureCheck::signerSubject).filter(s -> !s.isEmpty()).orElse(null));
        node.put("accepted", accepted);
        node.put("reason", reason.orElse(null));
        node.put("stale", stale);
    }
}
