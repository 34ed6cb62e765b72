package org.qtrust.server.certificate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qtrust.server.http.ApiProblem;

/** A certificate as the API accepts it: one PEM block, or the DER bytes in base64. */
final class CertificateText {

    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([A-Za-z0-9+/=\\s]+)-----END (?:X509 |TRUSTED )?CERTIFICATE-----");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CertificateText() {
    }

    static byte[] decode(String text, String field) {
        String base64 = text;
        if (text.contains("-----BEGIN")) {
            Matcher block = PEM_BLOCK.matcher(text);
            if (!block.find()) {
                throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' holds a PEM header but no CERTIFICATE block");
            }
            base64 = block.group(1);
        }
        try {
            byte[] der = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll("").getBytes(StandardCharsets.US_ASCII));
            if (der.length == 0) {
                throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid_certificate", "'" + field + "' is neither PEM nor base64-encoded DER");
        }
    }
}
