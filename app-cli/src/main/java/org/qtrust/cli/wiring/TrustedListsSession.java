package org.qtrust.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.qtrust.adapters.redis.RedisListCache;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.refresh.RollbackFloors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.keystore.CertificateSourceException;
import org.qtrust.adapters.crypto.keystore.KeystorePasswordException;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import java.io.PrintWriter;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/** Turns the list options into a wired loader and a load request: the CLI's one way to load lists. */
public final class TrustedListsSession {

    private final Injector injector;
    private final LoadRequest request;
    private final Optional<StoreSession.Snapshot> snapshot;
    private final Optional<Path> folder;

    private TrustedListsSession(Injector injector, LoadRequest request, Optional<StoreSession.Snapshot> snapshot,
                                Optional<Path> folder) {
        this.injector = injector;
        this.request = request;
        this.snapshot = snapshot;
        this.folder = folder;
    }

    /**
     * Opens the lists the options name: {@code --offline DIR}, else {@code --cache DIR}, else the
     * default cache — which is filled from the network first when it is empty.
     */
    public static TrustedListsSession open(ListOptions options, Clock clock) {
        // Opening a PKCS#12 keystore costs ~0.2 s of key derivation: do it while the rest is wired.
        CompletableFuture<List<ServiceCertificate>> pendingOfficialJournal =
                CompletableFuture.supplyAsync(() -> officialJournalCertificates(options));
        Injector injector;
        Optional<StoreSession.Snapshot> snapshot = Optional.empty();
        Optional<Path> folder = Optional.empty();
        try {
            ListDocumentSource source;
            if (options.store().isPresent()) {
                snapshot = Optional.of(StoreSession.current(StoreSession.open(options)));
                source = snapshot.get().source();
            } else {
                folder = Optional.of(listFolder(options));
                source = new DirectoryListSource(folder.get());
            }
            injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(), new ListsModule(source));
        } catch (RuntimeException e) {
            awaitOfficialJournal(pendingOfficialJournal); // a keystore problem is reported first, as before
            throw e;
        }
        List<ServiceCertificate> officialJournal = awaitOfficialJournal(pendingOfficialJournal);
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(options.lotlUrl()), officialJournal,
                options.ojUrl(), options.validationTime(clock), new ListAcceptancePolicy(options.expiryGrace()));
        return new TrustedListsSession(injector, request, snapshot, folder);
    }

    private static Path listFolder(ListOptions options) {
        if (options.offline().isPresent()) {
            return existingListFolder(options.offline().get(), "--offline");
        }
        if (options.cache().isPresent()) {
            Path cache = options.cache().get();
            if (!Files.isRegularFile(cache.resolve("EU.xml"))) {
                throw new UsageException("--cache " + cache + ": the cache holds no LOTL yet; fill it with 'qtrust lists refresh --cache "
                        + cache + "' (or give --offline DIR)");
            }
            return cache;
        }
        Path defaultCache = CacheDirectories.defaultDirectory();
        if (new FileListCache(defaultCache).isEmpty()) {
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("qtrust: the default cache " + defaultCache + " is empty: fetching the lists (give --offline DIR to work without network)");
            RefreshReport report = ListCacheRefresh.refresh(options, defaultCache, TransportConfig.defaults().withEgress(options.egress()), err);
            if (!report.usable()) {
                throw new UsageException("could not fill the default cache " + defaultCache + " from " + options.lotlUrl()
                        + ": " + report.listOfLists().outcome().code() + " — " + report.listOfLists().detail());
            }
        }
        return existingListFolder(defaultCache, "cache");
    }

    private static Path existingListFolder(Path folder, String option) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException(option + " " + folder + ": no such folder");
        }
        if (!Files.isRegularFile(folder.resolve("EU.xml"))) {
            throw new UsageException(option + " " + folder + ": no EU.xml (the LOTL) in that folder");
        }
        return folder;
    }

    private static List<ServiceCertificate> awaitOfficialJournal(CompletableFuture<List<ServiceCertificate>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public static List<ServiceCertificate> officialJournalCertificates(ListOptions options) {
        return officialJournalCertificates(options.ojKeystore(), options.ojPassword(), options.ojCerts());
    }

    /**
     * The Official Journal certificates from {@code --oj-keystore FILE [--oj-password PW]} or
     * {@code --oj-certs DIR}; every problem is a usage error naming the option.
     */
    public static List<ServiceCertificate> officialJournalCertificates(Optional<Path> ojKeystore, Optional<String> ojPassword,
                                                                       Optional<Path> ojCerts) {
        if (ojKeystore.isPresent()) {
            Path keystore = ojKeystore.get();
            try {
                // Without --oj-password, a keystore with an empty password still opens.
                char[] password = ojPassword.map(String::toCharArray).orElse(new char[0]);
                return OfficialJournalCertificates.fromKeyStore(keystore, password);
            } catch (KeystorePasswordException e) {
                throw new UsageException(ojPassword.isPresent()
                        ? "--oj-password is wrong for the keystore " + keystore
                        : "--oj-password is missing: the keystore " + keystore + " is protected by a password");
            } catch (CertificateSourceException e) {
                throw new UsageException("--oj-keystore: " + e.getMessage());
            }
        }
        if (ojCerts.isPresent()) {
            try {
                return OfficialJournalCertificates.fromDirectory(ojCerts.get());
            } catch (CertificateSourceException e) {
                throw new UsageException("--oj-certs: " + e.getMessage());
            }
        }
        throw new UsageException("say which certificates may sign the LOTL: --oj-keystore FILE --oj-password PW, or --oj-certs DIR");
    }

    /** Loads the lists; from a store, a copy below its rollback floor is refused as a rollback. */
    public TrustedListsReport load() {
        TrustedListsReport report = injector.getInstance(LoadTrustedLists.class).load(request);
        return snapshot.map(s -> RollbackFloors.apply(report, s.floors(), RedisListCache::nameFor)).orElse(report);
    }

    /** The id of the store's snapshot the lists were read from ({@code --store}); empty otherwise. */
    public Optional<String> snapshotId() {
        return snapshot.map(StoreSession.Snapshot::id);
    }

    /** The store's snapshot the lists were read from ({@code --store}), for its lists of trusted entities; empty otherwise. */
    public Optional<StoreSession.Snapshot> storeSnapshot() {
        return snapshot;
    }

    /** The wired components, for commands that assemble more on top (decisions, benchmarks). */
    public Injector injector() {
        return injector;
    }

    /** The folder the lists are read from: the --offline folder or the cache; none with --store. */
    public Optional<Path> folder() {
        return folder;
    }

    public LoadRequest request() {
        return request;
    }

    /** The same lists, judged (issue time, NextUpdate) at another instant. */
    public TrustedListsSession judgedAt(java.time.Instant instant) {
        return new TrustedListsSession(injector, new LoadRequest(request.listOfLists(), request.officialJournalCertificates(),
                request.officialJournalUri(), instant, request.policy()), snapshot, folder);
    }
}
