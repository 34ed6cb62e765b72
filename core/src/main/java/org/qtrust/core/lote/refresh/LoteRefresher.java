package org.qtrust.core.lote.refresh;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.loading.LoteLoadRequest;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * Refreshes the cached copies of the configured lists of trusted entities through
 * {@link LoteLoader}, so a copy is stored only if a load would trust its origin. For each
 * location, in the order given:
 * <ol>
 *   <li>the cached copy is verified again (signers may have changed since it was stored): if it
 *       still verifies it is the last good copy, and its sequence number the floor;</li>
 *   <li>the list is obtained from its publisher (file or URL) and judged by the loader with the
 *       last good copy among the accepted lists: a lower LoTESequenceNumber is the loader's
 *       {@link ListRejection#ROLLBACK} (TS 119 602 §6.3.2), any other refusal its own code;</li>
 *   <li>an authentic copy is stored (the same bytes again only confirm the cached copy); anything
 *       else keeps the last good copy, or fails when there is none.</li>
 * </ol>
 * As for trusted lists, storing judges authenticity, not freshness: an authentic newer copy past
 * its NextUpdate still replaces an older one, and loads refuse it as expired. The lists
 * accepted so far are the references (rollback, pointers to other lists' signers) of the lists
 * after them, as in {@link LoteLoader#loadInOrder}. Ends with a load of the cache.
 */
public final class LoteRefresher implements RefreshListsOfTrustedEntities {

    private final LoteLoader loader;
    private final LoteDocumentSource publishers;
    private final LoteCache cache;
    private final Clock clock;

    /**
     * @param publishers obtains each list where it is published (adapters-http {@code LoteDocumentFetcher})
     * @param clock      timestamps the cache metadata; never used for trust decisions
     */
    public LoteRefresher(LoteLoader loader, LoteDocumentSource publishers, LoteCache cache, Clock clock) {
        this.loader = Objects.requireNonNull(loader);
        this.publishers = Objects.requireNonNull(publishers);
        this.cache = Objects.requireNonNull(cache);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public LoteRefreshReport refresh(LoteSourcesRequest request) throws ListCacheException {
        Objects.requireNonNull(request);
        try (ListCache.Lock lock = cache.lock()) {
            Instant startedAt = clock.instant();
            Map<String, ListOfTrustedEntities> accepted = new LinkedHashMap<>();
            request.previouslyAccepted().forEach(list -> remember(accepted, list));
            List<LoteRefresh> entries = new ArrayList<>();
            for (String location : request.locations()) {
                LoteRefresh entry = refresh(location, request, List.copyOf(accepted.values()));
                entry.cached().ifPresent(list -> remember(accepted, list));
                entries.add(entry);
            }
            List<LoteVerdict> cached = new CachedLoteSource(cache).load(loader, request);
            return new LoteRefreshReport(startedAt, clock.instant(), entries, cached);
        }
    }

    private LoteRefresh refresh(String location, LoteSourcesRequest request, List<ListOfTrustedEntities> accepted) {
        Optional<CachedLote> stored = cache.find(location);
        Optional<ListOfTrustedEntities> lastGood = stored
                .map(copy -> judge(new ListDocument(location, copy.document().content()), request, accepted))
                .filter(LoteRefresher::authentic)
                .flatMap(LoteVerdict::list);
        DocumentLookup lookup = publishers.find(location);
        if (lookup instanceof DocumentLookup.Unavailable unavailable) {
            return keep(location, lastGood, RefreshProblem.of(RefreshProblem.Kind.FETCH_FAILED), unavailable.reason(), request);
        }
        ListDocument obtained = ((DocumentLookup.Found) lookup).document();
        List<ListOfTrustedEntities> references = new ArrayList<>(accepted);
        lastGood.ifPresent(references::add);
        LoteVerdict verdict = judge(obtained, request, references);
        if (!authentic(verdict)) {
            return refused(location, lastGood, verdict, request);
        }
        ListOfTrustedEntities list = verdict.list().orElseThrow();
        Instant now = clock.instant();
        String sha256 = obtained.sha256();
        Optional<BigInteger> previous = lastGood.map(good -> good.scheme().sequenceNumber());
        if (lastGood.isPresent() && sha256.equals(stored.get().document().sha256())) {
            LoteCacheMetadata confirmed = stored.get().metadata().map(meta -> meta.checked(now))
                    .orElseGet(() -> metadata(location, list, sha256, now));
            String detail = "not modified (the same bytes were served again)";
            try {
                cache.updateMetadata(confirmed);
            } catch (ListCacheException e) {
                detail += "; metadata not updated: " + e.getMessage();
            }
            return new LoteRefresh(location, RefreshOutcome.NOT_MODIFIED, Optional.empty(), detail, previous,
                    Optional.of(list), stale(list, request));
        }
        try {
            cache.store(obtained, metadata(location, list, sha256, now));
        } catch (ListCacheException e) {
            return keep(location, lastGood, RefreshProblem.of(RefreshProblem.Kind.CACHE_WRITE_FAILED),
                    "verified, but cannot be stored: " + e.getMessage(), request);
        }
        BigInteger sequence = list.scheme().sequenceNumber();
        String detail = previous.isEmpty()
                ? "new copy of " + list.describe() + (stored.isPresent() ? " (the cached copy no longer verifies)" : "")
                : sequence.equals(previous.get()) ? "re-issued with the same sequence number " + sequence
                : "sequence number " + previous.get() + " → " + sequence;
        return new LoteRefresh(location, previous.isPresent() ? RefreshOutcome.UPDATED : RefreshOutcome.NEW, Optional.empty(),
                detail, previous, Optional.of(list), stale(list, request));
    }

    private LoteRefresh refused(String location, Optional<ListOfTrustedEntities> lastGood, LoteVerdict verdict,
                                LoteSourcesRequest request) {
        ListRejection rejection = verdict.rejection().orElse(ListRejection.SIGNATURE_INVALID);
        if (rejection == ListRejection.ROLLBACK) {
            String sequence = verdict.list().map(list -> list.scheme().sequenceNumber().toString()).orElse("?");
            String floor = lastGood.map(good -> ", lower than the cached copy's " + good.scheme().sequenceNumber())
                    .orElse(", lower than that of a list accepted before it");
            return keep(location, lastGood, RefreshProblem.of(RefreshProblem.Kind.ROLLBACK),
                    "obtained copy has sequence number " + sequence + floor + ": rollback refused", request);
        }
        String why = verdict.trace().size() < 2 ? "" : " (" + verdict.trace().get(verdict.trace().size() - 2) + ")";
        return keep(location, lastGood, RefreshProblem.rejected(rejection),
                "obtained copy refused: " + rejection.description() + why, request);
    }

    /** The obtained copy is not used: the last good copy, if any, stays. */
    private static LoteRefresh keep(String location, Optional<ListOfTrustedEntities> lastGood, RefreshProblem problem,
                                    String detail, LoteSourcesRequest request) {
        RefreshOutcome outcome = lastGood.isPresent() ? RefreshOutcome.KEPT_LAST_GOOD : RefreshOutcome.FAILED;
        return new LoteRefresh(location, outcome, Optional.of(problem), detail,
                lastGood.map(good -> good.scheme().sequenceNumber()), lastGood,
                lastGood.map(good -> stale(good, request)).orElse(false));
    }

    private LoteVerdict judge(ListDocument document, LoteSourcesRequest request, List<ListOfTrustedEntities> references) {
        return loader.load(new LoteLoadRequest(document, request.anchors(), references, request.validationTime(),
                ListAcceptancePolicy.AUTHENTICITY_ONLY));
    }

    /** Read, signed by a configured or announced signer, not a rollback; of its dates only a closed list passes. */
    static boolean authentic(LoteVerdict verdict) {
        return verdict.list().isPresent()
                && verdict.signature().map(SignatureCheck::isValid).orElse(false)
                && verdict.rejection().map(rejection -> rejection == ListRejection.EXPIRED).orElse(true);
    }

    private static boolean stale(ListOfTrustedEntities list, LoteSourcesRequest request) {
        return list.scheme().nextUpdate().map(next -> !next.isAfter(request.validationTime())).orElse(true);
    }

    private static LoteCacheMetadata metadata(String location, ListOfTrustedEntities list, String sha256, Instant now) {
        return new LoteCacheMetadata(location, list.scheme().loteType(), list.scheme().territory(),
                list.scheme().sequenceNumber(), list.scheme().issued(), list.scheme().nextUpdate(), sha256, now, now);
    }

    /** One reference per LoTE type and territory: the highest sequence number seen. */
    private static void remember(Map<String, ListOfTrustedEntities> accepted, ListOfTrustedEntities list) {
        accepted.merge(list.scheme().loteType() + "|" + list.scheme().territory(), list,
                (a, b) -> a.scheme().sequenceNumber().compareTo(b.scheme().sequenceNumber()) >= 0 ? a : b);
    }
}
