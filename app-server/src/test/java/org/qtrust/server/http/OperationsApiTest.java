package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.qtrust.server.RunningServer;

/** Health, readiness, metrics, the OpenAPI document, the page, and the credential endpoint's placeholder. */
class OperationsApiTest {

    private final RunningServer server = RunningServer.get();

    @Test
    void health_says_the_process_is_up() {
        HttpResponse<String> response = server.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("status").asText()).isEqualTo("up");
    }

    @Test
    void ready_when_the_lotl_and_lists_are_current_now() {
        HttpResponse<String> response = server.get("/ready");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode ready = RunningServer.json(response);
        assertThat(ready.get("lotlAccepted").asBoolean()).isTrue();
        assertThat(ready.get("listsAccepted").asInt()).isEqualTo(27);
    }

    @Test
    void metrics_count_requests_by_endpoint_and_outcome_and_report_list_ages() {
        server.postJson("/v1/certificates/verify", RunningServer.question(RunningServer.certificate("435504bfd802-EC-DIGIT.pem"), null));
        server.post("/v1/certificates/verify", "text/plain", "x");

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        String metrics = response.body();
        assertThat(metrics).containsPattern("qtrust_http_requests_total\\{endpoint=\"certificates_verify\",outcome=\"trusted\"} [1-9]");
        assertThat(metrics).containsPattern("qtrust_http_requests_total\\{endpoint=\"certificates_verify\",outcome=\"client_error\"} [1-9]");
        assertThat(metrics).containsPattern("qtrust_http_request_duration_seconds_bucket\\{endpoint=\"certificates_verify\",le=\"\\+Inf\"} [1-9]");
        assertThat(metrics).contains("# TYPE qtrust_http_request_duration_seconds histogram");
        // AT issued 2019-08-26T01:00Z, the clock says 2019-10-01T00:00Z: 36 days minus one hour.
        assertThat(metrics).contains("qtrust_list_age_seconds{territory=\"AT\"} " + (36 * 86400 - 3600));
        assertThat(metrics).contains("qtrust_list_accepted{territory=\"NL\"} 0");
        assertThat(metrics).containsPattern("qtrust_list_refreshes_total [1-9]");
        assertThat(metrics).contains("qtrust_list_refresh_failures_total 0");
        assertThat(metrics).containsPattern("qtrust_decision_index_cache_(hits|misses)_total [1-9]");
        assertThat(metrics).doesNotContain("NaN");
    }

    @Test
    void the_openapi_document_describes_every_endpoint() {
        HttpResponse<String> response = server.get("/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = RunningServer.json(response).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/v1/certificates/verify", "/v1/credentials/verify",
                "/v1/trusted-lists", "/v1/trusted-lists/{territory}", "/v1/services", "/health", "/ready", "/metrics", "/");
    }

    @Test
    void the_page_and_its_script_and_style_are_served_with_a_content_security_policy() {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(t -> assertThat(t).contains("default-src 'self'"));
        assertThat(page.body()).contains("<script src=\"app.js\"").contains("certificate-form");
        assertThat(server.get("/app.js").body()).contains("v1/certificates/verify");
        assertThat(server.get("/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    void a_presentation_that_is_not_an_sd_jwt_is_a_verdict_not_an_error() {
        String question = RunningServer.JSON.createObjectNode().put("presentation", "eyJ...~").put("aud", "https://rp.example")
                .put("nonce", "n-0S6_WzA2Mj").toString();

        HttpResponse<String> response = server.postJson("/v1/credentials/verify", question);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("valid").asBoolean()).isFalse();
        assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("malformed_credential");
    }

    @Test
    void a_broken_credential_question_is_refused_before_verification() {
        String missingNonce = RunningServer.JSON.createObjectNode().put("presentation", "eyJ...~").put("aud", "x").toString();

        BadRequestsTest.assertProblem(server.postJson("/v1/credentials/verify", missingNonce), 400, "missing_field");
        BadRequestsTest.assertProblem(server.post("/v1/credentials/verify", "text/plain", missingNonce), 415, "unsupported_media_type");
    }
}
