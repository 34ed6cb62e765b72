package org.qtrust.adapters.redis;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last authentic copy of each list of trusted entities in Redis, by configured location
 * ({@code lote:<sha256 of location>}), with its metadata and rollback floor; the documents
 * share the content-addressed {@code doc:} keys with the trusted lists. Every use verifies the
 * copy again (signature, rollback, NextUpdate) through the LoTE loader.
 */
public final class RedisLoteCache implements LoteCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLoteCache.class);

    private final RedisStore store;
    private final RedisRefreshLease lease;

    public RedisLoteCache(RedisStore store, RedisRefreshLease lease) {
        this.store = Objects.requireNonNull(store);
        this.lease = Objects.requireNonNull(lease);
    }

    @Override
    public Optional<CachedLote> find(String location) {
        try {
            return findOrFail(location);
        } catch (ListCacheException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    /** As {@link #find} but tells a store failure from an absent copy. */
    public Optional<CachedLote> findOrFail(String location) throws ListCacheException {
        Map<String, String> fields = store.hash(store.keys().lote(location));
        String sha256 = fields.get("sha256");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String documentKey = store.keys().document(sha256);
        Optional<byte[]> content = store.bytes(documentKey, RedisListCache.MAX_BYTES);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        ListDocument document = new ListDocument(store.display() + "/" + documentKey, content.get());
        Optional<LoteCacheMetadata> metadata = parse(fields)
                .filter(meta -> meta.sha256().equals(document.sha256()) && meta.location().equals(location));
        return Optional.of(new CachedLote(document, metadata));
    }

    @Override
    public void store(ListDocument document, LoteCacheMetadata metadata) throws ListCacheException {
        if (!document.sha256().equals(metadata.sha256())) {
            throw new ListCacheException("the metadata of " + metadata.location() + " does not describe the document stored");
        }
        List<byte[]> args = new ArrayList<>();
        args.add(document.content());
        args.add(RedisStore.utf8(String.valueOf(store.config().documentTtl().toSeconds())));
        args.add(RedisStore.utf8(metadata.sequenceNumber().toString()));
        fields(metadata).forEach((k, v) -> {
            args.add(RedisStore.utf8(k));
            args.add(RedisStore.utf8(v));
        });
        store.script(Scripts.STORE, List.of(store.keys().document(metadata.sha256()), store.keys().lote(metadata.location()),
                store.keys().loteFloor(metadata.location())), args);
    }

    @Override
    public void updateMetadata(LoteCacheMetadata metadata) throws ListCacheException {
        List<byte[]> args = new ArrayList<>();
        args.add(RedisStore.utf8(metadata.sha256()));
        fields(metadata).forEach((k, v) -> {
            args.add(RedisStore.utf8(k));
            args.add(RedisStore.utf8(v));
        });
        Object done = store.script(Scripts.UPDATE_METADATA, List.of(store.keys().lote(metadata.location())), args);
        if (!Long.valueOf(1).equals(done)) {
            throw new ListCacheException("no stored copy of " + metadata.location() + " with SHA-256 " + metadata.sha256());
        }
    }

    @Override
    public ListCache.Lock lock() throws ListCacheException {
        return lease.await();
    }

    /** The metadata of every stored copy (unreadable entries are left out). */
    public List<LoteCacheMetadata> entries() throws ListCacheException {
        List<LoteCacheMetadata> entries = new ArrayList<>();
        for (String key : store.scan(store.keys().lotePattern())) {
            parse(store.hash(key)).filter(meta -> key.equals(store.keys().lote(meta.location()))).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * {@code lists} (the trusted lists' manifest) with every stored list of trusted entities
     * added, so one snapshot names the bytes of both.
     */
    public SnapshotManifest withLotes(SnapshotManifest lists) throws ListCacheException {
        List<SnapshotManifest.Entry> entries = new ArrayList<>(lists.entries().stream()
                .filter(entry -> entry.kind() == SnapshotManifest.Kind.LIST).toList());
        for (LoteCacheMetadata meta : entries()) {
            entries.add(SnapshotManifest.Entry.lote(meta.location(), meta.sha256()));
        }
        return new SnapshotManifest(entries, lists.publishedAt());
    }

    /**
     * The lists of trusted entities one snapshot names, by configured location: each read by
     * the SHA-256 the manifest gives and unavailable when the bytes in Redis no longer have
     * it (changed after they were verified) or the snapshot names no copy. What is found is
     * then verified by the LoTE loader exactly as a download.
     */
    public LoteDocumentSource snapshotSource(SnapshotManifest manifest) {
        Map<String, SnapshotManifest.Entry> byLocation = new java.util.HashMap<>();
        manifest.entries().stream().filter(e -> e.kind() == SnapshotManifest.Kind.LOTE).forEach(e -> byLocation.put(e.key(), e));
        return location -> {
            SnapshotManifest.Entry entry = byLocation.get(location);
            if (entry == null) {
                return new DocumentLookup.Unavailable("snapshot " + manifest.id().substring(0, 12) + " has no copy of " + location
                        + ": the store's refresher must name it with --lote");
            }
            try {
                String key = store.keys().document(entry.sha256());
                Optional<byte[]> content = store.bytes(key, RedisListCache.MAX_BYTES);
                if (content.isEmpty()) {
                    return new DocumentLookup.Unavailable("the document of " + location + " is gone from " + store.display());
                }
                ListDocument document = new ListDocument(location, content.get());
                if (!document.sha256().equals(entry.sha256())) {
                    return new DocumentLookup.Unavailable("the bytes of " + location + " in " + store.display()
                            + " were changed after they were verified (SHA-256 " + document.sha256().substring(0, 12)
                            + "…, the snapshot names " + entry.sha256().substring(0, 12) + "…)");
                }
                return new DocumentLookup.Found(document);
            } catch (ListCacheException e) {
                return new DocumentLookup.Unavailable(e.getMessage());
            }
        };
    }

    /** The rollback floors of the given locations (those the store has one for). */
    public Map<String, BigInteger> rollbackFloors(java.util.Collection<String> locations) throws ListCacheException {
        Map<String, BigInteger> floors = new java.util.HashMap<>();
        for (String location : locations) {
            rollbackFloor(location).ifPresent(floor -> floors.put(location, floor));
        }
        return floors;
    }

    /** The highest LoTESequenceNumber ever stored for the location. */
    public Optional<BigInteger> rollbackFloor(String location) throws ListCacheException {
        return store.string(store.keys().loteFloor(location)).flatMap(RedisListCache::integer);
    }

    static Map<String, String> fields(LoteCacheMetadata metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", "1");
        values.put("location", metadata.location());
        values.put("loteType", metadata.loteType());
        values.put("territory", metadata.territory());
        values.put("sequenceNumber", metadata.sequenceNumber().toString());
        values.put("issued", metadata.issued().toString());
        metadata.nextUpdate().ifPresent(next -> values.put("nextUpdate", next.toString()));
        values.put("sha256", metadata.sha256());
        values.put("fetchedAt", metadata.fetchedAt().toString());
        values.put("checkedAt", metadata.checkedAt().toString());
        return values;
    }

    static Optional<LoteCacheMetadata> parse(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoteCacheMetadata(RedisListCache.required(fields, "location"),
                    RedisListCache.required(fields, "loteType"), RedisListCache.required(fields, "territory"),
                    new BigInteger(RedisListCache.required(fields, "sequenceNumber")),
                    Instant.parse(RedisListCache.required(fields, "issued")),
                    Optional.ofNullable(fields.get("nextUpdate")).map(Instant::parse),
                    RedisListCache.required(fields, "sha256"),
                    Instant.parse(RedisListCache.required(fields, "fetchedAt")),
                    Instant.parse(RedisListCache.required(fields, "checkedAt"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warn("ignoring unreadable LoTE metadata in the store: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
