package org.qtrust.server.store;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;

/**
 * The documents of one store snapshot as a replica reads them: each by the digest the snapshot
 * names. A document whose bytes changed in Redis, or whose sequence number is below the list's
 * rollback floor, is replaced by the replica's own last verified copy of that list when it has
 * one (and the problem is recorded); without one, the changed document is unavailable and the
 * rolled-back one is served to be refused as a rollback. Everything served is then verified by
 * the loader exactly as a download. A list the loader refused although its digest matched (a
 * document changed in Redis and stored under its own digest: only the signature tells) is read
 * again with the replica's last verified copy in its place ({@link #keeping}).
 */
final class ReplicaSource implements ListDocumentSource {

    private final ListDocumentSource snapshot;
    private final Map<String, ListDocument> lastVerified;
    private final Map<String, BigInteger> floors;
    private final TrustedListReader reader;
    private final Map<String, String> keep;
    private final Map<String, ListDocument> served = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    ReplicaSource(ListDocumentSource snapshot, Map<String, ListDocument> lastVerified, Map<String, BigInteger> floors,
                  TrustedListReader reader) {
        this(snapshot, lastVerified, floors, reader, Map.of());
    }

    private ReplicaSource(ListDocumentSource snapshot, Map<String, ListDocument> lastVerified, Map<String, BigInteger> floors,
                          TrustedListReader reader, Map<String, String> keep) {
        this.snapshot = Objects.requireNonNull(snapshot);
        this.lastVerified = Map.copyOf(lastVerified);
        this.floors = Map.copyOf(floors);
        this.reader = Objects.requireNonNull(reader);
        this.keep = Map.copyOf(keep);
    }

    /**
     * The same snapshot read again, serving the last verified copy in place of the store's
     * document for each name of {@code refused} (name → why the store's copy was refused).
     */
    ReplicaSource keeping(Map<String, String> refused) {
        Map<String, String> all = new java.util.HashMap<>(keep);
        all.putAll(refused);
        return new ReplicaSource(snapshot, lastVerified, floors, reader, all);
    }

    /**
     * The names whose store copy was served and refused while this replica holds another,
     * verified copy of that list: name → the refusal.
     */
    Map<String, String> refusedWithKeptCopy(java.util.Collection<org.qtrust.core.trustedlist.loading.ListVerdict> verdicts) {
        Map<String, String> refused = new java.util.HashMap<>();
        for (var verdict : verdicts) {
            String name = RedisListCache.nameFor(verdict.location());
            ListDocument kept = lastVerified.get(name);
            ListDocument fromStore = served.get(name);
            if (verdict.accepted() || kept == null || fromStore == null || kept.sha256().equals(fromStore.sha256())
                    || keep.containsKey(name)) {
                continue;
            }
            refused.put(name, "the store's copy was refused ("
                    + verdict.rejection().map(r -> r.code()).orElse("refused") + ")");
        }
        return refused;
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        String name = RedisListCache.nameFor(location);
        DocumentLookup lookup = snapshot.find(location);
        String refused = keep.get(name);
        if (refused != null && lastVerified.containsKey(name)) {
            return fallBack(name, refused, lookup);
        }
        if (lookup instanceof DocumentLookup.Unavailable unavailable) {
            return fallBack(name, unavailable.reason(), lookup);
        }
        ListDocument document = ((DocumentLookup.Found) lookup).document();
        BigInteger floor = floors.get(name);
        if (floor != null) {
            try {
                BigInteger sequence = reader.read(document).scheme().sequenceNumber();
                if (sequence.compareTo(floor) < 0) {
                    return fallBack(name, "the store's copy has sequence number " + sequence + ", below " + floor
                            + ", the highest accepted: a rollback", lookup);
                }
            } catch (MalformedListException e) {
                return fallBack(name, "the store's copy cannot be read: " + e.getMessage(), lookup);
            }
        }
        served.put(name, document);
        return lookup;
    }

    private DocumentLookup fallBack(String name, String problem, DocumentLookup lookup) {
        ListDocument kept = lastVerified.get(name);
        if (kept == null) {
            problems.put(name, problem);
            if (lookup instanceof DocumentLookup.Found found) {
                served.put(name, found.document());
            }
            return lookup;
        }
        problems.put(name, problem + "; the last verified copy is kept");
        served.put(name, kept);
        return new DocumentLookup.Found(kept);
    }

    /** The document served for each name (to remember the accepted ones). */
    Map<String, ListDocument> served() {
        return Map.copyOf(served);
    }

    /** What was wrong with the store's documents, by name. */
    Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}
