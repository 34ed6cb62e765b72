package org.qtrust.server.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * The {@code credential verify} document (the contract of {@code qtrust credential verify --json},
 * same field names and meanings): {@code valid}, {@code code}, {@code issuer}, {@code vct},
 * {@code claims}, {@code holderBound}, {@code certificate} (the {@code cert verify} document of the
 * x5c issuer certificate, or null), {@code trace}, {@code trustSource} and, when lists of trusted
 * entities were asked, {@code issuerTrust}.
 */
public final class CredentialVerdictDocument {

    private CredentialVerdictDocument() {
    }

    public static ObjectNode of(CredentialVerdict verdict) {
        ObjectNode node = Json.object();
        node.put("valid", verdict.valid());
        node.put("code", verdict.code().code());
        node.put("issuer", verdict.issuer().orElse(null));
        node.put("vct", verdict.vct().orElse(null));
        node.set("claims", Json.MAPPER.valueToTree(verdict.claims()));
        node.put("holderBound", verdict.holderBound());
        if (verdict.certificate().isPresent()) {
            node.set("certificate", CertificateVerdictDocument.of(verdict.certificate().get()));
        } else {
            node.putNull("certificate");
        }
        verdict.trace().forEach(node.putArray("trace")::add);
        node.put("trustSource", verdict.trustSource().orElse(null));
        verdict.issuerTrust().ifPresent(trust -> node.set("issuerTrust", issuerTrust(trust)));
        node.set("status", status(verdict.status()));
        return node;
    }

    /** {@code status: {checked, uri, index, value, source, fetchedAt}} (issue 13.3), as the CLI prints it. */
    static ObjectNode status(org.qtrust.core.credential.status.CredentialStatus status) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("checked", status.checked());
        node.put("uri", status.uri().orElse(null));
        if (status.index().isPresent()) {
            node.put("index", status.index().get());
        } else {
            node.putNull("index");
        }
        if (status.value().isPresent()) {
            node.put("value", status.value().get());
        } else {
            node.putNull("value");
        }
        node.put("source", status.source().orElse(null));
        node.put("fetchedAt", status.fetchedAt().map(Object::toString).orElse(null));
        return node;
    }

    static ObjectNode issuerTrust(IssuerTrustVerdict verdict) {
        ObjectNode node = Json.object();
        node.put("trusted", verdict.trusted());
        node.put("code", verdict.code().code());
        node.put("trustSource", verdict.trustSource().orElse(null));
        verdict.list().ifPresentOrElse(list -> {
            ObjectNode l = node.putObject("list");
            l.put("type", list.type());
            l.put("territory", list.territory());
            l.put("operator", list.operator());
            l.put("sequenceNumber", list.sequenceNumber());
            l.put("location", list.location());
            l.put("accepted", list.accepted());
        }, () -> node.putNull("list"));
        node.put("entity", verdict.entity().orElse(null));
        verdict.service().ifPresentOrElse(service -> {
            ObjectNode s = node.putObject("service");
            s.put("name", service.name());
            s.put("type", service.type());
            s.put("statusAtIssuance", service.statusAtIssuance().orElse(null));
            s.put("statusAtValidationTime", service.statusAtValidationTime().orElse(null));
        }, () -> node.putNull("service"));
        return node;
    }
}
