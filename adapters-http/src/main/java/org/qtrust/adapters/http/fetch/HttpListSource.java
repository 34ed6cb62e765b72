package org.qtrust.adapters.http.fetch;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.qtrust.core.transport.UrlRedaction;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads list documents over HTTP through the {@link HttpTransport} port: conditional
 * requests (If-None-Match / If-Modified-Since), retries with exponential backoff and jitter
 * for transient failures only, and at most {@code maxParallelFetches} downloads at once.
 * As a {@link ListDocumentSource} it fetches unconditionally (a live load, no cache).
 */
public final class HttpListSource implements ListDocumentSource, ListFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListSource.class);
    static final String ACCEPT = "application/vnd.etsi.tsl+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    /** Waits between tries; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpTransport transport;
    private final FetchConfig config;
    private final Semaphore permits;
    private final Sleeper sleeper;

    public HttpListSource(HttpTransport transport, FetchConfig config) {
        this(transport, config, duration -> Thread.sleep(duration.toMillis()));
    }

    public HttpListSource(HttpTransport transport, FetchConfig config, Sleeper sleeper) {
        this.transport = Objects.requireNonNull(transport);
        this.config = Objects.requireNonNull(config);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.permits = new Semaphore(config.maxParallelFetches(), true);
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        FetchResult result = fetch(location, Validators.NONE);
        if (result instanceof FetchResult.Downloaded downloaded) {
            return new DocumentLookup.Found(downloaded.document());
        }
        return new DocumentLookup.Unavailable(result instanceof FetchResult.Failed failed ? failed.reason()
                : "unexpected 'not modified' for an unconditional request");
    }

    @Override
    public FetchResult fetch(ListLocation location, Validators validators) {
        HttpExchange.Request request = HttpExchange.Request.get(location.url(), config.maxListBytes())
                .withHeader("Accept", ACCEPT).forPurpose(HttpExchange.Purpose.TRUSTED_LIST);
        if (validators.etag().isPresent()) {
            request = request.withHeader("If-None-Match", validators.etag().get());
        }
        if (validators.lastModified().isPresent()) {
            request = request.withHeader("If-Modified-Since", validators.lastModified().get());
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("interrupted before downloading " + location.url());
        }
        try {
            return fetchWithRetries(location, request, !validators.isEmpty());
        } finally {
            permits.release();
        }
    }

    /**
     * Downloads a location's document from a mirror ({@code --lotl-mirror}, issue 19.2):
     * unconditionally, with the same retries and size limit, but as an ordinary https fetch
     * (plain http only to loopback with the sandbox opt-in), not as a self-authenticating list.
     */
    public FetchResult fetchFromMirror(ListLocation location, String url) {
        HttpExchange.Request request = HttpExchange.Request.get(url, config.maxListBytes())
                .withHeader("Accept", ACCEPT).forPurpose(HttpExchange.Purpose.OTHER);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed("interrupted before downloading " + url);
        }
        try {
            return fetchWithRetries(location, request, false);
        } finally {
            permits.release();
        }
    }

    private FetchResult fetchWithRetries(ListLocation location, HttpExchange.Request request, boolean conditional) {
        String lastFailure = "";
        for (int attempt = 1; ; attempt++) {
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpExchange.Response response = transport.send(request);
                int status = response.status();
                if (status == 304 && conditional) {
                    return new FetchResult.NotModified();
                }
                if (status == 200) {
                    return new FetchResult.Downloaded(new ListDocument(response.finalUrl(), response.body()),
                            response.header("ETag"), response.header("Last-Modified"));
                }
                lastFailure = "HTTP " + status + " from " + response.finalUrl();
                if (!transientStatus(status)) {
                    return new FetchResult.Failed(lastFailure);
                }
                retryAfter = response.header("Retry-After").flatMap(HttpListSource::retryAfter);
            } catch (TransportException e) {
                lastFailure = e.getMessage();
                if (!transientReason(e.reason())) {
                    return new FetchResult.Failed(lastFailure);
                }
            }
            if (attempt >= config.maxAttempts()) {
                return new FetchResult.Failed(lastFailure + (attempt > 1 ? " (after " + attempt + " tries)" : ""));
            }
            Duration wait = retryAfter.isPresent() ? capped(retryAfter.get()) : backoff(attempt);
            LOG.info("{}: {}; try {} of {} in {} ms", UrlRedaction.redact(location.url()), UrlRedaction.redact(lastFailure), attempt + 1, config.maxAttempts(),
                    wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed(lastFailure + " (interrupted before retrying)");
            }
        }
    }

    /** Exponential backoff with ±20 % jitter, so many clients do not retry in step. */
    Duration backoff(int failedAttempts) {
        long base = config.initialBackoff().toMillis() << Math.min(failedAttempts - 1, 20);
        long jitter = base / 5;
        long millis = base + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1));
        return capped(Duration.ofMillis(Math.max(0, millis)));
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    static boolean transientReason(TransportException.Reason reason) {
        return reason == TransportException.Reason.TIMEOUT || reason == TransportException.Reason.CONNECTION_FAILED;
    }

    /** Retry-After as seconds or as an HTTP date (relative to the server's Date is not attempted). */
    static Optional<Duration> retryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
