package org.qtrust.server.http;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
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
    /** The headers of every JSON answer, encoded once. */
    private static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, Answer.JSON);
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

    private final SnapshotHolder holder;
    private final CertificateEndpoint certificates;
    private final CredentialEndpoint credentials;
    private final TrustedListsEndpoint lists;
    private final HealthEndpoint health;
    private final StaticContent content;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final RequestLimits limits;
    private final Semaphore verifications;
    private final HostAllowList hosts;
    private final boolean tls;

    /** Without a Host allow-list (any host) and without TLS: for embedding behind a gate of one's own. */
    public ApiHandler(SnapshotHolder holder, CertificateEndpoint certificates, CredentialEndpoint credentials,
                      TrustedListsEndpoint lists, HealthEndpoint health, StaticContent content, ServerMetrics metrics,
                      Clock clock, int maxBodyBytes) {
        this(holder, certificates, credentials, lists, health, content, metrics, clock, RequestLimits.withBody(maxBodyBytes),
                new HostAllowList(java.util.List.of("*")), false);
    }

    /**
     * @param limits how long and how slowly a client may send, how many verifications run at once
     * @param hosts  the Host header values answered
     * @param tls    whether the server speaks TLS (answers then carry HSTS)
     */
    public ApiHandler(SnapshotHolder holder, CertificateEndpoint certificates, CredentialEndpoint credentials,
                      TrustedListsEndpoint lists, HealthEndpoint health, StaticContent content, ServerMetrics metrics,
                      Clock clock, RequestLimits limits, HostAllowList hosts, boolean tls) {
        this.limits = Objects.requireNonNull(limits);
        this.verifications = new Semaphore(limits.maxConcurrentVerifications());
        this.hosts = Objects.requireNonNull(hosts);
        this.tls = tls;
        this.holder = Objects.requireNonNull(holder);
        this.certificates = Objects.requireNonNull(certificates);
        this.credentials = Objects.requireNonNull(credentials);
        this.lists = Objects.requireNonNull(lists);
        this.health = Objects.requireNonNull(health);
        this.content = Objects.requireNonNull(content);
        this.metrics = Objects.requireNonNull(metrics);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        String endpoint = endpoint(path);
        Answer answer;
        try {
            if (!hosts.allows(request.getHttpURI().getHost())) {
                throw ApiProblem.badRequest("host_not_allowed", "this server does not answer for that host name; see --allowed-hosts");
            }
            if (isVerify(path)) {
                requireMethod(method, "POST");
                verify(request, response, callback, path, endpoint, started);
                return true;
            }
            // HEAD is GET without the body, on every GET route (RFC 9110 section 9.3.2).
            answer = route(request, head ? "GET" : method, path);
        } catch (ApiProblem problem) {
            answer = Answer.problem(problem.status(), problem.code(), problem.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, endpoint, e);
            answer = Answer.problem(500, "internal_error", "the server failed to answer; the failure is logged");
        }
        finish(response, callback, answer, path, endpoint, head, started);
        return true;
    }

    private static boolean isVerify(String path) {
        return path.equals("/v1/certificates/verify") || path.equals("/v1/credentials/verify");
    }

    /**
     * A verification: the headers are checked now, the body is read as it arrives without
     * holding a thread ({@link AsyncBody}: deadline, minimum rate, size), and the decision runs
     * on the thread that received its last byte, if a verification slot is free.
     */
    private void verify(Request request, Response response, Callback callback, String path, String endpoint, long started) {
        TrustedListsSnapshot snapshot = snapshot();
        long declared = JsonRequests.checkHeaders(request, limits.maxBodyBytes());
        boolean certificate = path.equals("/v1/certificates/verify");
        AsyncBody.read(request, new AsyncBody.Limits(limits.maxBodyBytes(), limits.requestTimeout(), limits.minDataRate()), declared)
                .whenComplete((body, failure) -> {
                    Answer answer;
                    if (failure != null) {
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        answer = cause instanceof ApiProblem problem
                                ? Answer.problem(problem.status(), problem.code(), problem.getMessage())
                                : Answer.problem(400, "unreadable_body", "the request body could not be read");
                        if (answer.status() == 408 || answer.status() == 413) {
                            // The rest of the body is not read: the connection cannot carry another request.
                            response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        }
                    } else {
                        answer = decide(body, certificate, snapshot, endpoint);
                    }
                    finish(response, callback, answer, path, endpoint, false, started);
                });
    }

    private Answer decide(byte[] body, boolean certificate, TrustedListsSnapshot snapshot, String endpoint) {
        if (!verifications.tryAcquire()) {
            return Answer.problem(503, "busy", "the server is answering as many verifications as it may at once; retry shortly");
        }
        try {
            var question = JsonRequests.parseObject(body, certificate ? CertificateEndpoint.FIELDS : CredentialEndpoint.FIELDS);
            return certificate ? certificates.verify(question, snapshot) : credentials.verify(question, snapshot);
        } catch (ApiProblem problem) {
            return Answer.problem(problem.status(), problem.code(), problem.getMessage());
        } catch (RuntimeException e) {
            LOG.error("POST {} failed", endpoint, e);
            return Answer.problem(500, "internal_error", "the server failed to answer; the failure is logged");
        } finally {
            verifications.release();
        }
    }

    private void finish(Response response, Callback callback, Answer answer, String path, String endpoint, boolean head, long started) {
        metrics.request(endpoint, answer.outcome(), Duration.ofNanos(System.nanoTime() - started));
        write(response, answer, path, head, tls, callback);
    }

    private Answer route(Request request, String method, String path) {
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

    /** The methods a route answers, for the Allow header of a 405. */
    static String allowed(String path) {
        return path.equals("/v1/certificates/verify") || path.equals("/v1/credentials/verify") ? "POST" : "GET, HEAD";
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

    private static void write(Response response, Answer answer, String path, boolean head, boolean tls, Callback callback) {
        response.setStatus(answer.status());
        boolean json = answer.contentType().equals(Answer.JSON);
        if (json) {
            response.getHeaders().put(JSON_TYPE);
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        }
        SecurityHeaders.apply(response.getHeaders(), answer.contentType().startsWith("text/html"), tls);
        if (json) {
            response.getHeaders().put(NO_STORE);
        }
        if (answer.status() == 503 && isVerify(path)) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        if (answer.status() == 405) {
            response.getHeaders().put(HttpHeader.ALLOW, allowed(path));
        }
        if (head) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, null, callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
