package org.qtrust.server.certificate;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.qtrust.server.http.ApiProblem;

/**
 * A certificate as the API accepts it: a PEM block (the first CERTIFICATE block of the text),
 * or the DER bytes in base64. Parsed by hand, not with a regular expression: this runs on
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
