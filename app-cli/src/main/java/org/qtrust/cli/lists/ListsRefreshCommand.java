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
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.wiring.ListsModule;
import org.qtrust.cli.wiring.ListCacheRefresh;
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

    @Mixin
    HttpOptions http;

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
        Path folder = lists.cache().orElseGet(CacheDirectories::defaultDirectory);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RefreshReport report = ListCacheRefresh.refresh(lists, folder, http.transportConfig(), err);
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
}
