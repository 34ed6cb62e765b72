package org.qtrust.cli.credential;

import org.qtrust.core.credential.status.CredentialStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.cli.cert.VerdictJson;
import org.qtrust.cli.json.Json;
import org.qtrust.core.credential.CredentialVerdict;

/**
 * The JSON contract of {@code qtrust credential verify --json} (issue 4): {@code valid}, {@code code},
 * {@code issuer}, {@code vct}, {@code claims} (the processed payload), {@code holderBound},
 * {@code certificate} (the {@code cert verify --json} document of the x5c issuer certificate, or
 * null when no chain was decided) and {@code trace}; then, added by issue 7, {@code trustSource}
 * ({@code LoTE}, {@code TL}, {@code anchor}, {@code key} or null) and, when lists of trusted
 * entities were configured, {@code issuerTrust}: the list, entity and service the issuer was found under;
 * then, added by issue 13, {@code status}: {@code {checked, uri, index, value, source, fetchedAt}}.
 */
public final class CredentialVerdictJson {

    private CredentialVerdictJson() {
    }

    public static ObjectNode of(String file, CredentialVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("valid", verdict.valid());
        node.put("code", verdict.code().code());
        node.put("issuer", verdict.issuer().orElse(null));
        node.put("vct", verdict.vct().orElse(null));
        node.set("claims", Json.MAPPER.valueToTree(verdict.claims()));
        node.put("holderBound", verdict.holderBound());
        if (verdict.certificate().isPresent()) {
            node.set("certificate", VerdictJson.of(file, verdict.certificate().get()));
        } else {
            node.putNull("certificate");
        }
        verdict.trace().forEach(node.putArray("trace")::add);
        node.put("trustSource", verdict.trustSource().orElse(null));
        verdict.issuerTrust().ifPresent(trust -> node.set("issuerTrust", IssuerTrustJson.of(trust)));
        node.set("status", status(verdict.status()));
        return node;
    }

    /** {@code status: {checked, uri, index, value, source, fetchedAt}} (issue 13.3), beside a certificate's {@code revocation}. */
    public static ObjectNode status(CredentialStatus status) {
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
}
