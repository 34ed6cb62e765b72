package org.qtrust.server.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.core.credential.mdoc.MdocVerdict;

/**
 * The mdoc document of {@code qtrust credential verify --json} (issue 18, same field names and
 * meanings): {@code valid}, {@code code}, {@code format} ("mso_mdoc"), {@code docType},
 * {@code issuer}, {@code elements}, {@code deviceBound}, {@code validity}, {@code status},
 * {@code certificate}, {@code trace}, {@code trustSource} and, with lists of trusted entities,
 * {@code issuerTrust}.
 */
public final class MdocVerdictDocument {

    private MdocVerdictDocument() {
    }

    public static ObjectNode of(MdocVerdict verdict) {
        ObjectNode node = Json.object();
        node.put("valid", verdict.valid());
        node.put("code", verdict.code().code());
        node.put("format", "mso_mdoc");
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
            node.set("certificate", CertificateVerdictDocument.of(verdict.certificate().get()));
        } else {
            node.putNull("certificate");
        }
        verdict.trace().forEach(node.putArray("trace")::add);
        node.put("trustSource", verdict.trustSource().orElse(null));
        verdict.issuerTrust().ifPresent(trust -> node.set("issuerTrust", CredentialVerdictDocument.issuerTrust(trust)));
        return node;
    }
}
