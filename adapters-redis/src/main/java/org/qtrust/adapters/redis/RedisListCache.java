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
import java.util.regex.Pattern;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.SnapshotManifest;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list cache in Redis: each trusted list's last authentic copy byte for byte (content-addressed
 * under {@code doc:}), its metadata in a hash under {@code list:<name>} (the names of an offline
 * folder: {@code EU.xml}, {@code <territory>.xml}, a pivot by file name), and the rollback floor.
 * Like the cache folder it only stores; every reader verifies what it reads as it verifies a
 * download, so a document changed in Redis is refused by its signature check, and metadata
 * whose SHA-256 does not match the stored bytes is ignored.
 */
public final class RedisListCache implements ListCache {

    private static final Logger LOG = LoggerFactory.getLogger(RedisListCache.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    /** The largest document read back (the same bound as an offline folder's). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final RedisStore store;
    private final RedisRefreshLease lease;

    public RedisListCache(RedisStore store, RedisRefreshLease lease) {
        this.store = Objects.requireNonNull(store);
        this.lease = Objects.requireNonNull(lease);
    }

    /** The name a location is stored under, as in an offline folder. */
    public static String nameFor(ListLocation location) {
        return switch (location.role()) {
            case LIST_OF_LISTS -> "EU.xml";
            case TERRITORY_LIST -> location.territory() + ".xml";
            case PIVOT -> location.fileName();
        };
    }

    /** A source over the stored copies, as an offline folder is read: {@code lists load --store}. */
    public ListDocumentSource asSource() {
        return location -> {
            try {
                Optional<CachedList> found = findOrFail(location);
                return found.<DocumentLookup>map(cached -> new DocumentLookup.Found(cached.document()))
                        .orElseGet(() -> new DocumentLookup.Unavailable("no copy of " + nameFor(location) + " in " + store.display()));
            } catch (ListCacheException e) {
                return new DocumentLookup.Unavailable(e.getMessage());
            }
        };
    }

    /**
     * A source over the documents one snapshot manifest names (so every replica reads the same
     * bytes): each document is read by the SHA-256 the manifest gives and refused when the bytes
     * in Redis no longer have that digest.
     */
    public ListDocumentSource snapshotSource(SnapshotManifest manifest) {
        Map<String, SnapshotManifest.Entry> byName = new java.util.HashMap<>();
        manifest.entries().stream().filter(e -> e.kind() == SnapshotManifest.Kind.LIST).forEach(e -> byName.put(e.key(), e));
        return location -> {
            String name = nameFor(location);
            SnapshotManifest.Entry entry = byName.get(name);
            if (entry == null) {
                return new DocumentLookup.Unavailable("snapshot " + manifest.id().substring(0, 12) + " has no " + name);
            }
            try {
                String key = store.keys().document(entry.sha256());
                Optional<byte[]> content = store.bytes(key, MAX_BYTES);
                if (content.isEmpty()) {
                    return new DocumentLookup.Unavailable("the document of " + name + " is gone from " + store.display());
                }
                ListDocument document = new ListDocument(store.display() + "/" + key, content.get());
                if (!document.sha256().equals(entry.sha256())) {
                    return new DocumentLookup.Unavailable("the bytes of " + name + " in " + store.display()
                            + " were changed after they were verified (SHA-256 " + document.sha256().substring(0, 12)
                            + "…, the snapshot names " + entry.sha256().substring(0, 12) + "…)");
                }
                return new DocumentLookup.Found(document);
            } catch (ListCacheException e) {
                return new DocumentLookup.Unavailable(e.getMessage());
            }
        };
    }

    /** The rollback floors of every stored list, by name. */
    public Map<String, BigInteger> rollbackFloors() throws ListCacheException {
        Map<String, BigInteger> floors = new java.util.TreeMap<>();
        String prefix = store.keys().listFloor("");
        for (String key : store.scan(store.keys().listFloor("*"))) {
            store.string(key).flatMap(RedisListCache::integer).ifPresent(floor -> floors.put(key.substring(prefix.length()), floor));
        }
        return floors;
    }

    /** The manifest of what the cache holds now: every stored copy with its verified digest. */
    public SnapshotManifest manifest(java.time.Instant at) {
        List<SnapshotManifest.Entry> entries = new ArrayList<>();
        for (CacheMetadata meta : entries()) {
            entries.add(SnapshotManifest.Entry.list(nameFor(meta.location()), meta.location(), meta.sha256()));
        }
        return new SnapshotManifest(entries, at);
    }

    /** True when the store holds no LOTL yet. */
    public boolean isEmpty() throws ListCacheException {
        return store.hash(store.keys().list("EU.xml")).isEmpty();
    }

    @Override
    public Optional<CachedList> find(ListLocation location) {
        try {
            return findOrFail(location);
        } catch (ListCacheException e) {
            LOG.warn("{}", e.getMessage());
            return Optional.empty();
        }
    }

    /** As {@link #find} but tells a store failure from an absent copy. */
    public Optional<CachedList> findOrFail(ListLocation location) throws ListCacheException {
        String name = nameFor(location);
        if (!SAFE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Map<String, String> fields = store.hash(store.keys().list(name));
        String sha256 = fields.get("sha256");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        String documentKey = store.keys().document(sha256);
        Optional<byte[]> content = store.bytes(documentKey, MAX_BYTES);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        ListDocument document = new ListDocument(store.display() + "/" + documentKey, content.get());
        Optional<CacheMetadata> metadata = parse(fields).filter(meta -> meta.sha256().equals(document.sha256()));
        if (metadata.isEmpty()) {
            LOG.warn("the copy of {} in {} does not match its recorded SHA-256: it will be verified as unknown bytes",
                    name, store.display());
        }
        return Optional.of(new CachedList(document, metadata));
    }

    @Override
    public void store(ListDocument document, CacheMetadata metadata) throws ListCacheException {
        String name = requireName(metadata.location());
        String sha256 = document.sha256();
        if (!sha256.equals(metadata.sha256())) {
            throw new ListCacheException("the metadata of " + name + " does not describe the document stored");
        }
        List<byte[]> args = new ArrayList<>();
        args.add(document.content());
        args.add(RedisStore.utf8(String.valueOf(store.config().documentTtl().toSeconds())));
        args.add(RedisStore.utf8(metadata.sequenceNumber().toString()));
        fields(metadata).forEach((k, v) -> {
            args.add(RedisStore.utf8(k));
            args.add(RedisStore.utf8(v));
        });
        store.script(Scripts.STORE, List.of(store.keys().document(sha256), store.keys().list(name),
                store.keys().listFloor(name)), args);
    }

    @Override
    public void updateMetadata(CacheMetadata metadata) throws ListCacheException {
        String name = requireName(metadata.location());
        List<byte[]> args = new ArrayList<>();
        args.add(RedisStore.utf8(metadata.sha256()));
        fields(metadata).forEach((k, v) -> {
            args.add(RedisStore.utf8(k));
            args.add(RedisStore.utf8(v));
        });
        Object done = store.script(Scripts.UPDATE_METADATA, List.of(store.keys().list(name)), args);
        if (!Long.valueOf(1).equals(done)) {
            throw new ListCacheException("no stored copy of " + name + " with SHA-256 " + metadata.sha256() + " in " + store.display());
        }
    }

    @Override
    public List<CacheMetadata> entries() {
        List<CacheMetadata> entries = new ArrayList<>();
        try {
            for (String key : store.scan(store.keys().listPattern())) {
                parse(store.hash(key)).ifPresent(entries::add);
            }
        } catch (ListCacheException e) {
            LOG.warn("{}", e.getMessage());
        }
        entries.sort((a, b) -> a.location().territory().compareTo(b.location().territory()));
        return entries;
    }

    @Override
    public void remove(ListLocation location) throws ListCacheException {
        // The document itself stays until no snapshot names it and its time to live runs out.
        store.delete(store.keys().list(requireName(location)));
    }

    @Override
    public Lock lock() throws ListCacheException {
        return lease.await();
    }

    /** The highest sequence number ever stored for the location: no copy below it is ever accepted from the store. */
    public Optional<BigInteger> rollbackFloor(ListLocation location) throws ListCacheException {
        return store.string(store.keys().listFloor(requireName(location))).flatMap(RedisListCache::integer);
    }

    static Optional<BigInteger> integer(String text) {
        try {
            BigInteger value = new BigInteger(text);
            return value.signum() < 0 ? Optional.empty() : Optional.of(value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String requireName(ListLocation location) throws ListCacheException {
        String name = nameFor(location);
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new ListCacheException("'" + name + "' is not a safe name for " + location.url());
        }
        return name;
    }

    static Map<String, String> fields(CacheMetadata metadata) {
        return metadata.fields();
    }

    static Optional<CacheMetadata> parse(Map<String, String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CacheMetadata.fromFields(fields::get));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring unreadable list metadata in the store: {}", e.getMessage());
            return Optional.empty();
        }
    }

    static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }
}
