package org.qtrust.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.server.json.Json;

/**
 * What the server sends back.
 *
 * @param status      the HTTP status
 * @param contentType the media type
 * @param body        the bytes
 * @param outcome     the outcome label for metrics (trusted, not_trusted, ok, client_error…)
 */
public record Answer(int status, String contentType, byte[] body, String outcome) {

    public static final String JSON = "application/json";

    public Answer {
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(body);
        Objects.requireNonNull(outcome);
    }

    /** A JSON answer; the user information of any URL in it is masked ({@link PublicText}). */
    public static Answer json(int status, JsonNode document, String outcome) {
        return new Answer(status, JSON, PublicText.jsonBytes(document), outcome);
    }

    public static Answer ok(JsonNode document) {
        return json(200, document, "ok");
    }

    /** A text answer (metrics); the user information of any URL in it is masked. */
    public static Answer text(int status, String contentType, String text) {
        return new Answer(status, contentType, UrlRedaction.redact(text).getBytes(StandardCharsets.UTF_8), status < 400 ? "ok" : "error");
    }

    public static Answer problem(int status, String code, String message) {
        return json(status, Json.error(code, message), status >= 500 ? "server_error" : "client_error");
    }
}
