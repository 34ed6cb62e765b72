package org.qtrust.adapters.http.lote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.DocumentLookup;
import org.qtrust.core.trustedlist.ListDocument;

/**
 * Obtains a list of trusted entities from a file, or from an http(s) URL through the
 * {@link HttpTransport} port, at most {@link #MAX_LIST_BYTES}. Every failure is an
 * {@link DocumentLookup.Unavailable} with the reason: the loader turns it into list_unavailable.
 */
public final class LoteDocumentFetcher implements LoteDocumentSource {

    /** The largest list document read from a file or the network. */
    public static final int MAX_LIST_BYTES = 16 * 1024 * 1024;

    private final HttpTransport transport;

    public LoteDocumentFetcher(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport);
    }

    /** Whether a location names an http(s) URL rather than a file. */
    public static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /**
     * Whether an http(s) location carries user information ({@code user:password@host}). Such a
     * location is refused: locations are shown in traces, reports, metrics and cache metadata,
     * and credentials do not belong there.
     */
    public static boolean carriesCredentials(String location) {
        if (!isUrl(location)) {
            return false;
        }
        try {
            return new java.net.URI(location).getRawUserInfo() != null;
        } catch (java.net.URISyntaxException e) {
            return location.substring(location.indexOf("://") + 3).split("[/?#]", 2)[0].contains("@");
        }
    }

    @Override
    public DocumentLookup find(String location) {
        if (carriesCredentials(location)) {
            return new DocumentLookup.Unavailable("a URL with user information is not fetched");
        }
        return isUrl(location) ? fetch(location) : read(location);
    }

    private DocumentLookup fetch(String url) {
        try {
            HttpExchange.Response response = transport.send(HttpExchange.Request.get(url, MAX_LIST_BYTES)
                    .forPurpose(HttpExchange.Purpose.LIST_OF_TRUSTED_ENTITIES));
            if (!response.isSuccess()) {
                return new DocumentLookup.Unavailable("HTTP " + response.status() + " from " + response.finalUrl());
            }
            return new DocumentLookup.Found(new ListDocument(url, response.body()));
        } catch (TransportException e) {
            return new DocumentLookup.Unavailable(e.getMessage());
        }
    }

    private static DocumentLookup read(String location) {
        try {
            Path file = Path.of(location);
            if (!Files.isRegularFile(file)) {
                return new DocumentLookup.Unavailable(location + ": no such file");
            }
            if (Files.size(file) > MAX_LIST_BYTES) {
                return new DocumentLookup.Unavailable(location + ": larger than " + MAX_LIST_BYTES + " bytes");
            }
            return new DocumentLookup.Found(new ListDocument(location, Files.readAllBytes(file)));
        } catch (IOException | InvalidPathException e) {
            return new DocumentLookup.Unavailable(location + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
