package org.qtrust.server.certificate;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.qtrust.server.http.ApiProblem;

/**
 * A certificate as the API accepts it: PEM (one CERTIFICATE block, or a bundle of several:
 * {@link #decodeAll}), or the DER bytes in base64. Parsed by hand, not with a regular expression: this runs on
 * every request and a regex over a few kilobytes of base64 cost more than the decision itself.
 */
final class CertificateText {

    private static final List<String> LABELS = List.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");

    private CertificateText() {
    }

    static byte[] decode(String text, String field) {
        String base64 = text;
        if (text.contains("-----BEGIN")) {
            base64 = pemBody(text).orElseThrow(() ->
                    ApiProblem.badRequest("invalid_certificate", "'" + field + "' holds a PEM header but no CERTIFICATE block"));
        }
        byte[] ascii = new byte[base64.length()];
        int length = 0;
        for (int i = 0; i < base64.length(); i++) {
            char c = base64.charAt(i);
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
        try {
            return Base64.getDecoder().decode(Arrays.copyOf(ascii, length));
        } catch (IllegalArgumentException e) {
            throw notBase64(field);
        }
    }

    /**
     * Every certificate of a text: each CERTIFICATE block of a PEM bundle in order (as the CLI
     * reads a bundle file), or the one certificate of a base64 text.
     */
    static List<byte[]> decodeAll(String text, String field) {
        if (!text.contains("-----BEGIN")) {
            return List.of(decode(text, field));
        }
        List<byte[]> certificates = new java.util.ArrayList<>();
        int from = 0;
        while (true) {
            Optional<int[]> block = nextBlock(text, from);
            if (block.isEmpty()) {
                break;
            }
            String body = text.substring(block.get()[0], block.get()[1]);
            certificates.add(decode(body, field + (certificates.isEmpty() ? "" : " (certificate " + (certificates.size() + 1) + " of the bundle)")));
            from = block.get()[2];
            if (certificates.size() > CertificateEndpoint.MAX_CHAIN + 1) {
                throw ApiProblem.badRequest("invalid_field", "'" + field + "' holds more than " + (CertificateEndpoint.MAX_CHAIN + 1) + " certificates");
            }
        }
        if (certificates.isEmpty()) {
            throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' holds a PEM header but no CERTIFICATE block");
        }
        return certificates;
    }

    /** The next CERTIFICATE block from a position: {start of its base64, end of it, position after its END line}. */
    private static Optional<int[]> nextBlock(String text, int from) {
        int best = -1;
        String label = null;
        for (String candidate : LABELS) {
            int at = text.indexOf("-----BEGIN " + candidate + "-----", from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                label = candidate;
            }
        }
        if (label == null) {
            return Optional.empty();
        }
        int start = best + ("-----BEGIN " + label + "-----").length();
        String end = "-----END " + label + "-----";
        int stop = text.indexOf(end, start);
        return stop < 0 ? Optional.empty() : Optional.of(new int[] {start, stop, stop + end.length()});
    }

    /** The text between the first {@code -----BEGIN CERTIFICATE-----} (or X509/TRUSTED) and its END line. */
    private static Optional<String> pemBody(String text) {
        int best = -1;
        String label = null;
        for (String candidate : LABELS) {
            int at = text.indexOf("-----BEGIN " + candidate + "-----");
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
                label = candidate;
            }
        }
        if (label == null) {
            return Optional.empty();
        }
        int start = best + ("-----BEGIN " + label + "-----").length();
        int end = text.indexOf("-----END " + label + "-----", start);
        return end < 0 ? Optional.empty() : Optional.of(text.substring(start, end));
    }

    private static ApiProblem notBase64(String field) {
        return ApiProblem.badRequest("invalid_certificate", "'" + field + "' is neither PEM nor base64-encoded DER");
    }
}
