package org.qtrust.core.credential.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.credential.IssuerUrlRule;
import org.qtrust.core.credential.mdoc.StatusListCwt;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * Fetches Status List Tokens through the {@link HttpTransport} port ({@code Accept:
 * application/statuslist+jwt}, and the CWT form, draft-ietf-oauth-status-list §8.1; a CWT is
 * handed on as base64url of its bytes). Tokens are verified by the
 * caller every time they are used; here they are only fetched and cached:
 * <ul>
 *   <li>a token is kept for the time to live, never beyond its own {@code ttl} (§4.1: how long it
 *       may be cached) nor its {@code exp};</li>
 *   <li>concurrent callers for one URI share one fetch, each waiting at most its own budget;</li>
 *   <li>a failed fetch is remembered for {@link #FAILURE_TTL} (a negative cache: a dead or hanging
 *       publisher is not asked again by every request);</li>
 *   <li>the cache is bounded in entries and in bytes (least recently used first out);</li>
 *   <li>with a {@link SharedEvidenceStore} (server replicas), a token is looked for there before it
 *       is downloaded, and a downloaded one is put there for as long as it is cached here.</li>
 * </ul>
 * Only URLs its {@link IssuerUrlRule} admits are fetched (https only unless told otherwise); the
 * transport's egress rule applies to every address and redirect.
 */
public final class HttpStatusListSource implements StatusListSource {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    /** draft-ietf-oauth-status-list §8.1: both forms, the JWT one preferred. */
    public static final String ACCEPT = "application/statuslist+jwt, application/statuslist+cwt;q=0.9";
    /** How long a failed fetch is remembered. */
    public static final Duration FAILURE_TTL = Duration.ofSeconds(60);
    public static final int MAX_ENTRIES = 256;
    public static final long MAX_CACHED_BYTES = 32L * 1024 * 1024;
    static final long MAX_TOKEN_BYTES = 8L * 1024 * 1024;
    /** How far in the future a stored token's {@code iat} may be (clock skew between publisher and us). */
    static final Duration STORED_SKEW = Duration.ofSeconds(60);

    /** @param shared whether the token came from the shared store (then {@link #fetchAnew} downloads it when it fails) */
    private record Entry(StatusListFetch.Fetched fetched, Instant expires, long bytes, boolean shared) {
    }

    private record Failure(String reason, Instant until) {
    }

    private final HttpTransport transport;
    private final Clock clock;
    private final Duration ttl;
    private final IssuerUrlRule urls;
    private final Optional<JsonWebTokens> jose;
    private final Executor outbound;
    private final SharedEvidenceStore shared;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, Failure> failures = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, CompletableFuture<StatusListFetch>> inFlight = new ConcurrentHashMap<>();
    private long cachedBytes;
    private Optional<CborCodec> cbor = Optional.empty();

    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl) {
        this(transport, clock, ttl, IssuerUrlRule.HTTPS_ONLY);
    }

    /** Fetches status lists from the URLs {@code urls} admits (for a sandbox on loopback: {@link IssuerUrlRule#HTTPS_OR_LOOPBACK_HTTP}). */
    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl, IssuerUrlRule urls) {
        this(transport, clock, ttl, urls, Optional.empty(), Runnable::run);
    }

    /**
     * @param jose     reads a token's {@code ttl} and {@code exp} (unverified, for the cache lifetime only)
     * @param outbound where fetches run (a bounded executor apart from request threads); {@code Runnable::run}
     *                 fetches on the first caller's thread
     */
    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl, IssuerUrlRule urls,
                                Optional<JsonWebTokens> jose, Executor outbound) {
        this(transport, clock, ttl, urls, jose, outbound, SharedEvidenceStore.none());
    }

    /**
     * @param shared where tokens are shared with other replicas (issue 17.4), behind this cache:
     *               used only with {@code jose} (a stored token's times must be read to judge it)
     */
    public HttpStatusListSource(HttpTransport transport, Clock clock, Duration ttl, IssuerUrlRule urls,
                                Optional<JsonWebTokens> jose, Executor outbound, SharedEvidenceStore shared) {
        this.shared = Objects.requireNonNull(shared);
        this.transport = Objects.requireNonNull(transport);
        this.clock = Objects.requireNonNull(clock);
        this.ttl = Objects.requireNonNull(ttl);
        this.urls = Objects.requireNonNull(urls);
        this.jose = Objects.requireNonNull(jose);
        this.outbound = Objects.requireNonNull(outbound);
    }

    @Override
    public StatusListFetch fetch(String uri) {
        return fetch(uri, Duration.ofSeconds(30));
    }

    @Override
    public StatusListFetch fetch(String uri, Duration budget) {
        return fetch(uri, budget, true);
    }

    @Override
    public StatusListFetch fetchAnew(String uri, Duration budget) {
        synchronized (this) {
            Entry entry = entries.get(uri);
            if (entry == null || !entry.shared()) {
                return fetch(uri, budget, true);
            }
            entries.remove(uri);
            cachedBytes -= entry.bytes();
        }
        return fetch(uri, budget, false);
    }

    private StatusListFetch fetch(String uri, Duration budget, boolean fromStore) {
        if (urls.permitted(uri).isEmpty()) {
            return new StatusListFetch.Failed("status list uri " + uri + " is not fetched: " + urls.describe() + " are admitted");
        }
        Instant now = clock.instant();
        synchronized (this) {
            Entry entry = entries.get(uri);
            if (entry != null && now.isBefore(entry.expires())) {
                return entry.fetched().reusedAt(now);
            }
            Failure failure = failures.get(uri);
            if (failure != null && now.isBefore(failure.until())) {
                return new StatusListFetch.Failed(failure.reason() + "; not asked again before " + failure.until());
            }
        }
        if (budget.isNegative() || budget.isZero()) {
            return new StatusListFetch.Failed(uri + ": could not fetch (out of budget)");
        }
        CompletableFuture<StatusListFetch> mine = new CompletableFuture<>();
        CompletableFuture<StatusListFetch> shared = inFlight.putIfAbsent(uri, mine);
        if (shared == null) {
            shared = mine;
            try {
                outbound.execute(() -> complete(uri, mine, fromStore));
            } catch (RejectedExecutionException e) {
                inFlight.remove(uri, mine);
                mine.complete(new StatusListFetch.Failed(uri + ": could not fetch (too many fetches at once)"));
            }
        }
        try {
            StatusListFetch result = shared.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return result instanceof StatusListFetch.Fetched fetched && shared != mine ? fetched.reusedAt(clock.instant()) : result;
        } catch (TimeoutException e) {
            return new StatusListFetch.Failed(uri + ": could not fetch (out of budget)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StatusListFetch.Failed(uri + ": could not fetch (interrupted)");
        } catch (ExecutionException e) {
            return new StatusListFetch.Failed(uri + ": could not fetch (internal error)");
        }
    }

    private void complete(String uri, CompletableFuture<StatusListFetch> future, boolean fromStore) {
        StatusListFetch result;
        Optional<Instant> storedUntil = Optional.empty();
        try {
            Optional<Stored> stored = fromStore ? fromSharedStore(uri) : Optional.empty();
            if (stored.isPresent()) {
                result = stored.get().fetched();
                storedUntil = Optional.of(stored.get().until());
            } else {
                result = download(uri);
                share(uri, result);
            }
        } catch (RuntimeException e) {
            result = new StatusListFetch.Failed(uri + ": could not fetch (internal error)");
        }
        remember(uri, result, storedUntil);
        inFlight.remove(uri, future);
        future.complete(result);
    }

    private StatusListFetch download(String uri) {
        try {
            // §8.1: the JWT form preferred; the CWT form (mdocs, issue 18) too.
            HttpExchange.Response response = transport.send(HttpExchange.Request.get(uri, MAX_TOKEN_BYTES)
                    .withHeader("Accept", ACCEPT).forPurpose(HttpExchange.Purpose.STATUS_LIST));
            if (!response.isSuccess()) {
                return new StatusListFetch.Failed(uri + ": HTTP " + response.status());
            }
            Instant now = clock.instant();
            byte[] body = response.body();
            // A CWT is binary (a COSE_Sign1 array or tag: first byte 0x80 or above); a compact JWT is ASCII text.
            String token = body.length > 0 && (body[0] & 0xff) >= 0x80 ? StatusListCwt.token(body)
                    : new String(body, StandardCharsets.US_ASCII).strip();
            return new StatusListFetch.Fetched(token, response.finalUrl(), now, now, StatusListFetch.Fetched.FETCHED);
        } catch (TransportException e) {
            // The reason class only: no resolved address or socket error reaches a trace (a port-scanning oracle otherwise).
            return new StatusListFetch.Failed(uri + ": could not fetch (" + e.reasonClass() + ")");
        }
    }

    /** A token read back from the shared store, and until when it may be used (from its own iat, ttl and exp). */
    private record Stored(StatusListFetch.Fetched fetched, Instant until) {
    }

    /**
     * A token from the shared store, when it holds one that is still current (issue 17.4). The
     * store is storage, not trust: the token is verified by the caller like any other (signature
     * by the issuer, {@code sub}, {@code exp}); here it must be within {@link #MAX_TOKEN_BYTES},
     * read as a JWT, carry its {@code iat} (draft-ietf-oauth-status-list §5.1: required), not be
     * issued in the future, and still be within this source's time to live — and the token's own
     * {@code ttl} — counted from its {@code iat}, and before its {@code exp}: a stored token is never
     * used longer than one downloaded at its issuance would be. Anything else is ignored and the
     * token fetched anew (which overwrites it).
     */
    private Optional<Stored> fromSharedStore(String uri) {
        if (!shared.shared() || jose.isEmpty()) {
            return Optional.empty();
        }
        Optional<SharedEvidenceStore.Entry> entry = shared.find(SharedEvidenceStore.Kind.STATUS_LIST, uri, MAX_TOKEN_BYTES);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String token = new String(entry.get().bytes(), StandardCharsets.US_ASCII).strip();
        Map<String, Object> claims;
        try {
            claims = jose.get().read(token).claims();
        } catch (MalformedTokenException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(claims.get("iat") instanceof Number iatClaim) || iatClaim.doubleValue() < 0 || iatClaim.doubleValue() > 253402300800d) {
            return Optional.empty();
        }
        Instant iat = Instant.ofEpochSecond(iatClaim.longValue());
        if (iat.isAfter(now.plus(STORED_SKEW))) {
            return Optional.empty();
        }
        Instant until = iat.plus(ttl);
        if (claims.get("ttl") instanceof Number seconds && seconds.doubleValue() >= 0 && seconds.doubleValue() < 1e10) {
            until = min(until, iat.plusSeconds(seconds.longValue()));
        }
        if (claims.get("exp") instanceof Number exp && exp.doubleValue() > -1e10 && exp.doubleValue() < 253402300800d) {
            until = min(until, Instant.ofEpochSecond(exp.longValue()));
        }
        until = min(until, now.plus(entry.get().remaining()));
        if (!now.isBefore(until)) {
            return Optional.empty();
        }
        return Optional.of(new Stored(new StatusListFetch.Fetched(token, uri, now, now, StatusListFetch.Fetched.CACHE), until));
    }

    /** A downloaded token goes to the shared store for as long as this cache would keep it. */
    private void share(String uri, StatusListFetch result) {
        if (!shared.shared() || jose.isEmpty() || !(result instanceof StatusListFetch.Fetched fetched)
                || StatusListCwt.isCwtToken(fetched.token())) {
            return; // the CWT form (mdocs) is not shared: only JWTs are read back (fromSharedStore)
        }
        Duration left = Duration.between(clock.instant(), expiry(fetched));
        if (!left.isNegative() && !left.isZero()) {
            shared.put(SharedEvidenceStore.Kind.STATUS_LIST, uri, fetched.token().getBytes(StandardCharsets.US_ASCII), left);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private synchronized void remember(String uri, StatusListFetch result, Optional<Instant> storedUntil) {
        Instant now = clock.instant();
        if (result instanceof StatusListFetch.Fetched fetched) {
            failures.remove(uri);
            Instant expires = storedUntil.orElseGet(() -> expiry(fetched));
            if (!now.isBefore(expires)) {
                return;
            }
            Entry previous = entries.remove(uri);
            if (previous != null) {
                cachedBytes -= previous.bytes();
            }
            long bytes = fetched.token().length();
            entries.put(uri, new Entry(fetched, expires, bytes, storedUntil.isPresent()));
            cachedBytes += bytes;
            Iterator<Entry> oldest = entries.values().iterator();
            while ((entries.size() > MAX_ENTRIES || cachedBytes > MAX_CACHED_BYTES) && oldest.hasNext()) {
                cachedBytes -= oldest.next().bytes();
                oldest.remove();
            }
        } else if (result instanceof StatusListFetch.Failed failed) {
            failures.put(uri, new Failure(failed.reason(), now.plus(FAILURE_TTL)));
            Iterator<Failure> oldest = failures.values().iterator();
            while (failures.size() > MAX_ENTRIES && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** The time to live, shortened to the token's own {@code ttl} (seconds) and {@code exp}. */
    private Instant expiry(StatusListFetch.Fetched fetched) {
        Instant expires = fetched.fetchedAt().plus(ttl);
        if (StatusListCwt.isCwtToken(fetched.token())) {
            return cwtExpiry(fetched, expires);
        }
        if (jose.isEmpty()) {
            return expires;
        }
        try {
            SignedJwt jwt = jose.get().read(fetched.token());
            if (jwt.claims().get("ttl") instanceof Number seconds && seconds.doubleValue() >= 0 && seconds.doubleValue() < 1e10) {
                Instant byTtl = fetched.fetchedAt().plusSeconds(seconds.longValue());
                expires = byTtl.isBefore(expires) ? byTtl : expires;
            }
            if (jwt.claims().get("exp") instanceof Number exp && exp.doubleValue() > -1e10 && exp.doubleValue() < 253402300800d) {
                Instant byExp = Instant.ofEpochSecond(exp.longValue());
                expires = byExp.isBefore(expires) ? byExp : expires;
            }
            return expires;
        } catch (MalformedTokenException e) {
            return fetched.fetchedAt(); // not a JWT: not cached (it is refused when used)
        }
    }

    /** A CWT's lifetime, shortened to its {@code ttl} (65534) and {@code exp} (4); not cached when it cannot be read. */
    private Instant cwtExpiry(StatusListFetch.Fetched fetched, Instant expires) {
        if (cbor.isEmpty()) {
            return fetched.fetchedAt();
        }
        try {
            StatusListCwt cwt = StatusListCwt.read(fetched.token(), cbor.get());
            if (cwt.ttl().isPresent() && cwt.ttl().get() < 10_000_000_000L) {
                Instant byTtl = fetched.fetchedAt().plusSeconds(cwt.ttl().get());
                expires = byTtl.isBefore(expires) ? byTtl : expires;
            }
            if (cwt.expires().isPresent() && cwt.expires().get().isBefore(expires)) {
                expires = cwt.expires().get();
            }
            return expires;
        } catch (MalformedCborException e) {
            return fetched.fetchedAt();
        }
    }

    /**
     * The same source (fresh caches) that also reads CWT-form tokens' {@code ttl} and {@code exp}
     * to bound how long they are cached (issue 18); without it CWT tokens are not cached.
     */
    public HttpStatusListSource readingCwtWith(CborCodec codec) {
        HttpStatusListSource copy = new HttpStatusListSource(transport, clock, ttl, urls, jose, outbound, shared);
        copy.cbor = Optional.of(codec);
        return copy;
    }
}
