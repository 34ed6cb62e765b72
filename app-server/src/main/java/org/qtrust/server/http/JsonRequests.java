package org.qtrust.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.qtrust.server.json.Json;

/** Checks a JSON request defensively: media type, size limit, well-formed JSON object, known fields only (the body is read by {@link AsyncBody}). */
public final class JsonRequests {

    private JsonRequests() {
    }

    /**
     * Checks what the headers say before any byte of the body is read: the media type and the
     * declared length.
     *
     * @return the declared Content-Length, or -1 when none is given (chunked)
     */
    public static long checkHeaders(Request request, int maxBytes) {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals("application/json")) {
            throw new ApiProblem(415, "unsupported_media_type", "send the request body as Content-Type: application/json");
        }
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return declared;
    }

    /** The body as a JSON object with known fields only. */
    public static ObjectNode parseObject(byte[] body, Set<String> knownFields) {
        if (body.length == 0) {
            throw ApiProblem.badRequest("malformed_json", "the request body is empty; send a JSON object");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw ApiProblem.badRequest("malformed_json", "the request body is not well-formed JSON or exceeds the nesting limit" + where);
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed_json", "the request body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("malformed_json", "the request body must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw ApiProblem.badRequest("unknown_field", "unknown field '" + shorten(name) + "'; known fields: "
                        + knownFields.stream().sorted().toList());
            }
        }
        return (ObjectNode) node;
    }

    private static ApiProblem tooLarge(int maxBytes) {
        return new ApiProblem(413, "payload_too_large", "the request body exceeds " + maxBytes + " bytes");
    }

    /** A required non-empty string field. */
    public static String requiredText(ObjectNode body, String field) {
        return optionalText(body, field).orElseThrow(() ->
                ApiProblem.badRequest("missing_field", "the field '" + field + "' is required"));
    }

    public static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest("invalid_field", "the field '" + field + "' must be a string");
        }
        String text = value.asText();
        if (text.isBlank()) {
            throw ApiProblem.badRequest("invalid_field", "the field '" + field + "' is empty");
        }
        return Optional.of(text);
    }

    /** An ISO-8601 instant such as 2019-10-01T00:00:00Z, from a body field or query parameter. */
    public static Optional<Instant> instant(Optional<String> text, String field) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseInstant(text.get().trim()));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid_time", "'" + field + "' must be an ISO-8601 instant such as 2019-10-01T00:00:00Z, not '"
                    + shorten(text.get()) + "'");
        }
    }

    /**
     * {@link Instant#parse}, with a direct path for the plain form {@code yyyy-MM-ddTHH:mm:ssZ}
     * that almost every request sends (the formatter's general parse allocates a map of fields
     * per call). Any other form, and any field out of its range in the plain form, goes to
     * {@link Instant#parse}, which answers or refuses it as before.
     */
    static Instant parseInstant(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                try {
                    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
                } catch (java.time.DateTimeException noSuchDay) {
                    // 30 February and the like: Instant.parse below refuses it with its own message
                }
            }
        }
        return Instant.parse(text);
    }

    /** The value of {@code count} ASCII digits from a position, or -1 when one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String shorten(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
