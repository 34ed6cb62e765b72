package org.qtrust.adapters.http.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file operations both caches ({@link FileListCache}, {@link FileLoteCache}) rely on: atomic
 * replacement, durable renames, bounded reads and stable metadata files.
 */
final class CacheFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFiles.class);
    static final String META_SUFFIX = ".meta.properties";
    static final String TEMP_MARKER = ".tmp-";

    private CacheFiles() {
    }

    /**
     * Writes to a temporary file in the same folder, forces it to disk, then renames it over the
     * target atomically: a reader (or a crash) sees the old content or the new, never a part.
     */
    static void writeAtomically(Path directory, String name, byte[] content) throws IOException {
        Path target = directory.resolve(name);
        Path temp = directory.resolve("." + name + TEMP_MARKER + UUID.randomUUID());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + directory + " cannot rename atomically", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Stores a document and its metadata. Document first: metadata that does not match its
     * document is ignored, so a crash between the two renames costs a confirmation, never a list.
     */
    static void store(Path directory, String name, byte[] document, String metadataName, byte[] metadata)
            throws ListCacheException {
        try {
            Files.createDirectories(directory);
            writeAtomically(directory, name, document);
            writeAtomically(directory, metadataName, metadata);
            syncDirectory(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new ListCacheException("cannot write " + directory.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the metadata of a stored document (the publisher confirmed it). */
    static void replaceMetadata(Path directory, String name, String metadataName, byte[] metadata) throws ListCacheException {
        if (!Files.isRegularFile(directory.resolve(name))) {
            throw new ListCacheException("no cached copy " + directory.resolve(name) + " to describe");
        }
        try {
            writeAtomically(directory, metadataName, metadata);
            syncDirectory(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new ListCacheException("cannot write " + directory.resolve(metadataName) + ": " + e.getMessage(), e);
        }
    }

    /** Makes the renames durable (POSIX); where a folder cannot be opened (Windows) the rename is durable already. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("folder sync not supported for {}", directory, e);
        }
    }

    /** Temporary files a killed writer left behind (only ever removed under the lock). */
    static void removeLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".*" + TEMP_MARKER + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                LOG.info("removed {}, left by an interrupted write", file.getFileName());
            }
        } catch (IOException e) {
            LOG.warn("cannot clean the cache {}: {}", directory, e.getMessage());
        }
    }

    /** At most {@code maxBytes} of a stored document; empty when absent, unreadable or larger. */
    static Optional<byte[]> readBounded(Path file, long maxBytes) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read the cached copy {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        if (content.length > maxBytes) {
            LOG.warn("the cached copy {} is larger than {} bytes: ignored", file, maxBytes);
            return Optional.empty();
        }
        return Optional.of(content);
    }

    /** Metadata as properties, one line per key in key order and no date line: the same values give the same bytes. */
    static byte[] propertiesBytes(Map<String, String> values, String header) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = new StringBuilder("# ").append(header).append('\n');
        text.toString().lines().filter(line -> !line.startsWith("#")).sorted().forEach(line -> out.append(line).append('\n'));
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    static Optional<Properties> readProperties(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            return Optional.of(properties);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return value;
    }
}
