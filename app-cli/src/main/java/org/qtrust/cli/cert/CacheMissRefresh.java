package org.qtrust.cli.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.wiring.ListCacheRefresh;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.trustedlist.refresh.IssuerTerritories;
import org.qtrust.core.trustedlist.refresh.ListRefresh;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * The on-miss refresh of {@code qtrust cert verify --cache DIR} (issue 19, the seed's "on a cache
 * miss during verification, refresh the relevant country's list"): the list of one territory is
 * refreshed with a conditional request, at most once per territory per interval. The interval
 * holds across invocations: the time of each attempt is kept in {@value #FILE} in the cache
 * folder, read and written under the cache's lock, and claimed before the request is sent (as the
 * server does), so a failing or slow publisher is not asked again within the interval either.
 */
final class CacheMissRefresh {

    /** The file in the cache folder that keeps the last on-miss attempt per territory. */
    static final String FILE = ".miss-refresh";
    private static final int MAX_FILE_BYTES = 16 * 1024;

    /** What became of an attempt: the trace line, and whether a newer list was stored. */
    record Outcome(String trace, boolean refreshed) {
    }

    private final ListOptions lists;
    private final Path folder;
    private final TransportConfig transport;
    private final Duration interval;
    private final Clock clock;

    CacheMissRefresh(ListOptions lists, Path folder, TransportConfig transport, Duration interval, Clock clock) {
        this.lists = lists;
        this.folder = folder;
        this.transport = transport;
        this.interval = interval;
        this.clock = clock;
    }

    /** {@code --miss-refresh-interval}: an ISO-8601 duration (PT10M), or {@code 0}/{@code off}; empty when off. */
    static Optional<Duration> interval(String text) {
        String value = text.trim();
        if (value.equals("0") || value.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative()) {
                throw new UsageException("--miss-refresh-interval " + text + ": negative");
            }
            return duration.isZero() ? Optional.empty() : Optional.of(duration);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--miss-refresh-interval " + text + ": not an ISO-8601 duration (PT10M), 0 or off");
        }
    }

    /** The territories the issuers of the certificate and its offered chain name (core {@link IssuerTerritories}). */
    java.util.Set<String> territories(byte[] certificate, java.util.List<byte[]> chain) {
        CertificateInspector inspector = com.google.inject.Guice.createInjector(new CryptoAdapterModule())
                .getInstance(CertificateInspector.class);
        return IssuerTerritories.of(inspector, certificate, chain);
    }

    Outcome refresh(String territory) {
        Optional<String> limited;
        try {
            limited = claim(territory);
        } catch (ListCacheException | IOException e) {
            return new Outcome(territory + " not refreshed on a miss (failed: " + e.getMessage() + ")", false);
        }
        if (limited.isPresent()) {
            return new Outcome(territory + " not refreshed on a miss (rate limit: " + limited.get() + ")", false);
        }
        ListRefresh entry;
        try {
            entry = ListCacheRefresh.refreshTerritory(lists, folder, transport, territory);
        } catch (ListCacheException | RuntimeException e) {
            return new Outcome(territory + " not refreshed on a miss (failed: " + e.getMessage() + ")", false);
        }
        return switch (entry.outcome()) {
            case UPDATED, NEW -> new Outcome("refreshed " + territory + " on a miss: new sequence "
                    + entry.sequence().map(String::valueOf).orElse("?"), true);
            case NOT_MODIFIED -> new Outcome(territory + " not refreshed on a miss (unchanged: the publisher's copy is the one in force)", false);
            default -> new Outcome(territory + " not refreshed on a miss (failed: " + entry.detail() + ")", false);
        };
    }

    /** Under the cache's lock: empty when this invocation may refresh (and the attempt is recorded), else why not. */
    private Optional<String> claim(String territory) throws ListCacheException, IOException {
        try (ListCache.Lock lock = new FileListCache(folder).lock()) {
            Path file = folder.resolve(FILE);
            Map<String, Instant> attempts = read(file);
            Instant now = clock.instant();
            Instant last = attempts.get(territory);
            // An attempt recorded in the future (a clock set back, a copied folder) does not block for longer than one interval.
            if (last != null && now.isBefore(last.plus(interval)) && !last.isAfter(now.plus(interval))) {
                Duration ago = Duration.between(last, now);
                return Optional.of("tried " + Math.max(0, ago.toSeconds()) + " s ago; next attempt in "
                        + Duration.between(now, last.plus(interval)).toSeconds() + " s");
            }
            attempts.put(territory, now);
            write(file, attempts);
            return Optional.empty();
        } catch (ListCacheException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** "AT 2026-12-06T21:00:00Z" lines; anything unreadable is ignored (the worst case is one more conditional request). */
    private static Map<String, Instant> read(Path file) throws IOException {
        Map<String, Instant> attempts = new TreeMap<>();
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
            return attempts;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && parts[0].matches("[A-Z]{2}")) {
                try {
                    attempts.put(parts[0], Instant.parse(parts[1]));
                } catch (java.time.format.DateTimeParseException e) {
                    // ignored
                }
            }
        }
        return attempts;
    }

    private static void write(Path file, Map<String, Instant> attempts) throws IOException {
        StringBuilder text = new StringBuilder();
        attempts.forEach((territory, at) -> text.append(territory).append(' ').append(at).append('\n'));
        Path temporary = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
