package org.qtrust.adapters.http.cache;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The list cache as a folder in the {@code --offline} layout, so {@link DirectoryListSource}
 * loads it as is: the LOTL as {@code EU.xml}, each list as {@code <territory>.xml}, a pivot by
 * its URL's file name; beside each, {@code <name>.meta.properties} (source URL, ETag,
 * Last-Modified, fetched and checked times, SHA-256, sequence number, issue time, NextUpdate).
 * <p>
 * Every write goes to a temporary file in the same folder, is forced to disk, then renamed
 * over the old file atomically; the folder is forced too. The document is written before
 * its metadata, and metadata whose SHA-256 does not match the document is ignored: a crash at
 * any point leaves each list either old or new, and the cache loadable. Refreshes hold an
 * exclusive lock ({@code .lock}, a file lock plus an in-process lock).
 */
public final class FileListCache implements ListCache {

    private static final Logger LOG = LoggerFactory.getLogger(FileListCache.class);
    private static final String META_SUFFIX = CacheFiles.META_SUFFIX;
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final int FORMAT = 1;

    private final Path directory;
    private final long maxBytes;
    private final Duration lockWait;
    private final ReentrantLock processLock = new ReentrantLock();

    public FileListCache(Path directory) {
        this(directory, DirectoryListSource.DEFAULT_MAX_BYTES, Duration.ofMinutes(5));
    }

    /**
     * @param maxBytes the largest document read back
     * @param lockWait how long {@link #lock()} waits for another refresh to finish
     */
    public FileListCache(Path directory, long maxBytes, Duration lockWait) {
        this.directory = Objects.requireNonNull(directory).toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
        this.lockWait = Objects.requireNonNull(lockWait);
    }

    public Path directory() {
        return directory;
    }

    /** A source over this folder, exactly as {@code --offline} reads one. */
    public DirectoryListSource asSource() {
        return new DirectoryListSource(directory, maxBytes);
    }

    /** True when the cache holds no LOTL yet (a first refresh is needed). */
    public boolean isEmpty() {
        return !Files.isRegularFile(directory.resolve(DirectoryListSource.fileNameFor(ListLocation.listOfLists("x"))));
    }

    @Override
    public Optional<CachedList> find(ListLocation location) {
        Optional<String> name = fileName(location);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.resolve(name.get());
        Optional<byte[]> read = CacheFiles.readBounded(file, maxBytes);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        byte[] content = read.get();
        Optional<CacheMetadata> metadata = readMetadata(metadataFile(name.get()))
                .filter(meta -> meta.sha256().equals(sha256(content)));
        return Optional.of(new CachedList(new ListDocument(file.toString(), content), metadata));
    }

    @Override
    public void store(ListDocument document, CacheMetadata metadata) throws ListCacheException {
        String name = requireFileName(metadata.location());
        CacheFiles.store(directory, name, document.content(), metadataName(name), metadataBytes(metadata));
    }

    @Override
    public void updateMetadata(CacheMetadata metadata) throws ListCacheException {
        String name = requireFileName(metadata.location());
        CacheFiles.replaceMetadata(directory, name, metadataName(name), metadataBytes(metadata));
    }

    @Override
    public List<CacheMetadata> entries() {
        List<CacheMetadata> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + META_SUFFIX)) {
            for (Path file : files) {
                readMetadata(file).ifPresent(entries::add);
            }
        } catch (IOException e) {
            LOG.warn("cannot list the cache {}: {}", directory, e.getMessage());
        }
        entries.sort((a, b) -> a.location().territory().compareTo(b.location().territory()));
        return entries;
    }

    @Override
    public void remove(ListLocation location) throws ListCacheException {
        String name = requireFileName(location);
        try {
            Files.deleteIfExists(directory.resolve(name));
            Files.deleteIfExists(metadataFile(name));
            CacheFiles.syncDirectory(directory);
        } catch (IOException e) {
            throw new ListCacheException("cannot remove " + directory.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Lock lock() throws ListCacheException {
        boolean held = false;
        try {
            if (!processLock.tryLock(lockWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ListCacheException("another refresh of " + directory + " is running in this process");
            }
            held = true;
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock fileLock = acquire(channel);
            CacheFiles.removeLeftovers(directory);
            CacheFiles.removeLeftovers(directory.resolve(FileLoteCache.FOLDER));
            held = false;
            return () -> {
                try {
                    fileLock.release();
                    channel.close();
                } catch (IOException e) {
                    LOG.warn("cannot release the cache lock: {}", e.getMessage());
                } finally {
                    processLock.unlock();
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ListCacheException("interrupted while waiting for the cache lock on " + directory, e);
        } catch (IOException e) {
            throw new ListCacheException("cannot lock the cache " + directory + ": " + e.getMessage(), e);
        } finally {
            if (held) {
                processLock.unlock();
            }
        }
    }

    private FileLock acquire(FileChannel channel) throws IOException, InterruptedException, ListCacheException {
        long deadline = System.nanoTime() + lockWait.toNanos();
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                // held through another channel of this JVM: wait as for another process
            }
            if (System.nanoTime() - deadline > 0) {
                channel.close();
                throw new ListCacheException("another process is refreshing " + directory + " (" + directory.resolve(".lock")
                        + " is locked)");
            }
            Thread.sleep(100);
        }
    }

    private Optional<String> fileName(ListLocation location) {
        String name = DirectoryListSource.fileNameFor(location);
        return SAFE_FILE_NAME.matcher(name).matches() && !name.endsWith(META_SUFFIX) ? Optional.of(name) : Optional.empty();
    }

    private String requireFileName(ListLocation location) throws ListCacheException {
        return fileName(location).orElseThrow(() -> new ListCacheException("'" + DirectoryListSource.fileNameFor(location)
                + "' is not a safe file name for " + location.url()));
    }

    private Path metadataFile(String name) {
        return directory.resolve(metadataName(name));
    }

    /** {@code EU.xml} → {@code EU.meta.properties}. */
    static String metadataName(String name) {
        String base = name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name;
        return base + META_SUFFIX;
    }

    static byte[] metadataBytes(CacheMetadata metadata) {
        return CacheFiles.propertiesBytes(new TreeMap<>(metadata.fields()), "QTrust cache metadata (written atomically after the document)");
    }

    static Optional<CacheMetadata> readMetadata(Path file) {
        Optional<Properties> read = CacheFiles.readProperties(file);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CacheMetadata.fromFields(read.get()::getProperty));
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring unreadable cache metadata {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
