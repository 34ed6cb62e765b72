package org.qtrust.cli.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.cli.json.Json;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * The {@code issuerTrust} object of {@code credential verify --json}: {@code trusted}, {@code code},
 * {@code trustSource}, {@code list} ({@code type}, {@code territory}, {@code operator},
 * {@code sequenceNumber}, {@code location}, {@code accepted}), {@code entity} and {@code service}
 * ({@code name}, {@code type}, {@code statusAtIssuance}, {@code statusAtValidationTime}); null where unknown.
 */
final class IssuerTrustJson {

    private IssuerTrustJson() {
    }

    static ObjectNode of(IssuerTrustVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("trusted", verdict.trusted());
        node.put("code", verdict.code().code());
        node.put("trustSource", verdict.trustSource().orElse(null));
        if (verdict.list().isPresent()) {
            IssuerTrustVerdict.ListSummary list = verdict.list().get();
            ObjectNode listNode = node.putObject("list");
            listNode.put("type", list.type());
            listNode.put("territory", list.territory());
            listNode.put("operator", list.operator());
            listNode.put("sequenceNumber", list.sequenceNumber());
            listNode.put("location", list.location());
            listNode.put("accepted", list.accepted());
        } else {
            node.putNull("list");
        }
        node.put("entity", verdict.entity().orElse(null));
        if (verdict.service().isPresent()) {
            IssuerTrustVerdict.ServiceSummary service = verdict.service().get();
            ObjectNode serviceNode = node.putObject("service");
            serviceNode.put("name", service.name());
            serviceNode.put("type", service.type());
            serviceNode.put("statusAtIssuance", service.statusAtIssuance().orElse(null));
            serviceNode.put("statusAtValidationTime", service.statusAtValidationTime().orElse(null));
        } else {
            node.putNull("service");
        }
        return node;
    }
}
