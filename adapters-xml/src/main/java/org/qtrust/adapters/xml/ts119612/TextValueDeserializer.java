package org.qtrust.adapters.xml.ts119612;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Reads the text content of a simple-typed element. Jackson XML presents an element that
 * carries attributes (an {@code xml:lang}, an {@code Id}, an {@code xsi:type}…) as an object
 * whose text sits under the empty name; the schema's simple types have no attributes that
 * matter, so the text is taken and the rest skipped. An element holding child elements
 * instead of text yields the empty string, which the mapping then reports as missing.
 */
public final class TextValueDeserializer extends StdScalarDeserializer<String> {

    private static final long serialVersionUID = 1L;

    public TextValueDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
            return textOfObject(parser, token == JsonToken.START_OBJECT ? parser.nextToken() : token);
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != null && token.isScalarValue()) {
            return parser.getText();
        }
        parser.skipChildren();
        return "";
    }

    private static String textOfObject(JsonParser parser, JsonToken first) throws IOException {
        StringBuilder text = null;
        for (JsonToken token = first; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            boolean isText = parser.currentName().isEmpty();
            JsonToken value = parser.nextToken();
            if (isText && value == JsonToken.VALUE_STRING) {
                if (text == null) {
                    text = new StringBuilder(parser.getText());
                } else {
                    text.append(parser.getText());
                }
            } else {
                parser.skipChildren();
            }
        }
        return text == null ? "" : text.toString();
    }
}
