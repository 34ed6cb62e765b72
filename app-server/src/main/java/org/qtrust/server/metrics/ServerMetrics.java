package org.qtrust.server.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.server.snapshot.ListJudgement;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * The server's metrics in the Prometheus text format (version 0.0.4), written by hand: request
 * counts and latency by endpoint and outcome, each list's age and time to NextUpdate, list
 * refreshes and their failures, revocation outcomes, and hits of the per-validation-time key index cache.
 */
public final class ServerMetrics {

    /** Latency bucket bounds in seconds. */
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    /** Endpoint and outcome labels (both from fixed sets, never from the request's raw text). */
    private record RequestKey(String endpoint, String outcome) {
    }

    private final ConcurrentMap<RequestKey, LongAdder> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Histogram> latency = new ConcurrentHashMap<>();
    private final LongAdder indexHits = new LongAdder();
    private final LongAdder indexMisses = new LongAdder();
    /** Revocation outcomes of verified certificates: good, revoked, unknown, not_checked. */
    private final Map<String, LongAdder> revocations = Map.of("good", new LongAdder(), "revoked", new LongAdder(),
            "unknown", new LongAdder(), "not_checked", new LongAdder());

    /** What the shared caches (issue 17.4) did: read hits and misses, writes, Redis errors, calls skipped while paused. */
    public record SharedEvidenceCounts(long hits, long misses, long writes, long errors, long skipped) {
    }

    private volatile java.util.function.Supplier<SharedEvidenceCounts> sharedEvidence;

    /** With {@code --store}: where the shared caches' counts are read. */
    public void installSharedEvidence(java.util.function.Supplier<SharedEvidenceCounts> counts) {
        this.sharedEvidence = java.util.Objects.requireNonNull(counts);
    }

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    public void request(String endpoint, String outcome, Duration elapsed) {
        RequestKey key = new RequestKey(endpoint, outcome);
        LongAdder count = requests.get(key);
        if (count == null) {
            count = requests.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
        Histogram histogram = latency.get(endpoint);
        if (histogram == null) {
            histogram = latency.computeIfAbsent(endpoint, k -> new Histogram());
        }
        histogram.observe(elapsed.toNanos() / 1e9);
    }

    /** A decision found (true) or had to build (false) the key index for its policy and list standings. */
    public void decisionIndex(boolean reused) {
        (reused ? indexHits : indexMisses).increment();
    }

    /** The revocation outcome of one certificate decision; none, or not looked up (mode off, no path), is not_checked. */
    public void revocation(Optional<RevocationOutcome> outcome) {
        String key = outcome.filter(RevocationOutcome::checked).map(o -> o.status().code()).orElse("not_checked");
        revocations.get(key).increment();
    }

    public String render(SnapshotHolder holder, Instant now) {
        StringBuilder out = new StringBuilder(4096);
        out.append("# HELP qtrust_http_requests_total HTTP requests by endpoint and outcome.\n");
        out.append("# TYPE qtrust_http_requests_total counter\n");
        Map<String, Long> counts = new TreeMap<>();
        requests.forEach((key, count) -> counts.put(key.endpoint() + "\u0000" + key.outcome(), count.sum()));
        counts.forEach((key, count) -> {
            String[] parts = key.split("\u0000", 2);
            out.append("qtrust_http_requests_total{endpoint=\"").append(parts[0]).append("\",outcome=\"").append(parts[1])
                    .append("\"} ").append(count).append('\n');
        });
        out.append("# HELP qtrust_http_request_duration_seconds Time to answer a request, by endpoint.\n");
        out.append("# TYPE qtrust_http_request_duration_seconds histogram\n");
        new TreeMap<>(latency).forEach((endpoint, histogram) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += histogram.buckets[i].sum();
                out.append("qtrust_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"")
                        .append(number(BUCKETS[i])).append("\"} ").append(cumulative).append('\n');
            }
            long count = histogram.count.sum();
            out.append("qtrust_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"+Inf\"} ")
                    .append(count).append('\n');
            out.append("qtrust_http_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(number(histogram.sum.sum())).append('\n');
            out.append("qtrust_http_request_duration_seconds_count{endpoint=\"").append(endpoint).append("\"} ")
                    .append(count).append('\n');
        });
        counter(out, "qtrust_list_refreshes_total", "Snapshots loaded and swapped in.", holder.refreshCount());
        counter(out, "qtrust_list_refresh_failures_total", "Refreshes or loads that failed (the snapshot in force was kept).",
                holder.failureCount());
        counter(out, "qtrust_decision_index_cache_hits_total", "Decisions that reused the key index for their policy and list standings.",
                indexHits.sum());
        counter(out, "qtrust_decision_index_cache_misses_total", "Decisions that built a key index.", indexMisses.sum());
        out.append("# HELP qtrust_revocation_outcomes_total Certificate decisions by revocation outcome (good, revoked, unknown, not_checked).\n");
        out.append("# TYPE qtrust_revocation_outcomes_total counter\n");
        new TreeMap<>(revocations).forEach((status, count) -> out.append("qtrust_revocation_outcomes_total{status=\"")
                .append(status).append("\"} ").append(count.sum()).append('\n'));
        holder.storeStatus().ifPresent(store -> {
            out.append("# HELP qtrust_store_state The replica's standing with the shared store (fresh, stale, unavailable).\n")
                    .append("# TYPE qtrust_store_state gauge\n");
            for (String state : new String[] {"fresh", "stale", "unavailable"}) {
                out.append("qtrust_store_state{state=\"").append(state).append("\"} ").append(state.equals(store.state()) ? 1 : 0)
                        .append('\n');
            }
            out.append("# HELP qtrust_store_leader Whether this replica holds the refresh lease now.\n# TYPE qtrust_store_leader gauge\n")
                    .append("qtrust_store_leader ").append(store.leader() ? 1 : 0).append('\n');
            counter(out, "qtrust_store_commands_total", "Redis commands sent.", store.commands());
            counter(out, "qtrust_store_command_errors_total", "Redis commands that failed (timeouts, connection errors).", store.errors());
            out.append("# HELP qtrust_store_command_seconds_total Time spent in Redis commands.\n")
                    .append("# TYPE qtrust_store_command_seconds_total counter\n")
                    .append("qtrust_store_command_seconds_total ").append(number(store.commandSeconds())).append('\n');
            counter(out, "qtrust_store_snapshots_published_total", "Snapshots this replica published as the lease holder.",
                    store.published());
        });
        java.util.function.Supplier<SharedEvidenceCounts> shared = sharedEvidence;
        if (shared != null) {
            SharedEvidenceCounts evidence = shared.get();
            counter(out, "qtrust_shared_evidence_hits_total", "OCSP responses, CRLs and status list tokens found in the shared store "
                    + "(each then verified as a download).", evidence.hits());
            counter(out, "qtrust_shared_evidence_misses_total", "Shared store look-ups that found nothing within the size bound.",
                    evidence.misses());
            counter(out, "qtrust_shared_evidence_writes_total", "Downloads written to the shared store.", evidence.writes());
            counter(out, "qtrust_shared_evidence_errors_total", "Shared store commands that failed or timed out (each pauses it 30 s).",
                    evidence.errors());
            counter(out, "qtrust_shared_evidence_skipped_total", "Look-ups and writes skipped while the shared store was paused.",
                    evidence.skipped());
        }
        Optional<TrustedListsSnapshot> snapshot = holder.current();
        out.append("# HELP qtrust_snapshot_loaded Whether a trusted-list snapshot is loaded.\n# TYPE qtrust_snapshot_loaded gauge\n");
        out.append("qtrust_snapshot_loaded ").append(snapshot.isPresent() ? 1 : 0).append('\n');
        if (snapshot.isPresent()) {
            out.append("# HELP qtrust_snapshot_age_seconds Time since the snapshot in force was loaded.\n# TYPE qtrust_snapshot_age_seconds gauge\n");
            out.append("qtrust_snapshot_age_seconds ").append(Duration.between(snapshot.get().loadedAt(), now).getSeconds()).append('\n');
            lists(out, snapshot.get().at(now), now);
            lotes(out, snapshot.get().lotesAt(now), now);
        }
        return out.toString();
    }

    private static void lists(StringBuilder out, ListsAtTime lists, Instant now) {
        Map<String, ListJudgement> byTerritory = new TreeMap<>();
        byTerritory.put(lists.listOfLists().territory(), lists.listOfLists());
        lists.lists().forEach(j -> byTerritory.putIfAbsent(j.territory(), j));
        out.append("# HELP qtrust_list_age_seconds Time since each list's ListIssueDateTime.\n# TYPE qtrust_list_age_seconds gauge\n");
        byTerritory.forEach((territory, j) -> j.list().ifPresent(list -> out.append("qtrust_list_age_seconds{territory=\"")
                .append(territory).append("\"} ").append(Duration.between(list.scheme().issued(), now).getSeconds()).append('\n')));
        out.append("# HELP qtrust_list_next_update_seconds Time until each list's NextUpdate (negative: past).\n"
                + "# TYPE qtrust_list_next_update_seconds gauge\n");
        byTerritory.forEach((territory, j) -> j.list().flatMap(list -> list.scheme().nextUpdate()).ifPresent(next ->
                out.append("qtrust_list_next_update_seconds{territory=\"").append(territory).append("\"} ")
                        .append(Duration.between(now, next).getSeconds()).append('\n')));
        out.append("# HELP qtrust_list_accepted Whether each list is accepted now (1) or not (0).\n# TYPE qtrust_list_accepted gauge\n");
        byTerritory.forEach((territory, j) -> out.append("qtrust_list_accepted{territory=\"").append(territory).append("\"} ")
                .append(j.accepted() ? 1 : 0).append('\n'));
    }

    /** The configured lists of trusted entities, by location (the --lote value), judged now. */
    private static void lotes(StringBuilder out, List<LoteVerdict> lotes, Instant now) {
        if (lotes.isEmpty()) {
            return;
        }
        out.append("# HELP qtrust_lote_accepted Whether each list of trusted entities is accepted now (1) or not (0).\n"
                + "# TYPE qtrust_lote_accepted gauge\n");
        lotes.forEach(verdict -> out.append("qtrust_lote_accepted{location=\"").append(labelValue(verdict.location())).append("\"} ")
                .append(verdict.accepted() ? 1 : 0).append('\n'));
        out.append("# HELP qtrust_lote_next_update_seconds Time until each list of trusted entities' NextUpdate (negative: past).\n"
                + "# TYPE qtrust_lote_next_update_seconds gauge\n");
        lotes.forEach(verdict -> verdict.list().flatMap(list -> list.scheme().nextUpdate()).ifPresent(next ->
                out.append("qtrust_lote_next_update_seconds{location=\"").append(labelValue(verdict.location())).append("\"} ")
                        .append(Duration.between(now, next).getSeconds()).append('\n')));
    }

    /** Prometheus text format: backslash, double quote and line feed are escaped in label values. */
    private static String labelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        out.append(name).append(' ').append(value).append('\n');
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
