package org.qtrust.cli.lists;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.guice.HttpAdapterConfig;
import org.qtrust.adapters.http.guice.HttpAdapterModule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.ProxySetting;
import org.qtrust.adapters.http.transport.RewriteRules;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.wiring.ListsModule;
import org.qtrust.cli.wiring.TrustedListsSession;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust lists refresh}: downloads the LOTL and every list it points to into the cache.
 * A copy replaces the cached one only if it verifies and is not older; otherwise the last good
 * copy stays and the summary says why.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Fetch the LOTL and its lists into the cache, keeping the last good copy of any list that fails.")
public final class ListsRefreshCommand implements Callable<Integer> {

    /** Exit code with {@code --fail-on-problems} when a list could not be refreshed (the cache is still usable). */
    public static final int EXIT_PROBLEMS = 3;

    @Mixin
    ListOptions lists;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The cache folder (default: $XDG_CACHE_HOME/qtrust or ~/.cache/qtrust).")
    Path cache;

    @Option(names = "--rewrite", paramLabel = "FROM=TO",
            description = "Rewrite URLs starting with FROM to start with TO (mirrors, air-gapped networks). Repeatable; the first matching rule applies, once.")
    List<String> rewrites = new ArrayList<>();

    @Option(names = "--proxy", paramLabel = "URL", defaultValue = "system",
            description = "HTTP proxy: http://[user:pw@]host:port, 'none', or 'system' (the JVM's https.proxyHost… properties; default).")
    String proxy;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Longest silence from a server (ISO-8601, default ${DEFAULT-VALUE}); connecting gets a third of it.")
    String timeout;

    @Option(names = "--tls-trust", paramLabel = "FILE",
            description = "Extra trusted TLS certificates (PKCS#12/JKS), e.g. a mirror's internal CA.")
    Path tlsTrust;

    @Option(names = "--tls-trust-password", paramLabel = "PW", defaultValue = "",
            description = "Password of the --tls-trust keystore.")
    String tlsTrustPassword;

    @Option(names = "--fail-on-problems",
            description = "Exit " + EXIT_PROBLEMS + " when a list was kept or failed (for monitoring).")
    boolean failOnProblems;

    @Option(names = "--json", description = "Print one JSON document instead of a summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (lists.offline().isPresent()) {
            throw new UsageException("lists refresh fills a cache: give --cache DIR, not --offline (load it with lists load --offline DIR)");
        }
        Path folder = cache != null ? cache : CacheDirectories.defaultDirectory();
        List<ServiceCertificate> officialJournal = TrustedListsSession.officialJournalCertificates(lists);
        HttpAdapterConfig config = HttpAdapterConfig.defaults().withCacheDirectory(folder).withTransport(transport());
        FileListCache files = new FileListCache(folder);
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new HttpAdapterModule(config), new ListsModule(files.asSource()));
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(lists.lotlUrl()), officialJournal,
                lists.ojUrl(), lists.validationTime(Clock.systemUTC()), new ListAcceptancePolicy(lists.expiryGrace()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RefreshReport report;
        HttpClient5Transport transport = transport(injector);
        try {
            TrustedListRefresher refresher = new TrustedListRefresher(injector.getInstance(ListFetcher.class),
                    injector.getInstance(ListCache.class), injector.getInstance(TrustedListReader.class),
                    injector.getInstance(ListSignatureVerifier.class), injector.getInstance(ExecutorService.class),
                    Clock.systemUTC());
            RefreshProgress progress = new RefreshProgress(err, System.console() != null);
            report = refresher.refresh(request, progress);
            progress.finish();
        } catch (ListCacheException e) {
            throw new UsageException("cache " + folder + ": " + e.getMessage());
        } finally {
            transport.close();
        }
        if (json) {
            out.println(Json.pretty(RefreshJson.of(report, folder)));
        } else {
            RefreshSummary.print(report, folder, out);
        }
        out.flush();
        if (!report.usable()) {
            String reason = report.cache().listOfLists().rejection().map(r -> r.code() + ": " + r.description()).orElse("");
            err.println("qtrust: the cache holds no trusted LOTL — " + reason + "; " + report.listOfLists().outcome().code()
                    + ": " + report.listOfLists().detail());
            return 1;
        }
        return failOnProblems && !report.problems().isEmpty() ? EXIT_PROBLEMS : 0;
    }

    private static HttpClient5Transport transport(Injector injector) {
        try {
            return injector.getInstance(HttpClient5Transport.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UsageException(String.valueOf(cause.getMessage()));
        }
    }

    private TransportConfig transport() {
        Duration read;
        try {
            read = Duration.parse(timeout);
        } catch (DateTimeParseException e) {
            throw new UsageException("--timeout '" + timeout + "' is not an ISO-8601 duration such as PT30S");
        }
        if (read.isNegative() || read.isZero()) {
            throw new UsageException("--timeout must be positive");
        }
        TransportConfig config = TransportConfig.defaults();
        Duration connect = read.dividedBy(3).isZero() ? read : read.dividedBy(3);
        Duration call = read.multipliedBy(4).compareTo(config.callTimeout()) > 0 ? read.multipliedBy(4) : config.callTimeout();
        config = config.withTimeouts(connect, read, call);
        try {
            config = config.withRewrites(RewriteRules.parse(rewrites)).withProxy(ProxySetting.parse(proxy));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (tlsTrust != null) {
            config = config.withTrustStore(new TransportConfig.TrustStore(tlsTrust, tlsTrustPassword));
        }
        return config;
    }
}
