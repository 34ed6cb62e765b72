package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.qtrust.server.RunningServer;

/** POST /v1/certificates/verify over the real September 2019 lists, judged at each request's time. */
class CertificateVerifyApiTest {

    private static final String EC_DIGIT = "435504bfd802-EC-DIGIT.pem";
    private final RunningServer server = RunningServer.get();

    private JsonNode verify(String body) {
        HttpResponse<String> response = server.postJson("/v1/certificates/verify", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return RunningServer.json(response);
    }

    @Test
    void a_qualified_seal_certificate_under_a_granted_belgian_ca_is_trusted_in_october_2019() {
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate(EC_DIGIT), "2019-10-01T00:00:00Z"));

        assertThat(verdict.get("trusted").asBoolean()).isTrue();
        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(verdict.get("territory").asText()).isEqualTo("BE");
        assertThat(verdict.get("service").get("type").asText()).isEqualTo("CA/QC");
        assertThat(verdict.get("service").get("statusAtIssuance").asText()).isEqualTo("granted");
        assertThat(verdict.get("qualification").get("atValidationTime").asText()).isEqualTo("QCERT_FOR_ESEAL_QSCD");
        assertThat(verdict.get("validationTime").asText()).isEqualTo("2019-10-01T00:00:00Z");
        assertThat(verdict.get("trace")).isNotEmpty();
    }

    @Test
    void a_request_cannot_raise_revocation_above_the_servers_off_but_may_repeat_it() {
        // The shared server runs with --revocation off and without --allow-request-overrides (issue 15 item 4).
        var raising = RunningServer.JSON.createObjectNode().put("certificate", RunningServer.certificate(EC_DIGIT))
                .put("at", "2019-10-01T00:00:00Z").put("revocation", "require");
        HttpResponse<String> refused = server.postJson("/v1/certificates/verify", raising.toString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(RunningServer.json(refused).get("code").asText()).isEqualTo("override_not_allowed");

        JsonNode same = verify(raising.put("revocation", "off").toString());
        assertThat(same.get("trusted").asBoolean()).isTrue();
        assertThat(same.get("revocation").get("checked").asBoolean()).isFalse();
    }

    @Test
    void the_answer_is_the_cert_verify_document_with_its_field_names() {
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate(EC_DIGIT), "2019-10-01T00:00:00Z"));

        assertThat(fieldNames(verdict)).containsExactly("file", "trusted", "code", "territory", "provider", "service", "listedAs",
                "qcStatements", "qualification", "policy", "validationTime", "listsJudgedAt", "certificate", "revocation", "trace");
        assertThat(fieldNames(verdict.get("revocation"))).containsExactly("status", "checked", "source", "producedAt",
                "thisUpdate", "nextUpdate", "revokedAt", "reason");
        assertThat(fieldNames(verdict.get("service"))).containsExactly("name", "type", "statusAtIssuance", "statusAtValidationTime", "list");
        assertThat(fieldNames(verdict.get("qcStatements"))).containsExactly("compliance", "sscd", "types", "legislation", "pds");
        assertThat(fieldNames(verdict.get("certificate"))).containsExactly("subject", "issuer", "serialNumber", "notBefore",
                "notAfter", "sha256", "path");
        assertThat(verdict.get("file").isNull()).isTrue();
    }

    @Test
    void base64_der_and_pem_give_the_same_verdict() {
        String pem = RunningServer.certificate(EC_DIGIT);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(Base64.getDecoder().decode(base64)).isNotEmpty();

        JsonNode fromPem = verify(RunningServer.question(pem, "2019-10-01T00:00:00Z"));
        JsonNode fromDer = verify(RunningServer.question(base64, "2019-10-01T00:00:00Z"));

        assertThat(fromDer).isEqualTo(fromPem);
    }

    @Test
    void a_list_past_its_next_update_at_the_validation_time_makes_nothing_it_lists_trusted() {
        // BE seq 43 has NextUpdate 2019-12-13; the LOTL is still current on 2020-01-01.
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate(EC_DIGIT), "2020-01-01T00:00:00Z"));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("list_not_trusted");
        assertThat(verdict.get("service").get("list").asText()).isEqualTo("stale_list");
        assertThat(texts(verdict.get("trace"))).anyMatch(line -> line.contains("list_expired"));
    }

    @Test
    void a_question_about_a_time_before_the_lotl_was_issued_gets_no_trusted_list() {
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate(EC_DIGIT), "2019-01-01T00:00:00Z"));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        // No LOTL is accepted at that time: the lists, not the certificate, are the problem (issue 15 item 6).
        assertThat(verdict.get("code").asText()).isEqualTo("lists_not_trusted");
        assertThat(texts(verdict.get("trace"))).anyMatch(line -> line.contains("lotl_not_trusted"))
                .anyMatch(line -> line.startsWith("lists: the LOTL (") && line.contains("not_yet_issued"));
    }

    @Test
    void without_at_the_validation_time_is_the_servers_clock() {
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate(EC_DIGIT), null));

        assertThat(verdict.get("validationTime").asText()).isEqualTo(RunningServer.NOW.toString());
        assertThat(verdict.get("trusted").asBoolean()).isTrue();
    }

    @Test
    void the_named_policy_is_used() {
        String body = RunningServer.JSON.createObjectNode().put("certificate", RunningServer.certificate(EC_DIGIT))
                .put("at", "2019-10-01T00:00:00Z").put("policy", "eu-eidas").toString();

        assertThat(verify(body).get("policy").asText()).isEqualTo("eu-eidas");
    }

    @Test
    void a_certificate_from_no_listed_ca_is_not_trusted() {
        JsonNode verdict = verify(RunningServer.question(RunningServer.certificate("00bde2633de0-good-user.pem"), "2019-10-01T00:00:00Z"));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
    }

    @Test
    void bytes_that_are_base64_but_no_certificate_give_a_malformed_certificate_verdict() {
        JsonNode verdict = verify(RunningServer.question(Base64.getEncoder().encodeToString("not a certificate".getBytes()), null));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("malformed_certificate");
    }

    @Test
    void an_unrelated_certificate_offered_as_chain_does_not_change_the_verdict() {
        String body = RunningServer.JSON.createObjectNode().put("certificate", RunningServer.certificate(EC_DIGIT))
                .put("at", "2019-10-01T00:00:00Z")
                .set("chain", RunningServer.JSON.createArrayNode().add(RunningServer.certificate("00bde2633de0-good-user.pem")))
                .toString();

        assertThat(verify(body).get("trusted").asBoolean()).isTrue();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
