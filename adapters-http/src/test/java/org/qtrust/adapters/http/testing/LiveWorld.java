package org.qtrust.adapters.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.fetch.FetchConfig;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.ProxySetting;
import org.qtrust.adapters.http.transport.RewriteRules;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * The real snapshot published on loopback: the LOTL and every list it points to are served by
 * {@link ListServer} under their file names, and rewrite rules map the real publication URLs
 * (https://ec.europa.eu/…, https://www.signatur.rtr.at/…) onto it. The refresh runs with the
 * production HTTP client, fetcher and file cache, and the test-only reader and verifier.
 */
public final class LiveWorld implements AutoCloseable {

    public static final Instant AT = Instant.parse("2019-10-01T00:00:00Z");

    public final ListServer server = ListServer.http().serveFolder(SharedData.snapshot());
    public final Path cacheDirectory;
    public final TestListReader reader = new TestListReader();
    public final TestSignatureVerifier verifier = new TestSignatureVerifier();
    public final ExecutorService workers = Executors.newFixedThreadPool(8);
    public final HttpClient5Transport transport;
    public final HttpListSource source;
    public final FileListCache cache;

    public LiveWorld(Path cacheDirectory) {
        this(cacheDirectory, Map.of(), Optional.empty());
    }

    /**
     * @param redirected territory → base URL its pointer is rewritten to instead (e.g. a TLS server)
     * @param trustStore extra TLS trust for such servers
     */
    public LiveWorld(Path cacheDirectory, Map<String, String> redirected, Optional<TransportConfig.TrustStore> trustStore) {
        this.cacheDirectory = cacheDirectory;
        TransportConfig config = TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(20))
                .withRewrites(rewriteRules(server.base(), redirected))
                .withProxy(ProxySetting.direct());
        if (trustStore.isPresent()) {
            config = config.withTrustStore(trustStore.get());
        }
        this.transport = new HttpClient5Transport(config);
        this.source = new HttpListSource(transport, FetchConfig.defaults()
                .withAttempts(2, Duration.ofMillis(20), Duration.ofMillis(100))
                .withMaxListBytes(8L * 1024 * 1024));
        this.cache = new FileListCache(cacheDirectory, DirectoryListSource.DEFAULT_MAX_BYTES, Duration.ofSeconds(5));
    }

    /**
     * The LOTL's URL and each XML pointer's URL (of LOTL 248 and 250) mapped to
     * {@code <base>/<territory>.xml}; anything else to a path that does not exist on the
     * loopback server, so no test ever leaves 127.0.0.1.
     */
    public static RewriteRules rewriteRules(String serverBase, Map<String, String> redirected) {
        List<String> rules = new ArrayList<>();
        rules.add(SharedData.LOTL_URL + "=" + serverBase + "EU.xml");
        for (String lotl : List.of("lotl-snapshot/EU.xml", "other-versions/eu-lotl-250.xml")) {
            for (ListPointer pointer : read(lotl).scheme().pointers()) {
                if (pointer.isXml() && !pointer.territory().equals("EU")) {
                    String base = redirected.getOrDefault(pointer.territory(), serverBase);
                    rules.add(pointer.location() + "=" + base + pointer.territory() + ".xml");
                }
            }
        }
        rules.add("http://=" + serverBase + "unmapped/");
        rules.add("https://=" + serverBase + "unmapped/");
        return RewriteRules.parse(rules);
    }

    public static TrustedList read(String relative) {
        try {
            return new TestListReader().read(new ListDocument(relative, SharedData.read(relative)));
        } catch (MalformedListException e) {
            throw new IllegalStateException(e);
        }
    }

    public TrustedListRefresher refresher() {
        return new TrustedListRefresher(source, cache, reader, verifier, workers, Clock.systemUTC());
    }

    public RefreshReport refresh() {
        return refresh(AT);
    }

    public RefreshReport refresh(Instant at) {
        try {
            return refresher().refresh(request(at));
        } catch (ListCacheException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LoadRequest request(Instant at) {
        return new LoadRequest(ListLocation.listOfLists(SharedData.LOTL_URL), SharedData.officialJournalCertificates(),
                Optional.of(SharedData.OJ_URL), at, ListAcceptancePolicy.STRICT);
    }

    public TrustedListsReport load(ListDocumentSource documents, Instant at) {
        return new TrustedListLoader(documents, reader, verifier, workers).load(request(at));
    }

    /** The offline load of the shared snapshot folder. */
    public TrustedListsReport offline() {
        return load(new DirectoryListSource(SharedData.snapshot()), AT);
    }

    /** An offline load of the cache folder, as {@code qtrust lists load --cache DIR} does. */
    public TrustedListsReport cacheAsOffline() {
        return load(new DirectoryListSource(cacheDirectory), AT);
    }

    /** What a load says of each list, without where the documents came from. */
    public static Map<String, String> verdicts(TrustedListsReport report) {
        Map<String, String> verdicts = new TreeMap<>();
        verdicts.put("LOTL", verdict(report.listOfLists()));
        report.pivots().forEach(pivot -> verdicts.put("pivot " + pivot.location().fileName(), verdict(pivot)));
        report.lists().forEach(list -> verdicts.put(list.location().territory(), verdict(list)));
        return verdicts;
    }

    private static String verdict(ListVerdict verdict) {
        return (verdict.accepted() ? "accepted" : "rejected " + verdict.rejection().orElseThrow().code())
                + " seq=" + verdict.list().map(l -> l.scheme().sequenceNumber().toString()).orElse("-")
                + " signature=" + verdict.signature().map(s -> s.status().name()).orElse("-")
                + " providers=" + verdict.list().map(l -> l.providers().size()).orElse(0)
                + " services=" + verdict.list().map(TrustedList::serviceCount).orElse(0)
                + (verdict.stale() ? " stale" : "");
    }

    public byte[] cached(String fileName) {
        try {
            return Files.readAllBytes(cacheDirectory.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        transport.close();
        server.close();
        workers.shutdownNow();
    }
}
