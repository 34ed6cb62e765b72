package org.qtrust.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.loading.LoteVerdict;

/**
 * The JSON form of judged lists of trusted entities: the fields of a trusted list's entry in
 * {@code lists load --json} (providers counts the entities), plus {@code trustSource} "LoTE",
 * the LoTE {@code type} and the {@code format}.
 */
public final class LoteReportJson {

    private LoteReportJson() {
    }

    public static ArrayNode of(List<LoteVerdict> verdicts) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        verdicts.forEach(v -> array.add(verdict(v)));
        return array;
    }

    public static ObjectNode verdict(LoteVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("trustSource", "LoTE");
        node.put("territory", verdict.territory());
        node.put("location", verdict.location());
        if (verdict.list().isPresent()) {
            ListOfTrustedEntities list = verdict.list().get();
            node.put("type", list.scheme().loteType());
            node.put("format", list.format().name());
            node.put("operator", list.scheme().operatorName().preferred());
            node.put("sequenceNumber", list.scheme().sequenceNumber());
            node.put("issued", list.scheme().issued().toString());
            node.put("nextUpdate", list.scheme().nextUpdate().map(Object::toString).orElse(null));
        } else {
            node.putNull("type");
            node.putNull("format");
            node.putNull("operator");
            node.putNull("sequenceNumber");
            node.putNull("issued");
            node.putNull("nextUpdate");
        }
        ListReportJson.putOutcome(node, verdict.signature(), verdict.rejection().map(r -> r.code()), verdict.accepted(),
                verdict.stale());
        node.put("providers", verdict.list().map(l -> l.entities().size()).orElse(0));
        node.put("services", verdict.list().map(ListOfTrustedEntities::serviceCount).orElse(0));
        ArrayNode trace = node.putArray("trace");
        verdict.trace().forEach(trace::add);
        return node;
    }
}
