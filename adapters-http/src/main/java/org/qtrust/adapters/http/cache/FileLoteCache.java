package org.qtrust.adapters.http.cache;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.core.lote.refresh.port.CachedLote;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.lote.refresh.port.LoteCacheMetadata;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached lists of trusted entities, in the {@code lote/} folder of a list cache: one file
 * per configured location, named from the location's last path segment and a hash of the whole
 * location ({@code pid-providers-3f9a0c12d4e5.jws}), beside it {@code <name>.meta.properties}
 * with the original location, LoTEType, territory, sequence number, dates and SHA-256. Writes
 * are atomic as in {@link FileListCache} (document first; metadata not matching its document is
 * ignored) and refreshes take that cache's lock, so trusted lists and LoTEs are never refreshed
 * into one folder at the same time.
 */
public final class FileLoteCache implements LoteCache {

    private static final Logger LOG = LoggerFactory.getLogger(FileLoteCache.class);
    /** The subfolder of the list cache; the trusted lists' layout ({@code --offline}) never looks into it. */
    public static final String FOLDER = "lote";
    private static final int FORMAT = 1;
    private static final int MAX_STEM = 60;
    private static final int HASH_CHARACTERS = 12;

    private final FileListCache lists;
    private final Path directory;

    /** The LoTE copies of the list cache {@code lists} (its folder, its lock). */
    public FileLoteCache(FileListCache lists) {
        this.lists = Objects.requireNonNull(lists);
        this.directory = lists.directory().resolve(FOLDER);
    }

    public Path directory() {
        return directory;
    }

    /**
     * The file a location's copy is stored in: a readable part (the last path segment, only
     * {@code [A-Za-z0-9._-]}, at most 60 characters) and the first 12 hex digits of the SHA-256 of
     * the location (a file as its absolute path), so distinct locations never share a file and
     * no location can name a path outside the folder.
     */
    public static String fileNameFor(String location) {
        String key = key(location);
        String segment = key.replaceFirst("[?#].*$", "");
        segment = segment.substring(Math.max(segment.lastIndexOf('/'), segment.lastIndexOf('\\')) + 1);
        String safe = segment.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
        int dot = safe.lastIndexOf('.');
        String extension = dot > 0 && safe.length() - dot <= 8 ? safe.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String stem = dot > 0 && !extension.isEmpty() ? safe.substring(0, dot) : safe;
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        if (stem.isEmpty()) {
            stem = "lote";
        }
        String hash = new ListDocument(key, key.getBytes(StandardCharsets.UTF_8)).sha256().substring(0, HASH_CHARACTERS);
        return stem + "-" + hash + "." + (extension.isEmpty() || extension.equals("properties") ? "lote" : extension);
    }

    /** A URL as given; a file as its absolute, normalised path, so the same file is one entry from any working folder. */
    static String key(String location) {
        if (LoteDocumentFetcher.isUrl(location)) {
            return location;
        }
        try {
            return Path.of(location).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return location;
        }
    }

    @Override
    public Optional<CachedLote> find(String location) {
        String name = fileNameFor(location);
        Path file = directory.resolve(name);
        Optional<byte[]> content = CacheFiles.readBounded(file, LoteDocumentFetcher.MAX_LIST_BYTES);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        ListDocument document = new ListDocument(file.toString(), content.get());
        String sha256 = document.sha256();
        Optional<LoteCacheMetadata> metadata = readMetadata(directory.resolve(metadataName(name)))
                .filter(meta -> meta.sha256().equals(sha256));
        return Optional.of(new CachedLote(document, metadata));
    }

    @Override
    public void store(ListDocument document, LoteCacheMetadata metadata) throws ListCacheException {
        String name = fileNameFor(metadata.location());
        CacheFiles.store(directory, name, document.content(), metadataName(name), metadataBytes(metadata));
    }

    @Override
    public void updateMetadata(LoteCacheMetadata metadata) throws ListCacheException {
        String name = fileNameFor(metadata.location());
        CacheFiles.replaceMetadata(directory, name, metadataName(name), metadataBytes(metadata));
    }

    /** The list cache's lock: one refresh of the folder at a time, whatever it refreshes. */
    @Override
    public ListCache.Lock lock() throws ListCacheException {
        return lists.lock();
    }

    /** {@code pid-3f9a0c12d4e5.jws} → {@code pid-3f9a0c12d4e5.meta.properties}. */
    static String metadataName(String name) {
        return name.substring(0, name.lastIndexOf('.')) + CacheFiles.META_SUFFIX;
    }

    static byte[] metadataBytes(LoteCacheMetadata metadata) {
        TreeMap<String, String> values = new TreeMap<>();
        values.put("format", String.valueOf(FORMAT));
        values.put("location", key(metadata.location()));
        values.put("loteType", metadata.loteType());
        values.put("territory", metadata.territory());
        values.put("sequenceNumber", metadata.sequenceNumber().toString());
        values.put("issued", metadata.issued().toString());
        metadata.nextUpdate().ifPresent(next -> values.put("nextUpdate", next.toString()));
        values.put("sha256", metadata.sha256());
        values.put("fetchedAt", metadata.fetchedAt().toString());
        values.put("checkedAt", metadata.checkedAt().toString());
        return CacheFiles.propertiesBytes(values, "QTrust LoTE cache metadata (written atomically after the document)");
    }

    static Optional<LoteCacheMetadata> readMetadata(Path file) {
        Optional<Properties> read = CacheFiles.readProperties(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Properties properties = read.get();
        try {
            return Optional.of(new LoteCacheMetadata(
                    CacheFiles.required(properties, "location"),
                    CacheFiles.required(properties, "loteType"),
                    CacheFiles.required(properties, "territory"),
                    new BigInteger(CacheFiles.required(properties, "sequenceNumber")),
                    Instant.parse(CacheFiles.required(properties, "issued")),
                    Optional.ofNullable(properties.getProperty("nextUpdate")).map(Instant::parse),
                    CacheFiles.required(properties, "sha256"),
                    Instant.parse(CacheFiles.required(properties, "fetchedAt")),
                    Instant.parse(CacheFiles.required(properties, "checkedAt"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warn("ignoring unreadable LoTE cache metadata {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
