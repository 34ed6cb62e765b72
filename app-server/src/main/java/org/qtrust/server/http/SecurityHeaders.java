package org.qtrust.server.http;

import org.eclipse.jetty.http.HttpFields;

/**
 * The headers every answer carries, the API's and Jetty's own errors alike (issue 15 item 5):
 * no MIME sniffing, no referrer leaving the page, no framing; HSTS when the server speaks TLS.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void apply(HttpFields.Mutable headers, boolean html, boolean tls) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Content-Security-Policy", html
                ? "default-src 'self'; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'");
        if (tls) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
