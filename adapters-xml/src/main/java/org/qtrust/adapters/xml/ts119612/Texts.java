package org.qtrust.adapters.xml.ts119612;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/** Lexical rules of the schemas' simple types (TS 119 612 and TS 119 602): whitespace, base64Binary, dateTime, OIDs. */
public final class Texts {

    private static final String OID_URN = "urn:oid:";

    private Texts() {
    }

    public static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Collapses the value of a token-like type (anyURI, integer, dateTime…) to its content; null stays null. */
    public static String trim(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isXmlSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isXmlSpace(value.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == value.length() ? value : value.substring(start, end);
    }

    public static boolean isBlank(String value) {
        return value == null || trim(value).isEmpty();
    }

    /** The value of a mandatory token-like element, trimmed. */
    public static String required(String value, String element) {
        String trimmed = trim(value);
        if (trimmed == null || trimmed.isEmpty()) {
            throw new ConformanceException(element + " is missing or empty");
        }
        return trimmed;
    }

    /** xsd:base64Binary: whitespace anywhere is allowed, any other stray character is not. */
    public static byte[] base64(String value, String element) {
        if (value == null) {
            throw new ConformanceException(element + " is missing or empty");
        }
        // characters beyond Latin-1 become '?', which the decoder rejects like any other stray character
        byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (byte b : text) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                text[length++] = b;
            }
        }
        if (length == 0) {
            throw new ConformanceException(element + " is missing or empty");
        }
        try {
            return Base64.getDecoder().decode(length == text.length ? text : Arrays.copyOf(text, length));
        } catch (IllegalArgumentException e) {
            throw new ConformanceException(element + " is not base64: " + e.getMessage());
        }
    }

    /**
     * xsd:dateTime. A value without a time zone is taken as UTC, the time base TS 119 612
     * prescribes for every date-time of a list (§5.1.4).
     */
    public static Instant dateTime(String value, String element) {
        String text = required(value, element);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException withoutOffset) {
                throw new ConformanceException(element + " is not an xsd:dateTime: '" + abbreviate(text) + "'");
            }
        }
    }

    /** An object identifier as dotted decimal: "urn:oid:1.2.3" (OIDAsURN) becomes "1.2.3". */
    public static String oid(String value) {
        String text = trim(value);
        if (text != null && text.regionMatches(true, 0, OID_URN, 0, OID_URN.length())) {
            return text.substring(OID_URN.length());
        }
        return text;
    }

    /** xml:lang values compare case-insensitively (BCP 47); they are kept in lower case. */
    public static String language(String value) {
        String text = trim(value);
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** A value quoted in an error message: one line, at most 80 characters. */
    public static String abbreviate(String value) {
        String line = value.replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
