package org.qtrust.cli.cert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.qtrust.cli.json.Json;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.revocation.RevocationOutcome;

/**
 * The JSON contract of {@code qtrust cert verify --json}: one object per certificate with
 * file, trusted, code, territory, provider, service {name, type, statusAtIssuance,
 * statusAtValidationTime}, listedAs {territory, service, type} (null unless the certificate is itself listed), qcStatements {compliance, sscd, types, legislation, pds},
 * qualification {atIssuance, atValidationTime}, trace, plus policy, validationTime, listsJudgedAt (the instant the lists
 * were judged at; null without a load) and
 * certificate {subject, issuer, serialNumber, notBefore, notAfter, sha256, path} and revocation
 * {status, checked, source, producedAt, thisUpdate, nextUpdate, revokedAt, reason}.
 */
public final class VerdictJson {

    private VerdictJson() {
    }

    public static ObjectNode of(String file, CertificateVerdict verdict) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("file", file);
        node.put("trusted", verdict.trusted());
        node.put("code", verdict.code().code());
        text(node, "territory", verdict.territory());
        text(node, "provider", verdict.provider());
        if (verdict.service().isPresent()) {
            CertificateVerdict.ServiceSummary service = verdict.service().get();
            ObjectNode s = node.putObject("service");
            s.put("name", service.name());
            s.put("type", service.type());
            text(s, "statusAtIssuance", service.statusAtIssuance());
            text(s, "statusAtValidationTime", service.statusAtValidationTime());
            s.put("list", service.standing());
        } else {
            node.putNull("service");
        }
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
        array(qc.putArray("types"), verdict.qcStatements().types());
        array(qc.putArray("legislation"), verdict.qcStatements().legislation());
        array(qc.putArray("pds"), verdict.qcStatements().pds());
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
        if (verdict.certificate().isPresent()) {
            CertificateVerdict.CertificateSummary certificate = verdict.certificate().get();
            ObjectNode c = node.putObject("certificate");
            c.put("subject", certificate.subject());
            c.put("issuer", certificate.issuer());
            c.put("serialNumber", certificate.serialNumber());
            c.put("notBefore", certificate.notBefore().toString());
            c.put("notAfter", certificate.notAfter().toString());
            c.put("sha256", certificate.sha256());
            array(c.putArray("path"), certificate.path());
        } else {
            node.putNull("certificate");
        }
        revocation(node.putObject("revocation"), verdict.revocation());
        array(node.putArray("trace"), verdict.trace());
        return node;
    }

    /** Always present: "unknown" and checked=false when the decision did not ask (mode off, or already untrusted). */
    private static void revocation(ObjectNode node, Optional<RevocationOutcome> revocation) {
        node.put("status", revocation.map(r -> r.status().code()).orElse("unknown"));
        node.put("checked", revocation.map(RevocationOutcome::checked).orElse(false));
        text(node, "source", revocation.flatMap(RevocationOutcome::source).map(s -> s.code()));
        text(node, "producedAt", revocation.flatMap(RevocationOutcome::producedAt).map(Object::toString));
        text(node, "thisUpdate", revocation.flatMap(RevocationOutcome::thisUpdate).map(Object::toString));
        text(node, "nextUpdate", revocation.flatMap(RevocationOutcome::nextUpdate).map(Object::toString));
        text(node, "revokedAt", revocation.flatMap(RevocationOutcome::revokedAt).map(Object::toString));
        text(node, "reason", revocation.flatMap(RevocationOutcome::reason).map(r -> r.code()));
    }

    private static void text(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }

    private static void array(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
