package org.qtrust.server.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The headers every answer carries, the API's and Jetty's own errors alike (issue 15 item 5):
 * no MIME sniffing, no referrer leaving the page, no framing; HSTS when the server speaks TLS.
 * The fields are built and encoded once ({@link PreEncodedHttpField}): every answer copies
 * their bytes instead of checking and encoding each name and value again.
 */
public final class SecurityHeaders {

    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_REFERRER = new PreEncodedHttpField("Referrer-Policy", "no-referrer");
    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField CSP_PAGE = new PreEncodedHttpField("Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'");
    private static final HttpField CSP_API = new PreEncodedHttpField("Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'");
    private static final HttpField HSTS = new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY, "max-age=31536000");

    private SecurityHeaders() {
    }

    public static void apply(HttpFields.Mutable headers, boolean html, boolean tls) {
        headers.put(NO_SNIFF);
        headers.put(NO_REFERRER);
        headers.put(NO_FRAMES);
        headers.put(html ? CSP_PAGE : CSP_API);
        if (tls) {
            headers.put(HSTS);
        }
    }
}
