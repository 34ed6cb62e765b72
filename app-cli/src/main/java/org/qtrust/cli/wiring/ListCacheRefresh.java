package org.qtrust.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.core.trustedlist.refresh.RefreshReport;
import org.qtrust.core.trustedlist.refresh.TrustedListRefresher;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import org.qtrust.core.trustedlist.refresh.port.ListFetcher;

/** Fills a list cache from the network: used by {@code lists refresh} and when the default cache is empty. */
public final class ListCacheRefresh {

    private ListCacheRefresh() {
    }

    /**
     * Refreshes the cache in {@code folder} from the network: the one refresh path, shared by
     * {@code lists refresh} and by commands that find the default cache empty.
     */
    public static RefreshReport refresh(ListOptions lists, Path folder, TransportConfig transportConfig, PrintWriter progressOut) {
        List<ServiceCertificate> officialJournal = TrustedListsSession.officialJournalCertificates(lists);
        HttpAdapterConfig config = HttpAdapterConfig.defaults().withCacheDirectory(folder).withTransport(transportConfig)
                .withMirrors(lists.mirrors());
        FileListCache files = new FileListCache(folder);
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new HttpAdapterModule(config), new ListsModule(files.asSource()));
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(lists.lotlUrl()), officialJournal,
                lists.ojUrl(), lists.validationTime(Clock.systemUTC()), new ListAcceptancePolicy(lists.expiryGrace()));
        HttpClient5Transport transport = transport(injector);
        try {
            TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class),
                    injector.getInstance(ListCache.class), injector.getInstance(TrustedListReader.class),
                    injector.getInstance(ListSignatureVerifier.class), injector.getInstance(ExecutorService.class),
                    Clock.systemUTC());
            RefreshProgress progress = new RefreshProgress(progressOut, System.console() != null);
            RefreshReport report = refresher.refresh(request, progress);
            progress.finish();
            return report;
        } catch (ListCacheException e) {
            throw new UsageException("cache " + folder + ": " + e.getMessage());
        } finally {
            transport.close();
        }
    }

    /**
     * Refreshes the one list of {@code territory} in the cache in {@code folder} (the on-miss
     * refresh, issue 19): a conditional request through the same transport, egress rule, mirrors
     * and OJ options as {@link #refresh}; the LOTL and pivots come from the cache.
     */
    public static org.qtrust.core.trustedlist.refresh.ListRefresh refreshTerritory(ListOptions lists, Path folder,
                                                                                  TransportConfig transportConfig, String territory)
            throws ListCacheException {
        List<ServiceCertificate> officialJournal = TrustedListsSession.officialJournalCertificates(lists);
        HttpAdapterConfig config = HttpAdapterConfig.defaults().withCacheDirectory(folder).withTransport(transportConfig)
                .withMirrors(lists.mirrors());
        FileListCache files = new FileListCache(folder);
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new HttpAdapterModule(config), new ListsModule(files.asSource()));
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(lists.lotlUrl()), officialJournal,
                lists.ojUrl(), lists.validationTime(Clock.systemUTC()), new ListAcceptancePolicy(lists.expiryGrace()));
        HttpClient5Transport transport = transport(injector);
        try {
            return new TrustedListRefresher(injector.getInstance(ListFetcher.class),
                    injector.getInstance(ListCache.class), injector.getInstance(TrustedListReader.class),
                    injector.getInstance(ListSignatureVerifier.class), injector.getInstance(ExecutorService.class),
                    Clock.systemUTC()).refreshTerritory(request, territory);
        } finally {
            transport.close();
        }
    }

    private static HttpClient5Transport transport(Injector injector) {
        try {
            return injector.getInstance(HttpClient5Transport.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UsageException(String.valueOf(cause.getMessage()));
        }
    }

}
