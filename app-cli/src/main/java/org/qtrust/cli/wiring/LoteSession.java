package org.qtrust.cli.wiring;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.CertificateFiles;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteSourcesRequest;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;

/**
 * Loads the lists of trusted entities the options name: files are read, http(s) URLs fetched
 * through the {@link HttpTransport} port (adapters-http {@link LoteDocumentFetcher}), each list
 * judged against the configured signers by core's {@link LoteLoader#loadInOrder}: in the order
 * given, an accepted one being the reference a later list of the same type and territory must
 * not roll back from.
 */
public final class LoteSession {

    /** Only files are named: nothing goes to the network. */
    private static final HttpTransport NO_NETWORK = request -> {
        throw new IllegalStateException("no --lote URL was given, yet " + request.url() + " was fetched");
    };

    private LoteSession() {
    }

    /** @throws UsageException when lists are named without any signer certificate (fail closed), or a file is unusable */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace) {
        if (!options.given()) {
            return List.of();
        }
        List<ServiceCertificate> anchors = anchors(options.anchors());
        options.lotes().stream().filter(source -> !LoteDocumentFetcher.isUrl(source)).forEach(source -> checkFile(Path.of(source)));
        LoteLoader loader = new LoteLoader(injector.getInstance(LoteReader.class), injector.getInstance(LoteSignatureVerifier.class));
        LoteSourcesRequest request = new LoteSourcesRequest(options.lotes(), anchors, List.of(), validationTime,
                new ListAcceptancePolicy(grace));
        if (options.lotes().stream().noneMatch(LoteDocumentFetcher::isUrl)) {
            return loader.loadInOrder(request, new LoteDocumentFetcher(NO_NETWORK));
        }
        try (HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults()
                .withMaxBodyBytes(LoteDocumentFetcher.MAX_LIST_BYTES))) {
            return loader.loadInOrder(request, new LoteDocumentFetcher(transport));
        }
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
