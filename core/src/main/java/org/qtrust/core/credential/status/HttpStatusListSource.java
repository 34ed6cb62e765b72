package org.qtrust.core.credential.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.qtrust.core.credential.IssuerUrlRule;
import org.qtrust.core.credential.cache.TtlCache;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * Fetches Status List Tokens through the {@link HttpTransport} port ({@code Accept:
 * application/statuslist+jwt}, draft-ietf-oauth-status-list §8.1) and caches each for a time to
 * live. Tokens are verified by the caller every time they are used. Only URLs its
 * {@link IssuerUrlRule} admits are fetched (https only unless told otherwise).
 */
public final class HttpStatusListSource implements StatusListSource {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    static final long MAX_TOKEN_BYTES = 8L * 1024 * 1024;

    private final HttpTransport transport;
    private final TtlCache<String, StatusListFetch> cache;
    private final IssuerUrlRule urls;

    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl) {
        this(transport, clock, ttl, IssuerUrlRule.HTTPS_ONLY);
    }

    /** Fetches status lists from the URLs {@code urls} admits (for a sandbox on loopback: {@link IssuerUrlRule#HTTPS_OR_LOOPBACK_HTTP}). */
    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl, IssuerUrlRule urls) {
        this.transport = Objects.requireNonNull(transport);
        this.cache = new TtlCache<>(clock, ttl, 256);
        this.urls = Objects.requireNonNull(urls);
    }

    @Override
    public StatusListFetch fetch(String uri) {
        if (urls.permitted(uri).isEmpty()) {
            return new StatusListFetch.Failed("status list uri " + uri + " is not fetched: " + urls.describe() + " are admitted");
        }
        return cache.get(uri, this::download, fetch -> fetch instanceof StatusListFetch.Fetched);
    }

    private StatusListFetch download(String uri) {
        try {
            HttpExchange.Response response = transport.send(HttpExchange.Request.get(uri, MAX_TOKEN_BYTES)
                    .withHeader("Accept", "application/statuslist+jwt").forPurpose(HttpExchange.Purpose.STATUS_LIST));
            if (!response.isSuccess()) {
                return new StatusListFetch.Failed(uri + ": HTTP " + response.status());
            }
            return new StatusListFetch.Fetched(new String(response.body(), StandardCharsets.US_ASCII).strip(), response.finalUrl());
        } catch (TransportException e) {
            // The reason class only: no resolved address or socket error reaches a trace (a port-scanning oracle otherwise).
            return new StatusListFetch.Failed(uri + ": could not fetch (" + e.reasonClass() + ")");
        }
    }
}
