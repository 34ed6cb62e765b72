package org.qtrust.core.credential.metadata;

import org.qtrust.core.credential.IssuerUrlRule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.qtrust.core.credential.cache.TtlCache;
import org.qtrust.core.credential.port.IssuerMetadataSource;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * Fetches both well-known metadata documents through the {@link HttpTransport} port and caches
 * the outcome for a time to live. A document that is absent (404) or cannot be fetched is a note,
 * not a failure: metadata is optional when the key comes from {@code x5c}. A document that is
 * served but is not a JSON object with the issuer identifier is {@link MetadataLookup.Broken}.
 * Only URLs its {@link IssuerUrlRule} admits are fetched (https only unless told otherwise).
 * With a budget ({@link #lookup(String, Duration)}, issue 15.1) the documents are fetched on the
 * {@code outbound} executor, one fetch per issuer shared by concurrent callers, each caller waiting
 * at most its own budget; a fetch that outlives its caller still fills the cache.
 */
public final class HttpIssuerMetadataSource implements IssuerMetadataSource {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    static final long MAX_DOCUMENT_BYTES = 256 * 1024;

    private final HttpTransport transport;
    private final JsonWebTokens json;
    private final TtlCache<String, MetadataLookup> cache;
    private final IssuerUrlRule urls;
    private final Executor outbound;
    private final Map<String, CompletableFuture<MetadataLookup>> inFlight = new ConcurrentHashMap<>();

    /** Fetches metadata of https issuers only. */
    public HttpIssuerMetadataSource(HttpTransport transport, JsonWebTokens json, Clock clock, Duration ttl) {
        this(transport, json, clock, ttl, IssuerUrlRule.HTTPS_ONLY);
    }

    /** Fetches metadata from the URLs {@code urls} admits (for a sandbox on loopback: {@link IssuerUrlRule#HTTPS_OR_LOOPBACK_HTTP}). */
    public HttpIssuerMetadataSource(HttpTransport transport, JsonWebTokens json, Clock clock, Duration ttl, IssuerUrlRule urls) {
        this(transport, json, clock, ttl, urls, Runnable::run);
    }

    /**
     * As above, fetching on {@code outbound} (a bounded executor apart from request threads, issue 15.1);
     * {@code Runnable::run} fetches in the caller's thread.
     */
    public HttpIssuerMetadataSource(HttpTransport transport, JsonWebTokens json, Clock clock, Duration ttl, IssuerUrlRule urls,
                                    Executor outbound) {
        this.transport = Objects.requireNonNull(transport);
        this.json = Objects.requireNonNull(json);
        this.cache = new TtlCache<>(clock, ttl, 1024);
        this.urls = Objects.requireNonNull(urls);
        this.outbound = Objects.requireNonNull(outbound);
    }

    @Override
    public MetadataLookup lookup(String issuer) {
        if (WellKnown.location(issuer, IssuerMetadata.Kind.JWT_VC_ISSUER, urls).isEmpty()) {
            return new MetadataLookup.Skipped("iss " + issuer + " is not a URL metadata may be fetched from ("
                    + urls.describe() + ", without user information, query or fragment)");
        }
        return cache.get(issuer, this::fetchAll);
    }

    @Override
    public MetadataLookup lookup(String issuer, Duration budget) {
        Optional<String> location = WellKnown.location(issuer, IssuerMetadata.Kind.JWT_VC_ISSUER, urls);
        if (location.isEmpty()) {
            return lookup(issuer);
        }
        Optional<MetadataLookup> cached = cache.peek(issuer);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (budget.isNegative() || budget.isZero()) {
            return notFetched(location.get(), "out of budget");
        }
        CompletableFuture<MetadataLookup> mine = new CompletableFuture<>();
        CompletableFuture<MetadataLookup> shared = inFlight.putIfAbsent(issuer, mine);
        if (shared == null) {
            shared = mine;
            try {
                outbound.execute(() -> {
                    MetadataLookup result;
                    try {
                        result = cache.get(issuer, this::fetchAll);
                    } catch (RuntimeException e) {
                        result = notFetched(location.get(), "internal error");
                    }
                    inFlight.remove(issuer, mine);
                    mine.complete(result);
                });
            } catch (RejectedExecutionException e) {
                inFlight.remove(issuer, mine);
                return notFetched(location.get(), "too many fetches at once");
            }
        }
        try {
            return shared.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return notFetched(location.get(), "out of budget");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notFetched(location.get(), "interrupted");
        } catch (ExecutionException e) {
            return notFetched(location.get(), "internal error");
        }
    }

    /** No document, with the reason class in a note (as a failed download is): never cached. */
    private static MetadataLookup notFetched(String location, String why) {
        return new MetadataLookup.Found(List.of(), List.of(location + ": could not fetch (" + why + ")"));
    }

    private MetadataLookup fetchAll(String issuer) {
        List<IssuerMetadata> documents = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (IssuerMetadata.Kind kind : IssuerMetadata.Kind.values()) {
            String location = WellKnown.location(issuer, kind, urls).orElseThrow();
            try {
                Optional<Map<String, Object>> document = fetchObject(location, notes);
                if (document.isPresent()) {
                    documents.add(read(kind, location, document.get(), notes));
                }
            } catch (MalformedTokenException e) {
                return new MetadataLookup.Broken(location + ": " + e.getMessage());
            }
        }
        return new MetadataLookup.Found(documents, notes);
    }

    private IssuerMetadata read(IssuerMetadata.Kind kind, String location, Map<String, Object> document, List<String> notes)
            throws MalformedTokenException {
        String member = kind == IssuerMetadata.Kind.JWT_VC_ISSUER ? "issuer" : "credential_issuer";
        if (!(document.get(member) instanceof String declared)) {
            throw new MalformedTokenException("no '" + member + "' string");
        }
        Optional<List<Map<String, Object>>> keys = Optional.empty();
        if (kind == IssuerMetadata.Kind.JWT_VC_ISSUER) {
            if (document.get("jwks") != null) {
                keys = Optional.of(keys(document.get("jwks")));
            } else if (document.get("jwks_uri") instanceof String jwksUri) {
                if (urls.permitted(jwksUri).isEmpty()) {
                    throw new MalformedTokenException("jwks_uri " + jwksUri + " is not a URL keys may be fetched from (" + urls.describe() + ")");
                }
                Optional<Map<String, Object>> set = fetchObject(jwksUri, notes);
                if (set.isPresent()) {
                    keys = Optional.of(keys(set.get()));
                }
            }
        }
        return new IssuerMetadata(kind, location, declared, keys);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keys(Object jwkSet) throws MalformedTokenException {
        if (!(jwkSet instanceof Map<?, ?> set) || !(set.get("keys") instanceof List<?> keys)) {
            throw new MalformedTokenException("jwks is not a JWK set with 'keys'");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object key : keys) {
            if (!(key instanceof Map<?, ?>)) {
                throw new MalformedTokenException("a JWK set member is not an object");
            }
            result.add((Map<String, Object>) key);
        }
        return result;
    }

    /** The JSON object at the location; empty (with a note) when it is absent or cannot be fetched. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> fetchObject(String location, List<String> notes) throws MalformedTokenException {
        HttpExchange.Response response;
        try {
            response = transport.send(HttpExchange.Request.get(location, MAX_DOCUMENT_BYTES).withHeader("Accept", "application/json")
                    .forPurpose(HttpExchange.Purpose.ISSUER_METADATA));
        } catch (TransportException e) {
            // The reason class only: no resolved address or socket error reaches a trace (a port-scanning oracle otherwise).
            notes.add(location + ": could not fetch (" + e.reasonClass() + ")");
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            notes.add(location + ": HTTP " + response.status() + (response.status() == 404 ? " (not published)" : ""));
            return Optional.empty();
        }
        Object parsed = json.parseJson(new String(response.body(), StandardCharsets.UTF_8));
        if (!(parsed instanceof Map<?, ?>)) {
            throw new MalformedTokenException("not a JSON object");
        }
        return Optional.of((Map<String, Object>) parsed);
    }
}
