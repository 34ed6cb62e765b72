package org.qtrust.server.lote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.LoteRefresh;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
import org.qtrust.core.lote.refresh.LoteRefresher;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.lote.refresh.RefreshListsOfTrustedEntities;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * Loads the configured lists of trusted entities for each new snapshot, off the request path.
 * Every authentic list it has seen (read, signature verified, not a rollback) stays the rollback
 * reference of later loads, so a refresh never goes back to a lower sequence number; and when a
 * new copy is refused for anything but its dates (unavailable, bad signature, rollback, broken),
 * the last authentic copy of that location is kept, with a trace line saying why. Loads are
 * serial (the snapshot-load thread); the methods are synchronized all the same.
 */
public final class LoteReload {

    private final LoteLoader loader;
    private final LoteDocumentSource documents;
    private final List<String> locations;
    private final List<ServiceCertificate> anchors;
    private final ListAcceptancePolicy policy;
    private final Map<String, LoteVerdict> lastAuthentic = new LinkedHashMap<>();
    /** With a list cache ({@code --cache DIR}): the authentic copies are kept there, so the rollback floor survives restarts. */
    private final Optional<RefreshListsOfTrustedEntities> cache;

    /**
     * @param locations files or URLs, judged in this order
     * @param anchors   the certificates allowed to sign them (at least one when lists are named)
     */
    public LoteReload(LoteLoader loader, LoteDocumentSource documents, List<String> locations,
                      List<ServiceCertificate> anchors, ListAcceptancePolicy policy) {
        this(loader, documents, locations, anchors, policy, Optional.empty());
    }

    /**
     * @param cache refreshes the cached copies (core {@code LoteRefresher} over the list cache): each
     *              load then stores a new authentic copy and judges the cached ones, and a restart
     *              starts from them instead of from whatever is served
     */
    public LoteReload(LoteLoader loader, LoteDocumentSource documents, List<String> locations,
                      List<ServiceCertificate> anchors, ListAcceptancePolicy policy, Optional<RefreshListsOfTrustedEntities> cache) {
        this.cache = Objects.requireNonNull(cache);
        this.loader = Objects.requireNonNull(loader);
        this.documents = Objects.requireNonNull(documents);
        this.locations = List.copyOf(locations);
        this.anchors = List.copyOf(anchors);
        this.policy = Objects.requireNonNull(policy);
    }

    /** The configured locations, in order. */
    public List<String> locations() {
        return locations;
    }

    private LoteSourcesRequest request(Instant now) {
        List<ListOfTrustedEntities> references = lastAuthentic.values().stream().flatMap(v -> v.list().stream()).toList();
        return new LoteSourcesRequest(locations, anchors, references, now, policy);
    }

    /** The lists judged now (each request judges their dates again at its own validation time). */
    public synchronized List<LoteVerdict> load(Instant now) {
        if (locations.isEmpty()) {
            return List.of();
        }
        if (cache.isPresent()) {
            try {
                return throughCache(cache.get().refresh(request(now)), now);
            } catch (ListCacheException e) {
                // The cache is busy (another refresh holds its lock) or unwritable: judge in memory this time.
            }
        }
        return load(now, documents, java.util.function.UnaryOperator.identity());
    }

    /**
     * The lists judged now from {@code from} (a shared store's snapshot), {@code judge} applied
     * first (the store's rollback floors); a refused copy gives way to the last authentic one.
     */
    public synchronized List<LoteVerdict> load(Instant now, LoteDocumentSource from,
                                               java.util.function.UnaryOperator<List<LoteVerdict>> judge) {
        if (locations.isEmpty()) {
            return List.of();
        }
        List<LoteVerdict> loaded = judge.apply(loader.loadInOrder(request(now), from));
        List<LoteVerdict> kept = new ArrayList<>(loaded.size());
        for (LoteVerdict verdict : loaded) {
            Optional<LoteVerdict> previous = Optional.ofNullable(lastAuthentic.get(verdict.location()));
            if (authentic(verdict)) {
                lastAuthentic.put(verdict.location(), verdict);
                kept.add(verdict);
            } else if (previous.isPresent()) {
                kept.add(keptInstead(previous.get(), verdict, now));
            } else {
                kept.add(verdict);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Refreshes the copies of the configured lists in {@code into} (a shared store, by its leader)
     * from their publishers: a copy is stored only when authentic and not a rollback (core
     * {@link LoteRefresher}).
     */
    public synchronized LoteRefreshReport refreshInto(LoteCache into, java.time.Clock clock) throws ListCacheException {
        return new LoteRefresher(loader, documents, into, clock).refresh(request(clock.instant()));
    }

    /** The cached copies as judged now; a location whose new copy was refused says so first in its trace. */
    private List<LoteVerdict> throughCache(LoteRefreshReport report, Instant now) {
        Map<String, LoteRefresh> refreshes = new LinkedHashMap<>();
        report.lists().forEach(refresh -> refreshes.put(refresh.location(), refresh));
        List<LoteVerdict> judged = new ArrayList<>(report.cache().size());
        for (LoteVerdict verdict : report.cache()) {
            if (authentic(verdict)) {
                lastAuthentic.put(verdict.location(), verdict);
            }
            LoteRefresh refresh = refreshes.get(verdict.location());
            judged.add(refresh != null && refresh.outcome() == RefreshOutcome.KEPT_LAST_GOOD
                    ? kept(verdict, now, refresh.problem().map(RefreshProblem::code).orElse("?"), refresh.detail(),
                            "the last authentic copy, from the cache, is kept")
                    : verdict);
        }
        return List.copyOf(judged);
    }

    /** Refused for nothing but its dates, which each request judges again. */
    private static boolean authentic(LoteVerdict verdict) {
        return verdict.list().isPresent() && verdict.signature().map(s -> s.isValid()).orElse(false)
                && verdict.rejection().filter(r -> r != ListRejection.EXPIRED && r != ListRejection.NOT_YET_ISSUED).isEmpty();
    }

    private static LoteVerdict keptInstead(LoteVerdict previous, LoteVerdict refused, Instant now) {
        return kept(previous, now, refused.rejection().map(ListRejection::code).orElse("?"),
                refused.trace().get(Math.max(0, refused.trace().size() - 2)), "the last authentic copy is kept");
    }

    /** The copy kept in force, its trace first saying which new copy was refused and why. */
    private static LoteVerdict kept(LoteVerdict kept, Instant now, String refusalCode, String refusalDetail, String outcome) {
        List<String> trace = new ArrayList<>(kept.trace());
        trace.add(0, "reload at " + now + ": the new copy was refused (" + refusalCode + "): " + refusalDetail + "; " + outcome);
        return new LoteVerdict(kept.location(), kept.list(), kept.signature(), kept.rejection(), kept.stale(), trace);
    }
}
