package org.qtrust.core.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The values of one HTTP exchange, free of any HTTP library's types. */
public final class HttpExchange {

    private HttpExchange() {
    }

    /**
     * What a fetch is for. The transport's egress rule uses it for the scheme: documents that
     * authenticate themselves under a key the verifier already trusts and whose age is judged
     * (OCSP responses, CRLs, signed trusted lists and lists of trusted entities) may travel over
     * plain http, as RFC 6960 Appendix A and RFC 5280 §4.2.1.13 publish them; everything else
     * (issuer metadata, status list tokens, anything unnamed) only over https.
     */
    public enum Purpose {
        TRUSTED_LIST(true), LIST_OF_TRUSTED_ENTITIES(true), OCSP(true), CRL(true), ISSUER_METADATA(false),
        STATUS_LIST(false), OTHER(false);

        private final boolean selfAuthenticating;

        Purpose(boolean selfAuthenticating) {
            this.selfAuthenticating = selfAuthenticating;
        }

        /** Whether the answer is a signed document judged on its own (so plain http cannot forge it). */
        public boolean selfAuthenticating() {
            return selfAuthenticating;
        }
    }

    /**
     * @param method       GET or POST
     * @param url          absolute http(s) URL (before rewrite rules)
     * @param headers      request headers (e.g. If-None-Match, Accept)
     * @param body         request body for POST
     * @param maxBodyBytes the largest response body accepted
     * @param purpose      what the fetch is for ({@link Purpose#OTHER}: https only)
     */
    public record Request(String method, String url, Map<String, String> headers, Optional<byte[]> body,
                          long maxBodyBytes, Purpose purpose) {

        public Request(String method, String url, Map<String, String> headers, Optional<byte[]> body, long maxBodyBytes) {
            this(method, url, headers, body, maxBodyBytes, Purpose.OTHER);
        }

        public Request {
            Objects.requireNonNull(purpose);
            Objects.requireNonNull(method);
            Objects.requireNonNull(url);
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body);
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
        }

        public static Request get(String url, long maxBodyBytes) {
            return new Request("GET", url, Map.of(), Optional.empty(), maxBodyBytes);
        }

        public static Request post(String url, String contentType, byte[] body, long maxBodyBytes) {
            return new Request("POST", url, Map.of("Content-Type", contentType), Optional.of(body.clone()), maxBodyBytes);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Request(method, url, more, body, maxBodyBytes, purpose);
        }

        public Request forPurpose(Purpose what) {
            return new Request(method, url, headers, body, maxBodyBytes, what);
        }
    }

    /**
     * @param status   the HTTP status code
     * @param headers  response headers, names case-insensitive
     * @param body     the response body (possibly empty)
     * @param finalUrl the URL that answered, after rewrites and redirects
     */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, String finalUrl) {

        public Response {
            TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
            headers = java.util.Collections.unmodifiableMap(caseInsensitive);
            Objects.requireNonNull(body);
            Objects.requireNonNull(finalUrl);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }
}
