package org.qtrust.cli.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.cli.cert.VerdictJson;
import org.qtrust.cli.json.Json;
import org.qtrust.core.credential.mdoc.MdocVerdict;

/**
 * The JSON document of {@code qtrust credential verify --json} for an mdoc (issue 18 item 6):
 * {@code valid}, {@code code}, {@code format} ("mso_mdoc"), {@code docType}, {@code issuer} (the
 * Document Signer's subject), {@code elements} (namespace → element → JSON value), {@code deviceBound},
 * {@code validity} ({@code signed}, {@code validFrom}, {@code validUntil}), {@code status},
 * {@code certificate} (as for SD-JWT VCs), {@code trace}, {@code trustSource} and, with lists of
 * trusted entities, {@code issuerTrust} — the last three as for SD-JWT VCs.
 */
public final class MdocVerdictJson {

    public static final String FORMAT = "mso_mdoc";

    private MdocVerdictJson() {
    }

    public static ObjectNode of(String file, MdocVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("valid", verdict.valid());
        node.put("code", verdict.code().code());
        node.put("format", FORMAT);
        node.put("docType", verdict.docType().orElse(null));
        node.put("issuer", verdict.issuer().orElse(null));
        node.set("elements", Json.MAPPER.valueToTree(verdict.elements()));
        node.put("deviceBound", verdict.deviceBound());
        if (verdict.validity().isPresent()) {
            ObjectNode validity = node.putObject("validity");
            validity.put("signed", verdict.validity().get().signed().toString());
            validity.put("validFrom", verdict.validity().get().validFrom().toString());
            validity.put("validUntil", verdict.validity().get().validUntil().toString());
        } else {
            node.putNull("validity");
        }
        node.put("status", verdict.status().orElse(null));
        if (verdict.certificate().isPresent()) {
            node.set("certificate", VerdictJson.of(file, verdict.certificate().get()));
        } else {
            node.putNull("certificate");
        }
        verdict.trace().forEach(node.putArray("trace")::add);
        node.put("trustSource", verdict.trustSource().orElse(null));
        verdict.issuerTrust().ifPresent(trust -> node.set("issuerTrust", IssuerTrustJson.of(trust)));
        return node;
    }
}
