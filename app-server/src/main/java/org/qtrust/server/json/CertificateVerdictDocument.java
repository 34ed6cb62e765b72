package org.qtrust.server.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.revocation.RevocationOutcome;

/**
 * The {@code cert verify} document (the contract of {@code qtrust cert verify --json}, same
 * field names and meanings), built from the core verdict. {@code file} names the certificate's
 * origin; for the API it is null.
 */
public final class CertificateVerdictDocument {

    private CertificateVerdictDocument() {
    }

    public static ObjectNode of(CertificateVerdict verdict) {
        ObjectNode node = Json.object();
        node.putNull("file");
        node.put("trusted", verdict.trusted());
        node.put("code", verdict.code().code());
        optional(node, "territory", verdict.territory());
        optional(node, "provider", verdict.provider());
        verdict.service().ifPresentOrElse(service -> {
            ObjectNode s = node.putObject("service");
            s.put("name", service.name());
            s.put("type", service.type());
            optional(s, "statusAtIssuance", service.statusAtIssuance());
            optional(s, "statusAtValidationTime", service.statusAtValidationTime());
            s.put("list", service.standing());
        }, () -> node.putNull("service"));
        if (verdict.listedAs().isPresent()) {
            CertificateVerdict.ListedAs listed = verdict.listedAs().get();
            ObjectNode l = node.putObject("listedAs");
            l.put("territory", listed.territory());
            l.put("service", listed.service());
            l.put("type", listed.type());
        } else {
            node.putNull("listedAs");
        }
        ObjectNode qc = node.putObject("qcStatements");
        qc.put("compliance", verdict.qcStatements().compliance());
        qc.put("sscd", verdict.qcStatements().sscd());
        strings(qc.putArray("types"), verdict.qcStatements().types());
        strings(qc.putArray("legislation"), verdict.qcStatements().legislation());
        strings(qc.putArray("pds"), verdict.qcStatements().pds());
        ObjectNode qualification = node.putObject("qualification");
        qualification.put("atIssuance", verdict.qualification().atIssuance().name());
        qualification.put("atValidationTime", verdict.qualification().atValidationTime().name());
        node.put("policy", verdict.policy());
        node.put("validationTime", verdict.validationTime().toString());
        if (verdict.listsJudgedAt().isPresent()) {
            node.put("listsJudgedAt", verdict.listsJudgedAt().get().toString());
        } else {
            node.putNull("listsJudgedAt");
        }
        verdict.certificate().ifPresentOrElse(certificate -> {
            ObjectNode c = node.putObject("certificate");
            c.put("subject", certificate.subject());
            c.put("issuer", certificate.issuer());
            c.put("serialNumber", certificate.serialNumber());
            c.put("notBefore", certificate.notBefore().toString());
            c.put("notAfter", certificate.notAfter().toString());
            c.put("sha256", certificate.sha256());
            strings(c.putArray("path"), certificate.path());
        }, () -> node.putNull("certificate"));
        revocation(node.putObject("revocation"), verdict.revocation());
        strings(node.putArray("trace"), verdict.trace());
        return node;
    }

    /** Always present, as in {@code cert verify}: unknown and unchecked when there is no outcome. */
    private static void revocation(ObjectNode node, Optional<RevocationOutcome> revocation) {
        node.put("status", revocation.map(r -> r.status().code()).orElse("unknown"));
        node.put("checked", revocation.map(RevocationOutcome::checked).orElse(false));
        optional(node, "source", revocation.flatMap(RevocationOutcome::source).map(s -> s.code()));
        optional(node, "producedAt", revocation.flatMap(RevocationOutcome::producedAt).map(Object::toString));
        optional(node, "thisUpdate", revocation.flatMap(RevocationOutcome::thisUpdate).map(Object::toString));
        optional(node, "nextUpdate", revocation.flatMap(RevocationOutcome::nextUpdate).map(Object::toString));
        optional(node, "revokedAt", revocation.flatMap(RevocationOutcome::revokedAt).map(Object::toString));
        optional(node, "reason", revocation.flatMap(RevocationOutcome::reason).map(r -> r.code()));
    }

    static void optional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
