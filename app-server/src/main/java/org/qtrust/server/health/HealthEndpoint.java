package org.qtrust.server.health;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.server.http.Answer;
import org.qtrust.server.http.PublicText;
import org.qtrust.server.json.Json;
import org.qtrust.server.snapshot.ListsAtTime;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.TrustedListsSnapshot;

/**
 * {@code GET /health}: the process answers. {@code GET /ready}: a snapshot is loaded and, judged
 * now, its LOTL is accepted and at least one list with it, and — when lists of trusted entities
 * are configured — at least one of them — a relying party can get answers about the present. Questions about the past may still be answered when not ready.
 */
public final class HealthEndpoint {

    private final SnapshotHolder holder;
    private final Clock clock;

    public HealthEndpoint(SnapshotHolder holder, Clock clock) {
        this.holder = Objects.requireNonNull(holder);
        this.clock = Objects.requireNonNull(clock);
    }

    public Answer health() {
        ObjectNode node = Json.object();
        node.put("status", "up");
        return Answer.ok(node);
    }

    public Answer ready() {
        Instant now = clock.instant();
        Optional<TrustedListsSnapshot> snapshot = holder.current();
        if (snapshot.isEmpty()) {
            ObjectNode node = Json.error("not_ready", "the trusted lists are not loaded yet");
            holder.lastFailure().ifPresent(failure -> node.put("lastFailure", PublicText.withoutLocalPaths(failure)));
            store(node);
            return Answer.json(503, node, "not_ready");
        }
        ListsAtTime lists = snapshot.get().at(now);
        long accepted = lists.lists().stream().filter(j -> j.accepted()).count();
        List<LoteVerdict> lotes = snapshot.get().lotesAt(now);
        long lotesAccepted = lotes.stream().filter(LoteVerdict::accepted).count();
        ObjectNode node;
        // Configured lists of trusted entities count like the national lists: at least one must be accepted now.
        boolean ready = lists.listOfLists().accepted() && accepted > 0 && (lotes.isEmpty() || lotesAccepted > 0);
        if (ready) {
            node = Json.object();
            node.put("status", "ready");
        } else if (!lists.listOfLists().accepted()) {
            node = Json.error("lists_not_current", "the LOTL is not accepted now ("
                    + lists.listOfLists().reason().orElse("rejected") + "): refresh the lists");
        } else if (accepted == 0) {
            node = Json.error("lists_not_current", "no national list is accepted now: refresh the lists");
        } else {
            node = Json.error("lotes_not_current", "none of the " + lotes.size()
                    + " configured lists of trusted entities is accepted now: refresh them or check --lote/--lote-anchor");
        }
        node.put("now", now.toString());
        node.put("loadedAt", snapshot.get().loadedAt().toString());
        // Sources by name, never by local path (issue 15 item 5): /ready is unauthenticated.
        node.put("origin", PublicText.withoutLocalPaths(snapshot.get().origin()));
        node.put("lotlAccepted", lists.listOfLists().accepted());
        node.put("listsAccepted", accepted);
        node.put("lists", lists.lists().size());
        node.put("lotesAccepted", lotesAccepted);
        node.put("lotes", lotes.size());
        holder.lastFailure().ifPresent(failure -> node.put("lastFailure", PublicText.withoutLocalPaths(failure)));
        snapshot.get().snapshotId().ifPresent(id -> node.put("snapshot", id));
        // Which source each list came from (issue 19.2): "publisher", or the mirror that served it.
        if (!holder.listSources().isEmpty()) {
            ObjectNode sources = node.putObject("sources");
            holder.listSources().forEach(sources::put);
        }
        store(node);
        return Answer.json(ready ? 200 : 503, node, ready ? "ok" : "not_ready");
    }

    /** With a shared store: fresh, stale (the last verified snapshot served) or unavailable, and why. */
    private void store(ObjectNode node) {
        holder.storeStatus().ifPresent(status -> {
            ObjectNode store = node.putObject("store");
            store.put("state", status.state());
            status.snapshotId().ifPresentOrElse(id -> store.put("snapshot", id), () -> store.putNull("snapshot"));
            status.detail().ifPresent(detail -> store.put("detail", detail));
            store.put("leader", status.leader());
            status.checkedAt().ifPresent(at -> store.put("checkedAt", at.toString()));
        });
    }
}
