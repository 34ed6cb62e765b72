package org.qtrust.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.cache.FileLoteCache;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.CertificateFiles;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.lote.refresh.CachedLoteSource;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
import org.qtrust.core.lote.refresh.LoteRefresher;
import org.qtrust.core.lote.refresh.LoteRollbackFloors;
import org.qtrust.core.lote.refresh.port.LoteCache;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;

/**
 * Loads the lists of trusted entities the options name: files are read, http(s) URLs fetched
 * through the {@link HttpTransport} port (adapters-http {@link LoteDocumentFetcher}), each list
 * judged against the configured signers by core's {@link LoteLoader#loadInOrder}: in the order
 * given, an accepted one being the reference a later list of the same type and territory must
 * not roll back from. With {@code --cache DIR}, the lists are the last authentic copies that
 * {@code lists refresh} stored there (adapters-http {@link FileLoteCache}), verified again, and
 * nothing is fetched: a list the cache holds no copy of is list_unavailable (fail closed).
 */
public final class LoteSession {

    /** Only files are named: nothing goes to the network. */
    private static final HttpTransport NO_NETWORK = request -> {
        throw new IllegalStateException("no --lote URL was given, yet " + request.url() + " was fetched");
    };

    private LoteSession() {
    }

    /** A list location is shown in traces, reports and cache metadata: one carrying credentials is refused (without repeating them). */
    private static void refuseCredentials(LoteOptions options) {
        if (options.lotes().stream().anyMatch(LoteDocumentFetcher::carriesCredentials)) {
            throw new UsageException("--lote: a URL with user information (user:password@) is refused; "
                    + "serve the list without credentials or give a file");
        }
    }

    /** @throws UsageException when lists are named without any signer certificate (fail closed), or a file is unusable */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace) {
        return load(options, injector, validationTime, grace, Optional.empty());
    }

    /**
     * @param cache the list cache to read the lists from instead of their publishers ({@code --cache DIR})
     * @throws UsageException when lists are named without any signer certificate (fail closed), a file is
     *         unusable, or the cache folder does not exist
     */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace,
                                         Optional<Path> cache) {
        return load(options, injector, validationTime, grace, cache, EgressRule.strict());
    }

    /** As above, fetching list URLs under {@code egress}. */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace,
                                         Optional<Path> cache, EgressRule egress) {
        if (!options.given()) {
            return List.of();
        }
        refuseCredentials(options);
        List<ServiceCertificate> anchors = anchors(options.anchors());
        LoteLoader loader = new LoteLoader(injector.getInstance(LoteReader.class), injector.getInstance(LoteSignatureVerifier.class));
        LoteSourcesRequest request = new LoteSourcesRequest(options.lotes(), anchors, List.of(), validationTime,
                new ListAcceptancePolicy(grace));
        if (cache.isPresent()) {
            return new CachedLoteSource(new FileLoteCache(new FileListCache(existingCache(cache.get())))).load(loader, request);
        }
        options.lotes().stream().filter(source -> !LoteDocumentFetcher.isUrl(source)).forEach(source -> checkFile(Path.of(source)));
        if (options.lotes().stream().noneMatch(LoteDocumentFetcher::isUrl)) {
            return loader.loadInOrder(request, new LoteDocumentFetcher(NO_NETWORK));
        }
        try (HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults()
                .withMaxBodyBytes(LoteDocumentFetcher.MAX_LIST_BYTES).withEgress(egress))) {
            return loader.loadInOrder(request, new LoteDocumentFetcher(transport));
        }
    }

    /**
     * Refreshes the cached copies of the named lists in the list cache {@code folder}: each is
     * obtained from its file or URL (through {@code transportConfig}: proxy, rewrites, TLS trust)
     * and stored only when authentic and not a rollback (core {@link LoteRefresher}).
     *
     * @throws UsageException when no signer is configured, or the cache cannot be locked
     */
    public static LoteRefreshReport refresh(LoteOptions options, Path folder, TransportConfig transportConfig,
                                            Instant validationTime, Duration grace) {
        return refresh(options, new FileLoteCache(new FileListCache(folder)), "cache " + folder, transportConfig, validationTime, grace);
    }

    /**
     * As above into any list-of-trusted-entities cache: the shared store's ({@code lists refresh --store}),
     * under the refresh lease its caller holds.
     *
     * @param where names the cache in messages
     */
    public static LoteRefreshReport refresh(LoteOptions options, LoteCache cache, String where, TransportConfig transportConfig,
                                            Instant validationTime, Duration grace) {
        refuseCredentials(options);
        List<ServiceCertificate> anchors = anchors(options.anchors());
        Injector adapters = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule());
        LoteLoader loader = new LoteLoader(adapters.getInstance(LoteReader.class), adapters.getInstance(LoteSignatureVerifier.class));
        LoteSourcesRequest request = new LoteSourcesRequest(options.lotes(), anchors, List.of(), validationTime,
                new ListAcceptancePolicy(grace));
        if (options.lotes().stream().noneMatch(LoteDocumentFetcher::isUrl)) {
            return refresh(loader, new LoteDocumentFetcher(NO_NETWORK), cache, request, where);
        }
        try (HttpClient5Transport transport = transport(transportConfig.withMaxBodyBytes(LoteDocumentFetcher.MAX_LIST_BYTES))) {
            return refresh(loader, new LoteDocumentFetcher(transport), cache, request, where);
        }
    }

    private static LoteRefreshReport refresh(LoteLoader loader, LoteDocumentSource publishers, LoteCache cache,
                                             LoteSourcesRequest request, String where) {
        try {
            return new LoteRefresher(loader, publishers, cache, Clock.systemUTC()).refresh(request);
        } catch (ListCacheException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }

    /**
     * The lists of trusted entities of a shared store's snapshot ({@code lists load --store}):
     * each read by the digest the snapshot names, verified against the configured signers exactly
     * as a download, and refused as a rollback below the store's floor for its location. A list
     * the snapshot holds no copy of is list_unavailable (fail closed); nothing is fetched.
     */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace,
                                         StoreSession.Snapshot snapshot) {
        if (!options.given()) {
            return List.of();
        }
        refuseCredentials(options);
        List<ServiceCertificate> anchors = anchors(options.anchors());
        LoteLoader loader = new LoteLoader(injector.getInstance(LoteReader.class), injector.getInstance(LoteSignatureVerifier.class));
        LoteSourcesRequest request = new LoteSourcesRequest(options.lotes(), anchors, List.of(), validationTime,
                new ListAcceptancePolicy(grace));
        List<LoteVerdict> verdicts = LoteRollbackFloors.apply(loader.loadInOrder(request, snapshot.lotes()), snapshot.loteFloors());
        List<LoteVerdict> described = new ArrayList<>(verdicts.size());
        for (LoteVerdict verdict : verdicts) {
            List<String> trace = new ArrayList<>(verdict.trace());
            trace.add(0, "from the store's snapshot " + snapshot.id());
            described.add(new LoteVerdict(verdict.location(), verdict.list(), verdict.signature(), verdict.rejection(),
                    verdict.stale(), trace));
        }
        return List.copyOf(described);
    }

    private static HttpClient5Transport transport(TransportConfig config) {
        try {
            return new HttpClient5Transport(config);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(String.valueOf(e.getMessage()));
        }
    }

    private static Path existingCache(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--cache " + folder + ": no such folder; fill it with 'qtrust lists refresh --cache " + folder
                    + " --lote …'");
        }
        return folder;
    }

    /** A file that cannot be a list is unusable input (exit 2), not a rejected list. */
    private static void checkFile(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--lote " + file + ": no such file");
            }
            if (Files.size(file) > LoteDocumentFetcher.MAX_LIST_BYTES) {
                throw new UsageException("--lote " + file + ": larger than " + LoteDocumentFetcher.MAX_LIST_BYTES + " bytes");
            }
        } catch (IOException e) {
            throw new UsageException("--lote " + file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The configured signers; none is refused rather than trusting whatever signed a list. */
    public static List<ServiceCertificate> anchors(List<Path> paths) {
        if (paths.isEmpty()) {
            throw new UsageException("say which certificates may sign the --lote lists: --lote-anchor FILE");
        }
        List<ServiceCertificate> anchors = new ArrayList<>();
        for (Path file : CertificateFiles.expand(paths)) {
            CertificateFiles.CertificateFile read = CertificateFiles.read(file);
            List<byte[]> all = new ArrayList<>();
            all.add(read.certificate());
            all.addAll(read.others());
            for (byte[] der : all) {
                try {
                    anchors.add(ServiceCertificate.fromDer(der));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--lote-anchor " + file + ": not a PEM or DER certificate");
                }
            }
        }
        if (anchors.isEmpty()) {
            throw new UsageException("--lote-anchor: no certificate found");
        }
        return List.copyOf(anchors);
    }
}
