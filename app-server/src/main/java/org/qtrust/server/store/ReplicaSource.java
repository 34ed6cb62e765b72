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
 * the loader exactly as a download.
 */
final class ReplicaSource implements ListDocumentSource {

    private final ListDocumentSource snapshot;
    private final Map<String, ListDocument> lastVerified;
    private final Map<String, BigInteger> floors;
    private final TrustedListReader reader;
    private final Map<String, ListDocument> served = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    ReplicaSource(ListDocumentSource snapshot, Map<String, ListDocument> lastVerified, Map<String, BigInteger> floors,
                  TrustedListReader reader) {
        this.snapshot = Objects.requireNonNull(snapshot);
        this.lastVerified = Map.copyOf(lastVerified);
        this.floors = Map.copyOf(floors);
        this.reader = Objects.requireNonNull(reader);
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        String name = RedisListCache.nameFor(location);
        DocumentLookup lookup = snapshot.find(location);
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
