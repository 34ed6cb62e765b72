package org.qtrust.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxServer;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.ocsp.guice.OcspAdapterModule;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.RefreshListener;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.RefreshTrustedLists;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/**
 * Example (b): decisions assembled with Guice from each adapter's module, adding adapters-http
 * (transport, list cache, refresh) and adapters-ocsp (revocation by OCSP, then CRL). The lists are
 * refreshed over HTTP into a cache folder, loaded from it, and two certificates are decided with
 * revocation required. Nothing leaves the machine: the sandbox (docs/sandbox.md) stands in for
 * the EU and the CAs, served on 127.0.0.1 while the example runs.
 */
public final class GuiceDecision {

    /** The application's own module: the executor, and the use cases over the adapters' ports. */
    static final class ApplicationModule extends AbstractModule {
        private final Clock clock;

        ApplicationModule(Clock clock) {
            this.clock = clock;
        }

        @Provides
        @Singleton
        ExecutorService workers() {
            return Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "lists");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Downloads the LOTL, its pivots and the lists; stores a copy only when it verifies, never a rollback. */
        @Provides
        @Singleton
        RefreshTrustedLists refresher(ListFetcher fetcher, ListCache cache, TrustedListReader reader,
                                      ListSignatureVerifier verifier, ExecutorService workers) {
            return new TrustedListRefresher(fetcher, cache, reader, verifier, workers, clock);
        }

        /** Loads what the cache holds, offline: what a restarted application does before its next refresh. */
        @Provides
        @Singleton
        LoadTrustedLists loader(FileListCache cache, TrustedListReader reader, ListSignatureVerifier verifier,
                                ExecutorService workers) {
            return new TrustedListLoader(cache.asSource(), reader, verifier, workers);
        }
    }

    public static void main(String[] args) throws Exception {
        // The stand-in for the EU and the CAs: a sandbox built for a free loopback port and served on it.
        Path sandbox = Files.createTempDirectory("qtrust-sandbox");
        SandboxSettings settings = new SandboxSettings(SandboxSettings.DEFAULT_SEED, freeLoopbackPort());
        SandboxGenerator.generate(sandbox, settings);
        try (SandboxServer publisher = SandboxServer.start(sandbox, settings.port(), Clock.systemUTC())) {
            decide(settings.baseUrl() + "/lists/EU.xml", sandbox);
        }
    }

    /** What an application does: {@code lotlUrl} is https://ec.europa.eu/tools/lotl/eu-lotl.xml for the EU. */
    static void decide(String lotlUrl, Path sandbox) throws Exception {
        Clock clock = Clock.systemUTC();
        Instant at = SandboxLayout.VALIDATION_TIME;
        // The sandbox opt-in: plain http to 127.0.0.1. Deployments keep the strict default (https to public addresses).
        TransportConfig transport = TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox());
        Injector injector = Guice.createInjector(
                new XmlAdapterModule(),
                new CryptoAdapterModule(),
                new HttpAdapterModule(HttpAdapterConfig.defaults().withTransport(transport)
                        .withCacheDirectory(Files.createTempDirectory("qtrust-cache"))),
                new OcspAdapterModule(clock),
                new ApplicationModule(clock));
        try {
            List<ServiceCertificate> officialJournal = OfficialJournalCertificates.fromKeyStore(
                    sandbox.resolve("oj-keystore.p12"), "sandbox".toCharArray());
            LoadRequest request = new LoadRequest(ListLocation.listOfLists(lotlUrl), officialJournal,
                    Optional.empty(), at, ListAcceptancePolicy.STRICT);

            RefreshReport refresh = injector.getInstance(RefreshTrustedLists.class).refresh(request, RefreshListener.NONE);
            System.out.println("refresh: " + refresh.counts() + "; usable: " + refresh.usable());
            TrustedListsReport report = injector.getInstance(LoadTrustedLists.class).load(request);
            System.out.println("LOTL accepted: " + report.listOfLists().accepted() + "; lists accepted: "
                    + report.acceptedLists().size() + " of " + report.lists().size());

            CertificateInspector inspector = injector.getInstance(CertificateInspector.class);
            TrustedServiceIndex index = TrustedServiceIndex.fromReport(report, List.of(), inspector);
            // REQUIRE: no trusted verdict without a good OCSP response or CRL entry check.
            CertificateDecisionService decisions = new CertificateDecisionService(index, inspector,
                    VerificationPolicy.euEidas().withRevocation(RevocationMode.REQUIRE),
                    Optional.of(injector.getInstance(RevocationChecker.class)), RevocationPolicy.defaults());

            for (String name : List.of("qualified-esig.pem", "revoked.pem")) {
                List<byte[]> pem = OfflineDecision.certificates(sandbox.resolve("certs").resolve(name));
                CertificateVerdict verdict = decisions.verify(new CertificateCheck(pem.get(0), pem.subList(1, pem.size()), at));
                System.out.println(name + ": " + (verdict.trusted() ? "trusted" : "not trusted") + " (" + verdict.code().code() + ")"
                        + "; revocation: " + verdict.revocation().map(r -> r.status().code()
                                + r.source().map(source -> " (" + source.code() + ")").orElse("")).orElse("not checked"));
            }
        } finally {
            injector.getInstance(HttpClient5Transport.class).close(); // the HTTP client's connections and threads
        }
    }

    private static int freeLoopbackPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
