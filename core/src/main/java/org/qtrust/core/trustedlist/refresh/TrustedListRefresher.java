package org.qtrust.core.trustedlist.refresh;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.FetchResult;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * Refreshes the cache through the trust pipeline of {@link TrustedListLoader}, so a copy is
 * stored only if a load would trust its origin:
 * <ol>
 *   <li>The LOTL is downloaded (conditionally). A new copy is checked with its pivots against
 *       the Official Journal certificates; it replaces the cached LOTL only if it is authentic
 *       and its TSLSequenceNumber is not lower (no rollback).</li>
 *   <li>Every territory list the LOTL in force (the new one, else the last good one) points to
 *       is downloaded in parallel on the executor, and each new copy is checked against the
 *       certificates that LOTL announces for it, then the same sequence rule applies.</li>
 *   <li>Territories the LOTL in force no longer points to are removed.</li>
 *   <li>The cache is loaded with the caller's validation time and policy: that report is
 *       what an offline load of the cache folder gives.</li>
 * </ol>
 * Storing judges authenticity, not freshness: a verified newer copy past its NextUpdate still
 * replaces an older one (loads then refuse it as expired, as they would have refused the older).
 */
public final class TrustedListRefresher implements RefreshTrustedLists {

    /** Freshness is the load's business, not the refresh's: every NextUpdate is within this grace. */
    static final ListAcceptancePolicy AUTHENTICITY_ONLY = ListAcceptancePolicy.AUTHENTICITY_ONLY;

    private final ListFetcher fetcher;
    private final ListCache cache;
    private final TrustedListReader reader;
    private final ListSignatureVerifier verifier;
    private final Executor executor;
    private final Clock clock;

    /**
     * @param executor runs the downloads and checks of the territory lists: its size bounds the parallelism
     * @param clock    timestamps the cache metadata; never used for trust decisions
     */
    public TrustedListRefresher(ListFetcher fetcher, ListCache cache, TrustedListReader reader,
                                ListSignatureVerifier verifier, Executor executor, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher);
        this.cache = Objects.requireNonNull(cache);
        this.reader = Objects.requireNonNull(reader);
        this.verifier = Objects.requireNonNull(verifier);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public RefreshReport refresh(LoadRequest request, RefreshListener listener) throws ListCacheException {
        Objects.requireNonNull(request);
        Objects.requireNonNull(listener);
        ListCache.Lock lock = cache.lock();
        try {
            return new Run(request, listener).execute();
        } finally {
            lock.close();
        }
    }

    /**
     * Refreshes one territory's list only (the on-miss refresh: a certificate names an issuer in
     * that territory that no listed key matches). The LOTL in force is the cached one, read and
     * verified as in a full refresh but not downloaded; pivots come from the cache; the territory's
     * list is downloaded conditionally and stored only if it verifies against the certificates the
     * LOTL's pointer announces and its sequence number does not go back.
     *
     * @return the decision for that list; {@link RefreshOutcome#FAILED} with the reason when the
     *         LOTL in force is unusable or does not point to the territory
     */
    public ListRefresh refreshTerritory(LoadRequest request, String territory) throws ListCacheException {
        Objects.requireNonNull(request);
        Objects.requireNonNull(territory);
        ListCache.Lock lock = cache.lock();
        try {
            Run run = new Run(request, RefreshListener.NONE);
            run.onlyTerritory = Optional.of(territory);
            return run.executeOne(territory);
        } finally {
            lock.close();
        }
    }

    /** The state of one refresh; it is also the document source the pipeline checks candidates from. */
    private final class Run implements ListDocumentSource {

        private final LoadRequest request;
        private final LoadRequest authenticity;
        private final RefreshListener listener;
        private final Instant startedAt;
        private final Map<String, CompletableFuture<Attempt>> attempts = new ConcurrentHashMap<>();
        private final Map<String, ListVerdict> pivotVerdicts = new LinkedHashMap<>();
        private volatile Optional<ListDocument> listOfListsInForce = Optional.empty();
        private volatile boolean territoriesDeferred = true;
        /** With a value, only that territory's list is downloaded; the LOTL and pivots come from the cache. */
        private volatile Optional<String> onlyTerritory = Optional.empty();

        Run(LoadRequest request, RefreshListener listener) {
            this.request = request;
            this.listener = listener;
            this.authenticity = new LoadRequest(request.listOfLists(), request.officialJournalCertificates(),
                    request.officialJournalUri(), request.validationTime(), AUTHENTICITY_ONLY);
            this.startedAt = clock.instant();
        }

        ListRefresh executeOne(String territory) {
            ListLocation lotlLocation = request.listOfLists();
            Optional<CachedList> lotl = cache.find(lotlLocation);
            if (lotl.isEmpty()) {
                return failedOne(new ListLocation(lotlLocation.url(), ListLocation.Role.TERRITORY_LIST, territory),
                        "the cache holds no LOTL");
            }
            listOfListsInForce = Optional.of(lotl.get().document());
            territoriesDeferred = false;
            TrustedListsReport check = pipeline().load(authenticity);
            if (!check.listOfLists().accepted()) {
                String reason = check.listOfLists().rejection().map(ListRejection::code).orElse("");
                return failedOne(new ListLocation(lotlLocation.url(), ListLocation.Role.TERRITORY_LIST, territory),
                        "the LOTL in force is not usable (" + reason + ")");
            }
            for (ListVerdict verdict : check.lists()) {
                if (verdict.location().territory().equals(territory)) {
                    Attempt attempt = attempt(verdict.location());
                    return attempt.hasNewContent() ? decideNewCopy(attempt, verdict) : decideSameCopy(attempt);
                }
            }
            return failedOne(new ListLocation(lotlLocation.url(), ListLocation.Role.TERRITORY_LIST, territory),
                    "the LOTL in force has no list for " + territory);
        }

        private ListRefresh failedOne(ListLocation location, String why) {
            return new ListRefresh(location, RefreshOutcome.FAILED, Optional.of(RefreshProblem.of(RefreshProblem.Kind.NOT_CHECKED)),
                    why, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
        }

        RefreshReport execute() {
            Attempt lotl = attempt(request.listOfLists());
            ListRefresh lotlEntry;
            Optional<ListDocument> inForce = lotl.cached.map(CachedList::document);
            Optional<TrustedList> inForceList = Optional.empty();
            if (lotl.hasNewContent()) {
                listOfListsInForce = Optional.of(lotl.downloaded().document());
                TrustedListsReport check = pipeline().load(authenticity);
                rememberPivots(check);
                lotlEntry = decideNewCopy(lotl, check.listOfLists());
                if (lotlEntry.outcome() == RefreshOutcome.UPDATED || lotlEntry.outcome() == RefreshOutcome.NEW) {
                    inForce = Optional.of(lotl.downloaded().document());
                    inForceList = check.listOfLists().list();
                }
            } else {
                lotlEntry = decideSameCopy(lotl);
            }
            if (inForce.isPresent() && inForceList.isEmpty()) {
                inForceList = lotl.previousList();
            }
            listener.decided(lotlEntry);

            List<ListRefresh> lists = inForce.isPresent()
                    ? refreshTerritoryLists(inForce.get(), inForceList)
                    : notChecked("no usable copy of the LOTL");
            List<ListRefresh> pivots = decidePivots();
            TrustedListsReport cacheReport = new TrustedListLoader(new CachedListSource(cache), reader, verifier,
                    executor).load(request);
            return new RefreshReport(startedAt, clock.instant(), lotlEntry, pivots, lists, cacheReport);
        }

        private List<ListRefresh> refreshTerritoryLists(ListDocument lotlInForce, Optional<TrustedList> parsed) {
            listOfListsInForce = Optional.of(lotlInForce);
            territoriesDeferred = false;
            parsed.ifPresent(lotl -> listener.planned(territoryCount(lotl)));
            TrustedListsReport check = pipeline().load(authenticity);
            rememberPivots(check);
            if (!check.listOfLists().accepted()) {
                String reason = check.listOfLists().rejection().map(ListRejection::code).orElse("");
                return notChecked("the LOTL in force is not usable (" + reason + ")");
            }
            List<ListRefresh> entries = new ArrayList<>();
            Set<String> pointed = new HashSet<>();
            for (ListVerdict verdict : check.lists()) {
                pointed.add(verdict.location().territory());
                Attempt attempt = attempt(verdict.location());
                ListRefresh entry = attempt.hasNewContent() ? decideNewCopy(attempt, verdict) : decideSameCopy(attempt);
                entries.add(entry);
                listener.decided(entry);
            }
            for (CacheMetadata stored : cache.entries()) {
                ListLocation location = stored.location();
                if (location.role() == ListLocation.Role.TERRITORY_LIST && !pointed.contains(location.territory())) {
                    ListRefresh entry = remove(stored);
                    entries.add(entry);
                    listener.decided(entry);
                }
            }
            return entries;
        }

        private ListRefresh remove(CacheMetadata stored) {
            ListLocation location = stored.location();
            Optional<BigInteger> sequence = Optional.of(stored.sequenceNumber());
            try {
                cache.remove(location);
                return new ListRefresh(location, RefreshOutcome.REMOVED, Optional.empty(),
                        "the LOTL in force no longer points to " + location.territory() + "; its copy was removed",
                        sequence, Optional.empty(), Optional.empty(), false, Optional.empty());
            } catch (ListCacheException e) {
                return new ListRefresh(location, RefreshOutcome.KEPT_LAST_GOOD,
                        Optional.of(RefreshProblem.of(RefreshProblem.Kind.CACHE_WRITE_FAILED)),
                        "no longer pointed to, but cannot be removed: " + e.getMessage(), sequence, sequence,
                        stored.nextUpdate(), isStale(stored.nextUpdate(), true), Optional.empty(), stored.mirror());
            }
        }

        /** Territory lists in the cache stay as they are when no LOTL says who may sign them. */
        private List<ListRefresh> notChecked(String why) {
            List<ListRefresh> entries = new ArrayList<>();
            for (CacheMetadata stored : cache.entries()) {
                if (stored.location().role() != ListLocation.Role.TERRITORY_LIST) {
                    continue;
                }
                Optional<BigInteger> sequence = Optional.of(stored.sequenceNumber());
                ListRefresh entry = new ListRefresh(stored.location(), RefreshOutcome.KEPT_LAST_GOOD,
                        Optional.of(RefreshProblem.of(RefreshProblem.Kind.NOT_CHECKED)), why + ": the cached copy stays",
                        sequence, sequence, stored.nextUpdate(), isStale(stored.nextUpdate(), true), Optional.empty(),
                        stored.mirror());
                entries.add(entry);
                listener.decided(entry);
            }
            return entries;
        }

        /** Pivots the pipeline used or tried, in the LOTL's order. */
        private List<ListRefresh> decidePivots() {
            List<ListRefresh> entries = new ArrayList<>();
            for (ListVerdict verdict : pivotVerdicts.values()) {
                Attempt attempt = attempt(verdict.location());
                ListRefresh entry = attempt.hasNewContent() ? decideNewCopy(attempt, verdict) : decideSameCopy(attempt);
                entries.add(entry);
                listener.decided(entry);
            }
            return entries;
        }

        private void rememberPivots(TrustedListsReport check) {
            check.pivots().forEach(pivot -> pivotVerdicts.put(pivot.location().url(), pivot));
        }

        /** A downloaded copy that differs from the cached one: store it if authentic and not older. */
        private ListRefresh decideNewCopy(Attempt attempt, ListVerdict verdict) {
            if (!authentic(verdict)) {
                ListRejection rejection = verdict.rejection().orElse(ListRejection.SIGNATURE_INVALID);
                String last = verdict.trace().isEmpty() ? "" : " (" + verdict.trace().get(verdict.trace().size() - 1) + ")";
                return keep(attempt, RefreshProblem.rejected(rejection),
                        attempt.copyName() + " refused: " + rejection.description() + signatureDetail(verdict) + last);
            }
            TrustedList candidate = verdict.list().orElseThrow();
            BigInteger sequence = candidate.scheme().sequenceNumber();
            Optional<BigInteger> previous = attempt.previousList().map(list -> list.scheme().sequenceNumber());
            if (previous.isPresent() && sequence.compareTo(previous.get()) < 0) {
                return keep(attempt, RefreshProblem.of(RefreshProblem.Kind.ROLLBACK), attempt.copyName() + " has sequence number "
                        + sequence + ", lower than the cached copy's " + previous.get() + ": rollback refused");
            }
            FetchResult.Downloaded downloaded = attempt.downloaded();
            Instant now = clock.instant();
            // A mirror's copy is verified exactly like the publisher's (issue 19.2); the metadata says where it came from.
            Optional<String> mirror = downloaded.mirror().map(FetchResult.Mirrored::url);
            CacheMetadata metadata = new CacheMetadata(attempt.location, downloaded.etag(), downloaded.lastModified(), now,
                    now, attempt.downloadedSha256(), sequence, candidate.scheme().issued(),
                    candidate.scheme().nextUpdate(), mirror);
            try {
                cache.store(downloaded.document(), metadata);
            } catch (ListCacheException e) {
                return keep(attempt, RefreshProblem.of(RefreshProblem.Kind.CACHE_WRITE_FAILED),
                        "verified, but cannot be stored: " + e.getMessage());
            }
            Optional<TrustedList> before = attempt.previousList();
            RefreshOutcome outcome = before.isPresent() ? RefreshOutcome.UPDATED : RefreshOutcome.NEW;
            String detail = before.isEmpty() ? "new copy, sequence number " + sequence
                    : sequence.equals(previous.get()) ? "re-issued with the same sequence number " + sequence
                    : "sequence number " + previous.get() + " → " + sequence;
            detail += attempt.mirrorNote();
            Optional<Instant> nextUpdate = candidate.scheme().nextUpdate();
            return new ListRefresh(attempt.location, outcome, Optional.empty(), detail, previous, Optional.of(sequence),
                    nextUpdate, isStale(nextUpdate, true), before.map(old -> ListDiff.between(old, candidate)), mirror);
        }

        /** Nothing new was downloaded: the publisher confirmed the copy, or could not be reached. */
        private ListRefresh decideSameCopy(Attempt attempt) {
            if (attempt.result instanceof FetchResult.Failed failed) {
                return keep(attempt, RefreshProblem.of(RefreshProblem.Kind.FETCH_FAILED), failed.reason());
            }
            Instant now = clock.instant();
            // The metadata of a copy matches its bytes (the cache vouches for that); a seeded copy has none.
            Optional<CacheMetadata> known = attempt.cached.flatMap(CachedList::metadata)
                    .or(() -> attempt.previousList().map(list -> new CacheMetadata(attempt.location, Optional.empty(),
                            Optional.empty(), now, now, sha256(attempt.cached.orElseThrow().document().content()),
                            list.scheme().sequenceNumber(), list.scheme().issued(), list.scheme().nextUpdate())));
            if (known.isEmpty()) {
                return keep(attempt, RefreshProblem.of(RefreshProblem.Kind.FETCH_FAILED),
                        "the publisher answered 'not modified' but the cache holds no readable copy");
            }
            CacheMetadata metadata = known.get();
            if (attempt.result instanceof FetchResult.Downloaded downloaded && downloaded.mirror().isPresent()) {
                // A mirror is not the publisher: it confirms nothing, so the metadata stays as it is.
                Optional<BigInteger> sequence = Optional.of(metadata.sequenceNumber());
                return new ListRefresh(attempt.location, RefreshOutcome.NOT_MODIFIED, Optional.empty(),
                        "not modified (the mirror serves the cached copy)" + attempt.mirrorNote(), sequence, sequence,
                        metadata.nextUpdate(), isStale(metadata.nextUpdate(), true), Optional.empty(), metadata.mirror());
            }
            String detail = "not modified (HTTP 304)";
            if (attempt.result instanceof FetchResult.Downloaded downloaded) {
                detail = "not modified (the same bytes were served again)";
                metadata = metadata.checked(now, downloaded.etag(), downloaded.lastModified());
            } else {
                metadata = metadata.checked(now, Optional.empty(), Optional.empty());
            }
            if (!metadata.location().equals(attempt.location)) {
                // Same bytes at a new address: later conditional requests go to the new one.
                Optional<FetchResult.Downloaded> served = attempt.result instanceof FetchResult.Downloaded downloaded
                        ? Optional.of(downloaded) : Optional.empty();
                metadata = new CacheMetadata(attempt.location, served.flatMap(FetchResult.Downloaded::etag),
                        served.flatMap(FetchResult.Downloaded::lastModified), metadata.fetchedAt(), now, metadata.sha256(), metadata.sequenceNumber(), metadata.issued(),
                        metadata.nextUpdate());
            }
            try {
                cache.updateMetadata(metadata);
            } catch (ListCacheException e) {
                detail += "; metadata not updated: " + e.getMessage();
            }
            Optional<BigInteger> sequence = Optional.of(metadata.sequenceNumber());
            return new ListRefresh(attempt.location, RefreshOutcome.NOT_MODIFIED, Optional.empty(), detail, sequence,
                    sequence, metadata.nextUpdate(), isStale(metadata.nextUpdate(), true), Optional.empty());
        }

        /** The downloaded copy is not used: the cached copy (if any) stays. */
        private ListRefresh keep(Attempt attempt, RefreshProblem problem, String detail) {
            Optional<TrustedList> cachedList = attempt.previousList();
            Optional<BigInteger> sequence = cachedList.map(list -> list.scheme().sequenceNumber());
            Optional<Instant> nextUpdate = cachedList.flatMap(list -> list.scheme().nextUpdate());
            RefreshOutcome outcome = cachedList.isPresent() ? RefreshOutcome.KEPT_LAST_GOOD : RefreshOutcome.FAILED;
            Optional<String> mirror = cachedList.isPresent()
                    ? attempt.cached.flatMap(CachedList::metadata).flatMap(CacheMetadata::mirror) : Optional.empty();
            return new ListRefresh(attempt.location, outcome, Optional.of(problem), detail, sequence, sequence, nextUpdate,
                    isStale(nextUpdate, cachedList.isPresent()), Optional.empty(), mirror);
        }

        private boolean isStale(Optional<Instant> nextUpdate, boolean hasCopy) {
            if (!hasCopy) {
                return false;
            }
            return nextUpdate.map(next -> !next.isAfter(request.validationTime())).orElse(true);
        }

        private TrustedListLoader pipeline() {
            return new TrustedListLoader(this, reader, verifier, executor);
        }

        @Override
        public DocumentLookup find(ListLocation location) {
            return switch (location.role()) {
                case LIST_OF_LISTS -> listOfListsInForce
                        .<DocumentLookup>map(DocumentLookup.Found::new)
                        .orElseGet(() -> new DocumentLookup.Unavailable("no usable copy of the LOTL"));
                case PIVOT -> {
                    if (onlyTerritory.isPresent()) {
                        // One territory's refresh checks the LOTL in force with the pivots as cached.
                        yield cache.find(location).<DocumentLookup>map(cached -> new DocumentLookup.Found(cached.document()))
                                .orElseGet(() -> new DocumentLookup.Unavailable("no cached copy of pivot " + location.fileName()));
                    }
                    // A pivot is checked whether new or cached: the chain needs it either way.
                    Attempt attempt = attempt(location);
                    Optional<ListDocument> document = attempt.hasNewContent()
                            ? Optional.of(attempt.downloaded().document())
                            : attempt.cached.map(CachedList::document);
                    yield document.<DocumentLookup>map(DocumentLookup.Found::new)
                            .orElseGet(() -> new DocumentLookup.Unavailable(attempt.describe()));
                }
                case TERRITORY_LIST -> {
                    if (territoriesDeferred) {
                        yield new DocumentLookup.Unavailable("territory lists are fetched once the LOTL is decided");
                    }
                    if (onlyTerritory.isPresent() && !onlyTerritory.get().equals(location.territory())) {
                        yield new DocumentLookup.Unavailable("only " + onlyTerritory.get() + " is refreshed");
                    }
                    // Only new copies need checking; the others keep (or lack) their cached copy.
                    Attempt attempt = attempt(location);
                    yield attempt.hasNewContent()
                            ? new DocumentLookup.Found(attempt.downloaded().document())
                            : new DocumentLookup.Unavailable(attempt.describe());
                }
            };
        }

        /** Fetches a location once per refresh, whoever asks first; later askers get the same attempt. */
        private Attempt attempt(ListLocation location) {
            String key = location.role() + "|" + location.territory() + "|" + location.url();
            CompletableFuture<Attempt> mine = new CompletableFuture<>();
            CompletableFuture<Attempt> existing = attempts.putIfAbsent(key, mine);
            if (existing != null) {
                return existing.join();
            }
            try {
                Optional<CachedList> cached = cache.find(location);
                ListFetcher.Validators validators = cached.flatMap(CachedList::metadata)
                        .map(metadata -> metadata.validatorsFor(location))
                        .orElse(ListFetcher.Validators.NONE);
                FetchResult result = fetcher.fetch(location, validators);
                listener.fetched(location, result);
                Attempt attempt = new Attempt(location, cached, result);
                mine.complete(attempt);
                return attempt;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    /** One location's download in this refresh, beside its cached copy. */
    private final class Attempt {
        private final ListLocation location;
        private final Optional<CachedList> cached;
        private final FetchResult result;
        private final String downloadedSha256;
        private Optional<TrustedList> previous;

        Attempt(ListLocation location, Optional<CachedList> cached, FetchResult result) {
            this.location = location;
            this.cached = cached;
            this.result = result;
            this.downloadedSha256 = result instanceof FetchResult.Downloaded downloaded
                    ? sha256(downloaded.document().content()) : "";
        }

        /** Downloaded, and not byte for byte the cached copy. */
        boolean hasNewContent() {
            if (!(result instanceof FetchResult.Downloaded)) {
                return false;
            }
            // The cache vouches that metadata matches its document; without metadata, hash the bytes.
            return cached.isEmpty() || !downloadedSha256.equals(cached.get().metadata().map(CacheMetadata::sha256)
                    .orElseGet(() -> sha256(cached.get().document().content())));
        }

        FetchResult.Downloaded downloaded() {
            return (FetchResult.Downloaded) result;
        }

        String downloadedSha256() {
            return downloadedSha256;
        }

        /** The cached copy as read (no trust implied: it was verified when stored). */
        synchronized Optional<TrustedList> previousList() {
            if (previous == null) {
                previous = cached.flatMap(copy -> {
                    try {
                        return Optional.of(reader.read(copy.document()));
                    } catch (MalformedListException e) {
                        return Optional.empty();
                    }
                });
            }
            return previous;
        }

        /** "downloaded copy", or "copy from mirror URL" when the publisher's location failed. */
        String copyName() {
            if (result instanceof FetchResult.Downloaded downloaded && downloaded.mirror().isPresent()) {
                return "copy from mirror " + downloaded.mirror().get().url() + " (the publisher's location failed: "
                        + downloaded.mirror().get().originFailure() + ")";
            }
            return "downloaded copy";
        }

        /** For a mirror's copy: where it came from and why (the refresh report says which source each list came from). */
        String mirrorNote() {
            if (result instanceof FetchResult.Downloaded downloaded && downloaded.mirror().isPresent()) {
                return "; from mirror " + downloaded.mirror().get().url() + " (the publisher's location failed: "
                        + downloaded.mirror().get().originFailure() + ")";
            }
            return "";
        }

        String describe() {
            if (result instanceof FetchResult.Failed failed) {
                return "download failed: " + failed.reason();
            }
            return cached.isPresent() ? "unchanged since the cached copy" : "no copy";
        }
    }

    /** Authentic: read, signed by an announced certificate, of the announced territory and type. */
    static boolean authentic(ListVerdict verdict) {
        return verdict.list().isPresent()
                && verdict.signature().map(SignatureCheck::isValid).orElse(false)
                && verdict.rejection().map(rejection -> rejection == ListRejection.EXPIRED).orElse(true);
    }

    private static String signatureDetail(ListVerdict verdict) {
        return verdict.signature().filter(check -> !check.isValid())
                .map(check -> "; signature " + check.status() + ": " + check.detail()).orElse("");
    }

    /** Distinct territories of the LOTL's XML pointers to other lists (as the pipeline loads them). */
    static int territoryCount(TrustedList lotl) {
        Set<String> territories = new LinkedHashSet<>();
        for (ListPointer pointer : lotl.scheme().pointers()) {
            if (pointer.isXml() && !pointer.tslType().equals(lotl.scheme().tslType())) {
                territories.add(pointer.territory());
            }
        }
        return territories.size();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
