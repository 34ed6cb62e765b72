package org.qtrust.core.lote.refresh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;

/**
 * Finds lists of trusted entities in the cache instead of at their publisher: loading from the
 * cache is loading the last authentic copies, verified again like any document. A location the
 * cache holds no copy of is unavailable (never trusted), whatever its publisher would serve.
 */
public final class CachedLoteSource implements LoteDocumentSource {

    private final LoteCache cache;

    public CachedLoteSource(LoteCache cache) {
        this.cache = Objects.requireNonNull(cache);
    }

    /** The copy under its configured location, so verdicts and traces name the list, not the cache file. */
    @Override
    public DocumentLookup find(String location) {
        return lookup(location, cache.find(location));
    }

    private static DocumentLookup lookup(String location, Optional<CachedLote> copy) {
        return copy
                .<DocumentLookup>map(found -> new DocumentLookup.Found(new ListDocument(location, found.document().content())))
                .orElseGet(() -> new DocumentLookup.Unavailable("no copy of " + location
                        + " in the cache: fill it with 'qtrust lists refresh --cache DIR --lote " + location + " --lote-anchor …'"));
    }

    /** The configured lists judged in order from their cached copies, each trace saying which copy. */
    public List<LoteVerdict> load(LoteLoader loader, LoteSourcesRequest request) {
        Map<String, CachedLote> used = new HashMap<>();
        List<LoteVerdict> verdicts = loader.loadInOrder(request, location -> {
            Optional<CachedLote> copy = cache.find(location);
            copy.ifPresent(found -> used.put(location, found)); // the trace names the very copy judged
            return lookup(location, copy);
        });
        List<LoteVerdict> described = new ArrayList<>(verdicts.size());
        for (LoteVerdict verdict : verdicts) {
            String origin = Optional.ofNullable(used.get(verdict.location())).map(CachedLoteSource::describe)
                    .orElse("no cached copy");
            List<String> trace = new ArrayList<>(verdict.trace());
            trace.add(0, "from the list cache: " + origin);
            described.add(new LoteVerdict(verdict.location(), verdict.list(), verdict.signature(), verdict.rejection(),
                    verdict.stale(), trace));
        }
        return List.copyOf(described);
    }

    private static String describe(CachedLote copy) {
        return copy.document().location() + copy.metadata()
                .map(meta -> " (stored " + meta.fetchedAt() + ", last served " + meta.checkedAt() + ")").orElse("");
    }
}
