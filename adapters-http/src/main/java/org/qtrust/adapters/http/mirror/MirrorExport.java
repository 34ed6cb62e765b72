package org.qtrust.adapters.http.mirror;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import org.qtrust.core.trustedlist.refresh.port.CachedList;

/**
 * Writes a mirror (issue 19.2, {@code qtrust lists export}) from a verified cache folder: every
 * document byte for byte under its cache-folder name, then {@value #INDEX} listing each one
 * (file, role, territory, publication URL, sequence number, SHA-256, size, issue time,
 * NextUpdate). A document whose bytes do not match its metadata, a document without metadata
 * (copied in by hand, never verified by a refresh), or one the caller did not verify refuses
 * the whole export: a mirror is only ever written from what QTrust itself accepted.
 */
public final class MirrorExport {

    /** The index a mirror carries beside its documents. */
    public static final String INDEX = "qtrust-mirror.json";

    /** One exported document. */
    public record Exported(String file, CacheMetadata metadata, long size) {
        public Exported {
            Objects.requireNonNull(file);
            Objects.requireNonNull(metadata);
        }
    }

    /** The cache cannot be exported as it is: one readable line. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    private MirrorExport() {
    }

    /**
     * Checks and copies; call it while holding the cache's lock, after verifying the documents.
     *
     * @param verified the cache-folder names of the documents a load of this cache verified
     * @param out      the mirror folder: absent, empty, or a previous export (it is overwritten)
     */
    public static List<Exported> export(FileListCache cache, Set<String> verified, Path out, Instant exportedAt)
            throws RefusedException, IOException {
        Path folder = cache.directory();
        if (cache.isEmpty()) {
            throw new RefusedException("the cache " + folder + " holds no LOTL: fill it with 'qtrust lists refresh --cache "
                    + folder + "'");
        }
        List<Exported> exported = new ArrayList<>();
        List<ListDocument> documents = new ArrayList<>();
        Set<String> described = new TreeSet<>();
        for (CacheMetadata metadata : cache.entries()) {
            String file = DirectoryListSource.fileNameFor(metadata.location());
            described.add(file);
            Optional<CachedList> cached = cache.find(metadata.location());
            if (cached.isEmpty() || cached.get().metadata().isEmpty()) {
                throw new RefusedException("the cache " + folder + " is damaged: " + file
                        + " does not match its metadata (SHA-256) or cannot be read; run 'qtrust lists refresh --cache " + folder + "'");
            }
            if (!verified.contains(file)) {
                throw new RefusedException("the cache " + folder + " holds " + file
                        + ", which does not verify under the LOTL in force: run 'qtrust lists refresh --cache " + folder + "'");
            }
            documents.add(cached.get().document());
            exported.add(new Exported(file, cached.get().metadata().get(), cached.get().document().size()));
        }
        for (String file : xmlFiles(folder)) {
            if (!described.contains(file)) {
                throw new RefusedException("the cache " + folder + " holds " + file + " without metadata: a copy put there by hand "
                        + "was never verified by a refresh; run 'qtrust lists refresh --cache " + folder + "' first");
            }
        }
        if (!described.contains("EU.xml")) {
            throw new RefusedException("the cache " + folder + " holds no verified LOTL (EU.xml has no metadata)");
        }
        prepare(out);
        for (int i = 0; i < exported.size(); i++) {
            write(out, exported.get(i).file(), documents.get(i).content());
        }
        // The index last: a mirror with an index is complete.
        write(out, INDEX, index(exported, exportedAt).getBytes(StandardCharsets.UTF_8));
        return exported;
    }

    private static Set<String> xmlFiles(Path folder) throws IOException {
        Set<String> files = new TreeSet<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.xml")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && !name.startsWith(".")) {
                    files.add(name);
                }
            }
        }
        return files;
    }

    private static void prepare(Path out) throws IOException, RefusedException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new RefusedException(out + " is not a folder");
        }
        if (Files.isDirectory(out) && !Files.exists(out.resolve(INDEX))) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(out)) {
                if (stream.iterator().hasNext()) {
                    throw new RefusedException(out + " is neither empty nor a previous export (no " + INDEX + "): give an empty folder");
                }
            }
        }
        Files.createDirectories(out);
    }

    private static void write(Path out, String name, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(out, "." + name, ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, out.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String index(List<Exported> exported, Instant exportedAt) {
        StringBuilder json = new StringBuilder();
        json.append("{\"format\": 1, \"exportedAt\": ").append(string(exportedAt.toString())).append(", \"documents\": [");
        for (int i = 0; i < exported.size(); i++) {
            Exported entry = exported.get(i);
            CacheMetadata metadata = entry.metadata();
            json.append(i == 0 ? "\n" : ",\n");
            json.append("  {\"file\": ").append(string(entry.file()))
                    .append(", \"role\": ").append(string(metadata.location().role().name()))
                    .append(", \"territory\": ").append(string(metadata.location().territory()))
                    .append(", \"url\": ").append(string(metadata.location().url()))
                    .append(", \"sequenceNumber\": ").append(number(metadata.sequenceNumber()))
                    .append(", \"sha256\": ").append(string(metadata.sha256()))
                    .append(", \"size\": ").append(entry.size())
                    .append(", \"issued\": ").append(string(metadata.issued().toString()))
                    .append(", \"nextUpdate\": ").append(metadata.nextUpdate().map(next -> string(next.toString())).orElse("null"))
                    .append('}');
        }
        json.append("\n]}\n");
        return json.toString();
    }

    private static String number(BigInteger value) {
        return value.toString();
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
