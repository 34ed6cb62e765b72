package org.qtrust.adapters.http.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.port.ListDocumentSource;

/**
 * Finds list documents in a folder laid out like a snapshot: the LOTL as {@code EU.xml}, each
 * national list as {@code <territory>.xml} (the territory code the LOTL pointer gives), and a
 * pivot LOTL by the last path segment of its URL.
 */
public final class DirectoryListSource implements ListDocumentSource {

    /** Larger than any real list (the largest national lists are about 2 MB). */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private final Path directory;
    private final long maxBytes;

    public DirectoryListSource(Path directory) {
        this(directory, DEFAULT_MAX_BYTES);
    }

    public DirectoryListSource(Path directory, long maxBytes) {
        this.directory = Objects.requireNonNull(directory);
        this.maxBytes = maxBytes;
    }

    public Path directory() {
        return directory;
    }

    /** The file name a location has in this layout. */
    public static String fileNameFor(ListLocation location) {
        return switch (location.role()) {
            case LIST_OF_LISTS -> "EU.xml";
            case TERRITORY_LIST -> location.territory() + ".xml";
            case PIVOT -> location.fileName();
        };
    }

    @Override
    public DocumentLookup find(ListLocation location) {
        String name = fileNameFor(location);
        // Names come from a list under verification: never let them leave the folder.
        if (!SAFE_FILE_NAME.matcher(name).matches()) {
            return new DocumentLookup.Unavailable("'" + name + "' is not a safe file name for " + location.url());
        }
        Path file = directory.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (content.length > maxBytes) {
                return new DocumentLookup.Unavailable(file + " is larger than " + maxBytes + " bytes");
            }
            return new DocumentLookup.Found(new ListDocument(file.toString(), content));
        } catch (NoSuchFileException e) {
            return new DocumentLookup.Unavailable("no file " + name + " in " + directory);
        } catch (IOException e) {
            return new DocumentLookup.Unavailable("cannot read " + file + ": " + e.getMessage());
        }
    }
}
