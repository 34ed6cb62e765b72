package org.qtrust.server.http;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.qtrust.server.certificate.CertificateEndpoint;
import org.qtrust.server.credential.CredentialEndpoint;
import org.qtrust.server.health.HealthEndpoint;
import org.qtrust.server.lists.TrustedListsEndpoint;
import org.qtrust.server.metrics.ServerMetrics;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.TrustedListsSnapshot;
import org.qtrust.server.web.StaticContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request, answers broken ones with 4xx {@code {"code", "message"}}, and counts
 * and times each by endpoint and outcome. A request reads the snapshot in force once, at its
 * start, and uses that one throughout.
 */
public final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String TRUSTED_LISTS = "/v1/trusted-lists";

    private final SnapshotHolder holder;
    private final CertificateEndpoint certificates;
    private final CredentialEndpoint credentials;
    private final TrustedListsEndpoint lists;
    private final HealthEndpoint health;
    private final StaticContent content;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final int maxBodyBytes;

    public ApiHandler(SnapshotHolder holder, CertificateEndpoint certificates, CredentialEndpoint credentials,
                      TrustedListsEndpoint lists, HealthEndpoint health, StaticContent content, ServerMetrics metrics,
                      Clock clock, int maxBodyBytes) {
        this.holder = Objects.requireNonNull(holder);
        this.certificates = Objects.requireNonNull(certificates);
        this.credentials = Objects.requireNonNull(credentials);
        this.lists = Objects.requireNonNull(lists);
        this.health = Objects.requireNonNull(health);
        this.content = Objects.requireNonNull(content);
        this.metrics = Objects.requireNonNull(metrics);
        this.clock = Objects.requireNonNull(clock);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        String endpoint = endpoint(path);
        Answer answer;
        try {
            answer = route(request, method, path);
        } catch (ApiProblem problem) {
            answer = Answer.problem(problem.status(), problem.code(), problem.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, endpoint, e);
            answer = Answer.problem(500, "internal_error", "the server failed to answer; the failure is logged");
        }
        metrics.request(endpoint, answer.outcome(), Duration.ofNanos(System.nanoTime() - started));
        write(response, answer, callback);
        return true;
    }

    private Answer route(Request request, String method, String path) {
        if (path.equals("/v1/certificates/verify") || path.equals("/v1/credentials/verify")) {
            requireMethod(method, "POST");
            TrustedListsSnapshot snapshot = snapshot();
            boolean certificate = path.equals("/v1/certificates/verify");
            var body = JsonRequests.readObject(request, maxBodyBytes,
                    certificate ? CertificateEndpoint.FIELDS : CredentialEndpoint.FIELDS);
            return certificate ? certificates.verify(body, snapshot) : credentials.verify(body, snapshot);
        }
        requireMethod(method, "GET");
        Fields query = Request.extractQueryParameters(request);
        switch (path) {
            case "/health":
                return health.health();
            case "/ready":
                return health.ready();
            case "/metrics":
                return Answer.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render(holder, clock.instant()));
            case TRUSTED_LISTS:
                return lists.lists(snapshot(), at(query));
            case "/v1/services":
                return lists.services(snapshot(), new TrustedListsEndpoint.ServiceQuery(parameter(query, "type"),
                        parameter(query, "status"), parameter(query, "q"), parameter(query, "territory"), at(query),
                        TrustedListsEndpoint.ServiceQuery.limit(parameter(query, "limit"))));
            default:
                break;
        }
        if (path.startsWith(TRUSTED_LISTS + "/") && path.indexOf('/', TRUSTED_LISTS.length() + 1) < 0) {
            return lists.territory(snapshot(), path.substring(TRUSTED_LISTS.length() + 1), at(query));
        }
        return content.find(path).orElseThrow(() -> new ApiProblem(404, "not_found", "no such resource; the API is described at /openapi.json"));
    }

    private TrustedListsSnapshot snapshot() {
        return holder.current().orElseThrow(() -> new ApiProblem(503, "not_ready", "the trusted lists are not loaded yet; try again shortly"));
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new ApiProblem(405, "method_not_allowed", "use " + expected + " here");
        }
    }

    private static Optional<String> parameter(Fields query, String name) {
        String value = query.getValue(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<java.time.Instant> at(Fields query) {
        return JsonRequests.instant(parameter(query, "at"), "at");
    }

    /** The metrics label: the route, never the raw path (unbounded label values would exhaust memory). */
    static String endpoint(String path) {
        return switch (path) {
            case "/", "/index.html", "/app.js", "/style.css", "/favicon.ico" -> "page";
            case "/openapi.json" -> "openapi";
            case "/health" -> "health";
            case "/ready" -> "ready";
            case "/metrics" -> "metrics";
            case TRUSTED_LISTS -> "trusted_lists";
            case "/v1/services" -> "services";
            case "/v1/certificates/verify" -> "certificates_verify";
            case "/v1/credentials/verify" -> "credentials_verify";
            default -> path.startsWith(TRUSTED_LISTS + "/") ? "trusted_list" : "other";
        };
    }

    private static void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (answer.contentType().startsWith("text/html")) {
            response.getHeaders().put("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        } else if (answer.contentType().equals(Answer.JSON)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        if (answer.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
