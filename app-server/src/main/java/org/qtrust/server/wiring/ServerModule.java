package org.qtrust.server.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.qtrust.adapters.crypto.keystore.CertificateSourceException;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.cache.FileLoteCache;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.lote.port.LoteSignatureVerifier;
import org.qtrust.core.lote.refresh.LoteRefresher;
import org.qtrust.core.lote.refresh.RefreshListsOfTrustedEntities;
import org.qtrust.core.policy.port.VerificationPolicyReader;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.server.certificate.CertificateEndpoint;
import org.qtrust.server.config.ConfigurationException;
import org.qtrust.server.config.ServerSettings;
import org.qtrust.server.credential.CredentialEndpoint;
import org.qtrust.server.credential.CredentialVerification;
import org.qtrust.server.credential.CredentialVerificationBridge;
import org.qtrust.server.health.HealthEndpoint;
import org.qtrust.server.http.ApiHandler;
import org.qtrust.server.http.HostAllowList;
import org.qtrust.server.http.RequestLimits;
import org.qtrust.server.lists.TrustedListsEndpoint;
import org.qtrust.server.lote.LoteReload;
import org.qtrust.server.metrics.ServerMetrics;
import org.qtrust.server.policy.PolicyCatalog;
import org.qtrust.server.policy.RequestCeiling;
import org.qtrust.server.refresh.MissRefresh;
import org.qtrust.server.snapshot.SnapshotHolder;
import org.qtrust.server.snapshot.SnapshotLoader;
import org.qtrust.server.web.StaticContent;

/**
 * The server's own wiring, on top of the adapter modules (xml, crypto, http and ocsp): settings, clock, policies, the snapshot and its loader, the
 * endpoints and the handler.
 */
public final class ServerModule extends AbstractModule {

    private final ServerSettings settings;
    private final Clock clock;

    public ServerModule(ServerSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    protected void configure() {
        bind(ServerSettings.class).toInstance(settings);
        bind(Clock.class).toInstance(clock);
        bind(SnapshotHolder.class).in(Singleton.class);
        bind(ServerMetrics.class).in(Singleton.class);
        bind(StaticContent.class).in(Singleton.class);
    }

    /** Credential verification (issues 4, 7): the bridge over the snapshot's decisions, with the crypto adapter's JOSE. */
    @Provides
    @Singleton
    CredentialVerification credentialVerification(org.qtrust.core.credential.port.JsonWebTokens jose,
                                                  org.qtrust.core.credential.mdoc.port.CborCodec cbor,
                                                  org.qtrust.core.credential.mdoc.port.CoseSignatures cose,
                                                  Provider<HttpTransport> transport,
                                                  org.qtrust.core.cache.port.SharedEvidenceStore sharedEvidence) {
        ServerSettings.Fetching fetching = settings.fetching();
        if (!fetching.enabled()) {
            return new CredentialVerificationBridge(jose, org.qtrust.core.credential.port.IssuerMetadataSource.offline(),
                    org.qtrust.core.credential.port.StatusListSource.offline(), fetching, settings.ceilings().allowRequestOverrides(),
                    Optional.of(cbor), Optional.of(cose),
                    new org.qtrust.core.credential.BoundedReplayCache(CredentialVerificationBridge.REPLAY_CACHE_ENTRIES));
        }
        // Through the server's transport: the egress rule (plain http on loopback only with --allow-loopback-http).
        org.qtrust.core.credential.IssuerUrlRule urls = settings.transport().egress().loopbackHttp()
                ? org.qtrust.core.credential.IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP : org.qtrust.core.credential.IssuerUrlRule.HTTPS_ONLY;
        // Issue 15.1: metadata and status lists fetched on one bounded pool apart from Jetty's threads, each request
        // waiting at most what is left of its outbound budget.
        java.util.concurrent.Executor outbound = outboundExecutor();
        return new CredentialVerificationBridge(jose,
                new org.qtrust.core.credential.metadata.HttpIssuerMetadataSource(transport.get(), jose, clock,
                        org.qtrust.core.credential.metadata.HttpIssuerMetadataSource.DEFAULT_TTL, urls, outbound),
                new org.qtrust.core.credential.status.HttpStatusListSource(transport.get(), clock,
                        org.qtrust.core.credential.status.HttpStatusListSource.DEFAULT_TTL, urls, Optional.of(jose), outbound,
                        sharedEvidence),
                fetching, settings.ceilings().allowRequestOverrides(), Optional.of(cbor), Optional.of(cose),
                new org.qtrust.core.credential.BoundedReplayCache(CredentialVerificationBridge.REPLAY_CACHE_ENTRIES));
    }

    /**
     * Outbound credential fetches run here, apart from Jetty's threads (issue 15.1): a few daemon
     * threads and a bounded queue; beyond it a fetch is refused (the status is then unavailable).
     */
    private static java.util.concurrent.Executor outboundExecutor() {
        java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(4, 4, 30,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.ArrayBlockingQueue<>(256), runnable -> {
                    Thread thread = new Thread(runnable, "qtrust-outbound");
                    thread.setDaemon(true);
                    return thread;
                }, new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The on-miss refresh (installed by the assembly in cache and store modes), paced by {@code --miss-refresh-interval}. */
    @Provides
    @Singleton
    MissRefresh missRefresh() {
        return new MissRefresh(settings.missRefreshInterval(), System::nanoTime);
    }

    @Provides
    @Singleton
    PolicyCatalog policies(VerificationPolicyReader reader) {
        return PolicyCatalog.read(settings.policies(), reader, settings.revocation());
    }

    @Provides
    @Singleton
    List<ServiceCertificate> officialJournalCertificates() {
        ServerSettings.OfficialJournal officialJournal = settings.officialJournal();
        try {
            if (officialJournal.keystore().isPresent()) {
                char[] password = officialJournal.password().map(String::toCharArray).orElse(new char[0]);
                return OfficialJournalCertificates.fromKeyStore(officialJournal.keystore().get(), password);
            }
            return OfficialJournalCertificates.fromDirectory(officialJournal.certificates().orElseThrow());
        } catch (CertificateSourceException e) {
            throw new ConfigurationException("Official Journal certificates: " + e.getMessage());
        }
    }

    /** Lists are read and verified in parallel, one worker per core: most of the work is CPU. */
    @Provides
    @Singleton
    ExecutorService listWorkers() {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "qtrust-list-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The lists of trusted entities (issue 7), when configured: files read and URLs fetched with
     * the server's transport (its --rewrite and --timeout), signatures checked against --lote-anchor.
     */
    @Provides
    @Singleton
    Optional<LoteReload> loteReload(LoteReader reader, LoteSignatureVerifier verifier, Provider<HttpTransport> transport,
                                    Provider<FileListCache> listCache) {
        ServerSettings.LoteSources lotes = settings.lotes();
        if (!lotes.given()) {
            return Optional.empty();
        }
        List<ServiceCertificate> anchors;
        try {
            anchors = OfficialJournalCertificates.fromFilesOrFolders(lotes.anchors());
        } catch (CertificateSourceException e) {
            throw new ConfigurationException("--lote-anchor: " + e.getMessage());
        }
        LoteLoader loader = new LoteLoader(reader, verifier);
        LoteDocumentFetcher publishers = new LoteDocumentFetcher(transport.get());
        // With a list cache, the authentic copies live there too (as `lists refresh --lote` keeps them): a restart keeps the rollback floor.
        Optional<RefreshListsOfTrustedEntities> cached = settings.lists() instanceof ServerSettings.Cache
                ? Optional.of(new LoteRefresher(loader, publishers, new FileLoteCache(listCache.get()), clock))
                : Optional.empty();
        return Optional.of(new LoteReload(loader, publishers, lotes.locations(), anchors,
                new ListAcceptancePolicy(settings.expiryGrace()), cached));
    }

    @Provides
    @Singleton
    SnapshotLoader snapshotLoader(TrustedListReader reader, ListSignatureVerifier verifier, CertificateInspector inspector,
                                  ExecutorService workers, List<ServiceCertificate> officialJournal, RevocationChecker revocation,
                                  Optional<LoteReload> lotes) {
        // One checker for the server's life, shared by every snapshot: its OCSP answers and CRLs stay cached across refreshes.
        return new SnapshotLoader(reader, verifier, inspector, workers, clock, new SnapshotLoader.Settings(settings.lotlUrl(),
                officialJournal, settings.officialJournal().uri(), settings.expiryGrace()), Optional.of(revocation), lotes);
    }

    @Provides
    @Singleton
    ApiHandler apiHandler(SnapshotHolder holder, PolicyCatalog policies, ServerMetrics metrics, StaticContent content,
                          CredentialVerification credentials, MissRefresh missRefresh) {
        return new ApiHandler(holder, new CertificateEndpoint(policies, clock, metrics,
                        RequestCeiling.revocation(settings.ceilings().allowRequestOverrides()), missRefresh,
                        settings.fetching().budget()),
                new CredentialEndpoint(credentials, policies, clock, missRefresh, settings.fetching().budget()),
                new TrustedListsEndpoint(clock, policies),
                new HealthEndpoint(holder, clock), content, metrics, clock,
                new RequestLimits(settings.maxBodyBytes(), settings.clients().requestTimeout(), settings.clients().minDataRate(),
                        settings.clients().maxVerifications()),
                new HostAllowList(settings.exposure().allowedHosts()), settings.exposure().tls().isPresent());
    }
}
