package org.qtrust.server.certificate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.qtrust.server.http.ApiProblem;

/**
 * A certificate as the API accepts it: PEM (one CERTIFICATE block, or a bundle of several:
 * {@link #decodeAll}), or the DER bytes in base64. Parsed by hand, not with a regular expression: this runs on
 * every request and a regex over a few kilobytes of base64 cost more than the decision itself.
 */
final class CertificateText {

    private static final List<String> LABELS = List.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
    private static final String BEGIN = "-----BEGIN";
    private static final String[] BEGIN_LINES = LABELS.stream().map(label -> "-----BEGIN " + label + "-----").toArray(String[]::new);
    private static final String[] END_LINES = LABELS.stream().map(label -> "-----END " + label + "-----").toArray(String[]::new);

    private CertificateText() {
    }

    /**
     * Every certificate of a text: each CERTIFICATE block of a PEM bundle in order (as the CLI
     * reads a bundle file), or the one certificate of a base64 text.
     */
    static List<byte[]> decodeAll(String text, String field) {
        if (!text.contains(BEGIN)) {
            return List.of(base64(text, 0, text.length(), field));
        }
        List<byte[]> certificates = new java.util.ArrayList<>(2);
        int from = 0;
        int[] block;
        while ((block = nextBlock(text, from)) != null) {
            certificates.add(base64(text, block[0], block[1],
                    certificates.isEmpty() ? field : field + " (certificate " + (certificates.size() + 1) + " of the bundle)"));
            from = block[2];
            if (certificates.size() > CertificateEndpoint.MAX_CHAIN + 1) {
                throw ApiProblem.badRequest("invalid_field", "'" + field + "' holds more than " + (CertificateEndpoint.MAX_CHAIN + 1) + " certificates");
            }
        }
        if (certificates.isEmpty()) {
            throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' holds a PEM header but no CERTIFICATE block");
        }
        return certificates;
    }

    /** The next CERTIFICATE block from a position: {start of its base64, end of it, position after its END line}; null when none. */
    private static int[] nextBlock(String text, int from) {
        int best = -1;
        int label = -1;
        for (int i = 0; i < BEGIN_LINES.length; i++) {
            int at = text.indexOf(BEGIN_LINES[i], from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                label = i;
            }
        }
        if (label < 0) {
            return null;
        }
        int start = best + BEGIN_LINES[label].length();
        int stop = text.indexOf(END_LINES[label], start);
        return stop < 0 ? null : new int[] {start, stop, stop + END_LINES[label].length()};
    }

    /**
     * The DER bytes of the base64 text between two positions: line breaks, spaces and tabs are
     * skipped, anything else outside the base64 alphabet (RFC 4648 §4, padding included) refuses
     * the text. One pass over the characters, no intermediate strings.
     */
    private static byte[] base64(String text, int from, int to, String field) {
        byte[] ascii = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (c > 127) {
                throw notBase64(field);
            }
            ascii[length++] = (byte) c;
        }
        if (length == 0) {
            throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' is empty");
        }
        ByteBuffer der;
        try {
            der = Base64.getDecoder().decode(ByteBuffer.wrap(ascii, 0, length));
        } catch (IllegalArgumentException e) {
            throw notBase64(field);
        }
        byte[] array = der.array();
        return der.arrayOffset() == 0 && der.position() == 0 && der.remaining() == array.length
                ? array : Arrays.copyOfRange(array, der.arrayOffset() + der.position(), der.arrayOffset() + der.limit());
    }

    private static ApiProblem notBase64(String field) {
        return ApiProblem.badRequest("invalid_certificate", "'" + field + "' is neither PEM nor base64-encoded DER");
    }
}
