package org.qtrust.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/** The JSON form of a load (the contract of {@code qtrust lists load --json}). */
public final class ListReportJson {

    private ListReportJson() {
    }

    public static ObjectNode of(TrustedListsReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("validationTime", report.validationTime().toString());
        root.set("lotl", verdict(report.listOfLists()));
        ArrayNode pivots = root.putArray("pivots");
        report.pivots().forEach(pivot -> pivots.add(verdict(pivot)));
        ArrayNode lists = root.putArray("lists");
        report.lists().forEach(list -> lists.add(verdict(list)));
        return root;
    }

    public static ObjectNode verdict(ListVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("territory", verdict.territory());
        node.put("location", verdict.location().url());
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
