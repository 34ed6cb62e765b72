package org.qtrust.cli.wiring;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.CertificateFiles;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.loading.LoteLoadRequest;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;

/**
 * Loads the lists of trusted entities the options name: files are read, http(s) URLs fetched
 * through the {@link HttpTransport} port, each list judged against the configured signers. Lists
 * are judged in the order given; an accepted one is the reference a later list of the same type
 * and territory must not roll back from.
 */
public final class LoteSession {

    /** The largest list document read from a file or the network. */
    public static final int MAX_LIST_BYTES = 16 * 1024 * 1024;

    private LoteSession() {
    }

    /** @throws UsageException when lists are named without any signer certificate (fail closed), or a file is unusable */
    public static List<LoteVerdict> load(LoteOptions options, Injector injector, Instant validationTime, Duration grace) {
        if (!options.given()) {
            return List.of();
        }
        List<ServiceCertificate> anchors = anchors(options.anchors());
        LoteLoader loader = new LoteLoader(injector.getInstance(LoteReader.class), injector.getInstance(LoteSignatureVerifier.class));
        ListAcceptancePolicy policy = new ListAcceptancePolicy(grace);
        Map<String, ListOfTrustedEntities> accepted = new HashMap<>();
        List<LoteVerdict> verdicts = new ArrayList<>();
        HttpClient5Transport transport = null;
        try {
            for (String source : options.lotes()) {
                Optional<ListDocument> document;
                if (isUrl(source)) {
                    if (transport == null) {
                        transport = new HttpClient5Transport(TransportConfig.defaults().withMaxBodyBytes(MAX_LIST_BYTES));
                    }
                    document = fetch(transport, source, verdicts);
                } else {
                    document = Optional.of(read(Path.of(source)));
                }
                if (document.isEmpty()) {
                    continue;
                }
                LoteVerdict verdict = loader.load(new LoteLoadRequest(document.get(), anchors, List.copyOf(accepted.values()),
                        validationTime, policy));
                verdicts.add(verdict);
                if (verdict.accepted()) {
                    ListOfTrustedEntities list = verdict.list().orElseThrow();
                    accepted.put(key(list), list);
                }
            }
        } finally {
            if (transport != null) {
                transport.close();
            }
        }
        return List.copyOf(verdicts);
    }

    static String key(ListOfTrustedEntities list) {
        return list.scheme().loteType() + "|" + list.scheme().territory();
    }

    private static boolean isUrl(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    private static Optional<ListDocument> fetch(HttpTransport transport, String url, List<LoteVerdict> verdicts) {
        try {
            HttpExchange.Response response = transport.send(HttpExchange.Request.get(url, MAX_LIST_BYTES));
            if (!response.isSuccess()) {
                verdicts.add(LoteVerdict.unavailable(url, "HTTP " + response.status() + " from " + response.finalUrl()));
                return Optional.empty();
            }
            return Optional.of(new ListDocument(url, response.body()));
        } catch (TransportException e) {
            verdicts.add(LoteVerdict.unavailable(url, e.getMessage()));
            return Optional.empty();
        }
    }

    private static ListDocument read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("--lote " + file + ": no such file");
            }
            if (Files.size(file) > MAX_LIST_BYTES) {
                throw new UsageException("--lote " + file + ": larger than " + MAX_LIST_BYTES + " bytes");
            }
            return new ListDocument(file.toString(), Files.readAllBytes(file));
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
