package org.qtrust.server.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.server.json.Json;

/**
 * What the server may show to unauthenticated clients (issue 15 item 5): URLs without their
 * user information everywhere (documents, traces, metrics), and — where the operator's
 * configuration is described ({@code /ready}, the lists' origin) — no local paths, only
 * the last name of each.
 */
public final class PublicText {

    /** An absolute local path: starts a word with '/', as in "offline /srv/qtrust/lists" (not a URL's path, which follows "host"). */
    private static final Pattern LOCAL_PATH = Pattern.compile("(?<=^|[\\s('\"=:,\\[])(?<!://)(/[^\\s'\"(),;\\]]+)");

    private PublicText() {
    }

    /**
     * The document as JSON bytes, the user information of every URL in its string values
     * masked: written in one pass, each string checked as it is written (the document itself
     * is left as it is; field names are the server's own and written as they are).
     */
    public static byte[] jsonBytes(JsonNode document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator generator = Json.MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
            write(generator, document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(UrlRedaction.redact(node.textValue()));
            case NULL -> generator.writeNull();
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            default -> Json.MAPPER.writeTree(generator, node); // numbers and the rest, as the mapper writes them
        }
    }

    /** The text with URLs redacted and each absolute local path cut to its last name ({@code …/lotl-snapshot}). */
    public static String withoutLocalPaths(String text) {
        if (text == null) {
            return null;
        }
        String redacted = UrlRedaction.redact(text);
        if (redacted.indexOf('/') < 0) {
            return redacted;
        }
        Matcher matcher = LOCAL_PATH.matcher(redacted);
        StringBuilder out = new StringBuilder(redacted.length());
        while (matcher.find()) {
            String path = matcher.group(1);
            String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
            String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
            matcher.appendReplacement(out, Matcher.quoteReplacement("…/" + name));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
