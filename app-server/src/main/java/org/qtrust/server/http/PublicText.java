package org.qtrust.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qtrust.core.transport.UrlRedaction;

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

    /** Masks the user information of every URL in the document's strings, in place; returns it. */
    public static <T extends JsonNode> T redact(T document) {
        if (document instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String text = value.textValue();
                    String shown = UrlRedaction.redact(text);
                    if (shown != text) {
                        field.setValue(TextNode.valueOf(shown));
                    }
                } else if (value.isContainerNode()) {
                    redact(value);
                }
            }
        } else if (document instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String text = value.textValue();
                    String shown = UrlRedaction.redact(text);
                    if (shown != text) {
                        array.set(i, TextNode.valueOf(shown));
                    }
                } else if (value.isContainerNode()) {
                    redact(value);
                }
            }
        }
        return document;
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
