package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.server.RunningServer;

/** Broken requests get a 4xx with {"code", "message"}: never a stack trace, never a 500. */
class BadRequestsTest {

    private static final String VERIFY = "/v1/certificates/verify";
    private final RunningServer server = RunningServer.get();

    static Stream<Arguments> brokenPosts() {
        String pem = RunningServer.certificate("435504bfd802-EC-DIGIT.pem");
        return Stream.of(
                Arguments.of("wrong content type", "text/plain", RunningServer.question(pem, null), 415, "unsupported_media_type"),
                Arguments.of("form content type", "application/x-www-form-urlencoded", "certificate=x", 415, "unsupported_media_type"),
                Arguments.of("malformed JSON", "application/json", "{\"certificate\": ", 400, "malformed_json"),
                Arguments.of("empty body", "application/json", "", 400, "malformed_json"),
                Arguments.of("JSON array", "application/json", "[]", 400, "malformed_json"),
                Arguments.of("trailing garbage", "application/json", "{\"certificate\":\"x\"} {}", 400, "malformed_json"),
                Arguments.of("duplicate field", "application/json", "{\"certificate\":\"a\",\"certificate\":\"b\"}", 400, "malformed_json"),
                Arguments.of("deep nesting", "application/json", "{\"chain\":" + "[".repeat(200) + "]".repeat(200) + "}", 400, "malformed_json"),
                Arguments.of("missing certificate", "application/json", "{\"at\":\"2019-10-01T00:00:00Z\"}", 400, "missing_field"),
                Arguments.of("certificate not a string", "application/json", "{\"certificate\":42}", 400, "invalid_field"),
                Arguments.of("unknown field", "application/json", "{\"certificate\":\"x\",\"crl\":true}", 400, "unknown_field"),
                Arguments.of("revocation not a string", "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).put("revocation", true).toString(), 400, "invalid_field"),
                Arguments.of("unknown revocation mode", "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).put("revocation", "soft").toString(), 400, "invalid_field"),
                Arguments.of("not base64", "application/json", "{\"certificate\":\"***not base64***\"}", 400, "invalid_certificate"),
                Arguments.of("PEM without certificate block", "application/json", "{\"certificate\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}", 400, "invalid_certificate"),
                Arguments.of("bad time", "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).put("at", "yesterday").toString(), 400, "invalid_time"),
                Arguments.of("unknown policy", "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).put("policy", "lenient").toString(), 400, "unknown_policy"),
                Arguments.of("chain not an array", "application/json", RunningServer.JSON.createObjectNode().put("certificate", pem).put("chain", pem).toString(), 400, "invalid_field"));
        // A body over the limit is refused before it is read; a client still sending it may see the connection reset
        // before the answer, so that case is tested over a raw socket below (a_declared_content_length_beyond_the_limit…).
    }

    @ParameterizedTest(name = "{0} → {3} {4}")
    @MethodSource("brokenPosts")
    void a_broken_verify_request_is_refused_with_a_code(String why, String contentType, String body, int status, String code) {
        HttpResponse<String> response = server.post(VERIFY, contentType, body);

        assertProblem(response, status, code);
    }

    static Stream<Arguments> brokenGets() {
        return Stream.of(
                Arguments.of("/v1/trusted-lists?at=not-a-time", 400, "invalid_time"),
                Arguments.of("/v1/trusted-lists/ZZ", 404, "unknown_territory"),
                Arguments.of("/v1/trusted-lists/%3Cscript%3E", 400, "invalid_territory"),
                Arguments.of("/v1/services?limit=lots", 400, "invalid_parameter"),
                Arguments.of("/v1/services?limit=0", 400, "invalid_parameter"),
                Arguments.of("/v1/nothing-here", 404, "not_found"),
                Arguments.of(VERIFY, 405, "method_not_allowed"));
    }

    @ParameterizedTest(name = "GET {0} → {1} {2}")
    @MethodSource("brokenGets")
    void a_broken_get_is_refused_with_a_code(String path, int status, String code) {
        assertProblem(server.get(path), status, code);
    }

    @Test
    void posting_to_a_read_only_resource_is_not_allowed() {
        assertProblem(server.postJson("/v1/trusted-lists", "{}"), 405, "method_not_allowed");
    }

    @Test
    void a_declared_content_length_beyond_the_limit_is_refused_before_reading() throws Exception {
        // A raw socket: the server answers after the headers, without waiting for (or reading) the 1 MiB it announces,
        // so a client still sending the body could see its connection closed; here nothing but the headers is sent.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + VERIFY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1048576\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"code\":\"payload_too_large\"").doesNotContain("Exception");
        }
    }

    @Test
    void a_malformed_http_request_gets_the_json_problem_document_too() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server().port())) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n".getBytes());
            String answer = new String(socket.getInputStream().readNBytes(2048));
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("\"code\":\"bad_request\"").doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        JsonNode problem = RunningServer.json(response);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("message").asText()).isNotBlank();
    }
}
