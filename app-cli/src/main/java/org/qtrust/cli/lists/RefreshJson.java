package org.qtrust.cli.lists;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import org.qtrust.adapters.http.cache.FileLoteCache;
import org.qtrust.cli.json.LoteReportJson;
import org.qtrust.core.lote.refresh.LoteRefresh;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
import java.util.Locale;
import java.util.Map;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.json.ListReportJson;
import org.qtrust.core.trustedlist.refresh.ListChanges;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.RefreshOutcome;
import org.qtrust.core.trustedlist.refresh.RefreshProblem;
import org.qtrust.core.trustedlist.refresh.RefreshReport;

/** The JSON form of a refresh (the contract of {@code qtrust lists refresh --json}). */
final class RefreshJson {

    private RefreshJson() {
    }

    static ObjectNode of(RefreshReport report, Path cache) {
        return of(report, cache.toAbsolutePath().toString(), java.util.Optional.of(cache));
    }

    /** @param cache what was refreshed, as shown: a folder's absolute path, or a store such as {@code redis://host:6379/0} */
    static ObjectNode of(RefreshReport report, String cache) {
        return of(report, cache, java.util.Optional.empty());
    }

    /** @param folder the cache folder the load read its lists from (their {@code location}), when it is a folder */
    private static ObjectNode of(RefreshReport report, String cache, java.util.Optional<Path> folder) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("cache", cache);
        root.put("validationTime", report.cache().validationTime().toString());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.duration().toMillis());
        root.put("usable", report.usable());
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<RefreshOutcome, Long> count : report.counts().entrySet()) {
            summary.put(count.getKey().code(), count.getValue());
        }
        root.set("lotl", entry(report.listOfLists()));
        ArrayNode pivots = root.putArray("pivots");
        report.pivots().forEach(pivot -> pivots.add(entry(pivot)));
        ArrayNode lists = root.putArray("lists");
        report.lists().forEach(list -> lists.add(entry(list)));
        root.set("load", ListReportJson.of(report.cache(), folder));
        return root;
    }

    static ObjectNode entry(ListRefresh entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("territory", entry.territory());
        node.put("location", entry.location().url());
        outcome(node, entry.outcome(), entry.problem(), entry.detail(), entry.previousSequence(), entry.sequence(),
                entry.nextUpdate(), entry.stale());
        // Which source the copy in the cache came from (issue 19.2): the publisher's location or a mirror.
        node.put("source", entry.source());
        node.put("mirror", entry.mirror().orElse(null));
        if (entry.changes().isPresent()) {
            node.set("changes", changes(entry.changes().get()));
        } else {
            node.putNull("changes");
        }
        return node;
    }

    /** The fields every refresh entry has, trusted list or LoTE, in the same order. */
    private static void outcome(ObjectNode node, RefreshOutcome outcome, Optional<RefreshProblem> problem, String detail,
                                Optional<BigInteger> previousSequence, Optional<BigInteger> sequence,
                                Optional<Instant> nextUpdate, boolean stale) {
        node.put("outcome", outcome.code());
        node.put("problem", problem.map(RefreshProblem::code).orElse(null));
        node.put("detail", detail);
        node.put("previousSequence", previousSequence.orElse(null));
        node.put("sequence", sequence.orElse(null));
        node.put("nextUpdate", nextUpdate.map(Object::toString).orElse(null));
        node.put("stale", stale);
    }

    private static ObjectNode changes(ListChanges changes) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("fromSequence", changes.fromSequence());
        node.put("toSequence", changes.toSequence());
        ArrayNode services = node.putArray("services");
        for (ListChanges.ServiceChange change : changes.services()) {
            ObjectNode service = services.addObject();
            service.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            service.put("provider", change.provider());
            service.put("service", change.service());
            service.put("type", change.type());
            service.put("before", change.before().map(status -> status.uri()).orElse(null));
            service.put("after", change.after().map(status -> status.uri()).orElse(null));
            service.put("since", change.since().map(Object::toString).orElse(null));
        }
        ArrayNode pointers = node.putArray("pointers");
        for (ListChanges.PointerChange change : changes.pointers()) {
            ObjectNode pointer = pointers.addObject();
            pointer.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            pointer.put("territory", change.territory());
            pointer.put("location", change.location());
            pointer.put("signersAdded", change.signersAdded());
            pointer.put("signersRemoved", change.signersRemoved());
        }
        return node;
    }

    /** Only lists of trusted entities were refreshed: the common fields, then {@link #addLotes}. */
    static ObjectNode lotesOnly(LoteRefreshReport lotes, Path cache, Instant validationTime) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("cache", cache.toAbsolutePath().toString());
        root.put("validationTime", validationTime.toString());
        root.put("startedAt", lotes.startedAt().toString());
        root.put("durationMs", lotes.duration().toMillis());
        root.put("usable", lotes.usable());
        root.putObject("load").put("validationTime", validationTime.toString());
        addLotes(root, lotes);
        return root;
    }

    /**
     * Adds {@code lotesUsable}, {@code loteSummary}, one {@code lotes} entry per configured list
     * and, in {@code load}, the {@code lotes} array {@code lists load --cache … --lote … --json} gives.
     */
    static void addLotes(ObjectNode root, LoteRefreshReport lotes) {
        root.put("lotesUsable", lotes.usable());
        ObjectNode summary = root.putObject("loteSummary");
        for (Map.Entry<RefreshOutcome, Long> count : lotes.counts().entrySet()) {
            summary.put(count.getKey().code(), count.getValue());
        }
        ArrayNode entries = root.putArray("lotes");
        lotes.lists().forEach(entry -> entries.add(entry(entry)));
        ObjectNode load = root.has("load") ? (ObjectNode) root.get("load") : root.putObject("load");
        load.set("lotes", LoteReportJson.of(lotes.cache()));
    }

    /** {@link #addLotes} for a shared store: each entry names its key there ({@code storeKey}) instead of a cache file. */
    static void addStoreLotes(ObjectNode root, LoteRefreshReport lotes, org.qtrust.adapters.redis.RedisKeys keys) {
        addLotes(root, lotes);
        root.get("lotes").forEach(node -> {
            ObjectNode entry = (ObjectNode) node;
            entry.remove("cacheFile");
            entry.put("storeKey", keys.lote(entry.get("location").asText()));
        });
    }

    static ObjectNode entry(LoteRefresh entry) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("location", entry.location());
        node.put("type", entry.cached().map(list -> list.scheme().loteType()).orElse(null));
        node.put("territory", entry.cached().map(list -> list.scheme().territory()).orElse(null));
        outcome(node, entry.outcome(), entry.problem(), entry.detail(), entry.previousSequence(), entry.sequence(),
                entry.nextUpdate(), entry.stale());
        node.put("cacheFile", FileLoteCache.FOLDER + "/" + FileLoteCache.fileNameFor(entry.location()));
        return node;
    }
}
