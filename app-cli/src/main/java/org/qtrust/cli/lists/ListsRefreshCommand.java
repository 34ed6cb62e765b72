package org.qtrust.cli.lists;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.cli.wiring.LoteSession;
import org.qtrust.cli.wiring.StoreSession;
import org.qtrust.adapters.redis.RedisStore;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.refresh.LoteRefreshReport;
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
 * {@code qtrust lists refresh}: downloads the LOTL and every list it points to into the cache,
 * and the lists of trusted entities named with {@code --lote} (alone when no OJ option is given).
 * A copy replaces the cached one only if it verifies and is not older; otherwise the last good
 * copy stays and the summary says why.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = "Fetch the LOTL and its lists, and any lists of trusted entities (--lote), into the cache, "
                + "keeping the last good copy of any list that fails.")
public final class ListsRefreshCommand implements Callable<Integer> {

    /** Exit code with {@code --fail-on-problems} when a list could not be refreshed (the cache is still usable). */
    public static final int EXIT_PROBLEMS = 3;

    @Mixin
    ListOptions lists;

    @Mixin
    HttpOptions http;

    @Mixin
    LoteOptions lote;

    @Option(names = "--fail-on-problems",
            description = "Exit " + EXIT_PROBLEMS + " when a list was kept or failed (for monitoring).")
    boolean failOnProblems;

    @Option(names = "--json", description = "Print one JSON document instead of a summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    private int officialJournalCount() {
        return org.qtrust.cli.wiring.TrustedListsSession.officialJournalCertificates(lists).size();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (lists.store().isPresent()) {
            return refreshStore(out, err);
        }
        Path folder = lists.cache().orElseGet(CacheDirectories::defaultDirectory);
        // With --lote, the trusted lists are refreshed too when their signers (the OJ options) are given.
        boolean trustedLists = !lote.given() || lists.officialJournalGiven();
        if (lote.given()) {
            LoteSession.anchors(lote.anchors()); // fail closed before any download when no signer is configured
        }
        Optional<RefreshReport> report = trustedLists
                ? Optional.of(ListCacheRefresh.refresh(lists, folder, http.transportConfig().withEgress(lists.egress()), err)) : Optional.empty();
        Instant at = report.map(r -> r.cache().validationTime()).orElseGet(() -> lists.validationTime(Clock.systemUTC()));
        Optional<LoteRefreshReport> lotes = lote.given()
                ? Optional.of(LoteSession.refresh(lote, folder, http.transportConfig().withEgress(lists.egress()), at, lists.expiryGrace())) : Optional.empty();
        if (json) {
            ObjectNode document = report.map(r -> RefreshJson.of(r, folder))
                    .orElseGet(() -> RefreshJson.lotesOnly(lotes.orElseThrow(), folder, at));
            if (report.isPresent()) {
                lotes.ifPresent(l -> RefreshJson.addLotes(document, l));
            }
            out.println(Json.pretty(document));
        } else {
            report.ifPresent(r -> RefreshSummary.print(r, folder, out));
            lotes.ifPresent(l -> RefreshSummary.printLotes(l, folder, out, report.isPresent() ? Optional.empty() : Optional.of(at)));
        }
        out.flush();
        if (report.isPresent() && !report.get().usable()) {
            RefreshReport refreshed = report.get();
            Optional<String> outdated = OutdatedOfficialJournal.line(refreshed.listOfLists(), this::officialJournalCount);
            if (outdated.isPresent()) {
                err.println(outdated.get());
                return 1;
            }
            String reason = refreshed.cache().listOfLists().rejection().map(r -> r.code() + ": " + r.description()).orElse("");
            err.println("qtrust: the cache holds no trusted LOTL — " + reason + "; " + refreshed.listOfLists().outcome().code()
                    + ": " + refreshed.listOfLists().detail());
            return 1;
        }
        if (lotes.isPresent() && !lotes.get().usable()) {
            List<LoteVerdict> refused = lotes.get().cache().stream().filter(v -> !v.accepted()).toList();
            LoteVerdict first = refused.get(0);
            err.println("qtrust: the cache holds no accepted copy of " + refused.size() + " of " + lotes.get().cache().size()
                    + " lists of trusted entities — " + first.location() + ": "
                    + first.rejection().map(r -> r.code() + ": " + r.description()).orElse(""));
            return 1;
        }
        // A cache still usable, while the LOTL just published is signed by a key the OJ certificates do not lead to.
        report.flatMap(r -> OutdatedOfficialJournal.line(r.listOfLists(), this::officialJournalCount)).ifPresent(err::println);
        boolean problems = report.map(r -> !r.problems().isEmpty()).orElse(false)
                || lotes.map(l -> !l.problems().isEmpty()).orElse(false);
        return failOnProblems && problems ? EXIT_PROBLEMS : 0;
    }

    /**
     * {@code --store redis://…}: the trusted lists into the shared store, then the lists of trusted
     * entities {@code --lote} names, then the snapshot they make published.
     */
    private int refreshStore(PrintWriter out, PrintWriter err) {
        if (lote.given()) {
            LoteSession.anchors(lote.anchors()); // fail closed before any download when no signer is configured
        }
        try (RedisStore store = StoreSession.open(lists)) {
            StoreSession.StoreRefresh refreshed = StoreSession.refresh(lists, lote, store,
                    http.transportConfig().withEgress(lists.egress()), err);
            RefreshReport report = refreshed.report();
            if (json) {
                ObjectNode document = RefreshJson.of(report, store.display());
                refreshed.lotes().ifPresent(l -> RefreshJson.addStoreLotes(document, l, store.keys()));
                refreshed.snapshot().ifPresentOrElse(id -> document.put("snapshot", id), () -> document.putNull("snapshot"));
                out.println(Json.pretty(document));
            } else {
                RefreshSummary.print(report, store.display(), out);
                refreshed.lotes().ifPresent(l -> RefreshSummary.printLotes(l, store.display(), out));
                out.println(refreshed.snapshot().map(id -> "Published snapshot " + id + " in " + store.display())
                        .orElse("No snapshot published: " + refreshed.notPublished().orElse("")));
            }
            out.flush();
            if (!report.usable() || refreshed.snapshot().isEmpty()) {
                err.println("qtrust: " + refreshed.notPublished().orElse("no snapshot published") + " — "
                        + report.listOfLists().outcome().code() + ": " + report.listOfLists().detail());
                return 1;
            }
            if (refreshed.lotes().isPresent() && !refreshed.lotes().get().usable()) {
                List<LoteVerdict> refused = refreshed.lotes().get().cache().stream().filter(v -> !v.accepted()).toList();
                LoteVerdict first = refused.get(0);
                err.println("qtrust: the store holds no accepted copy of " + refused.size() + " of "
                        + refreshed.lotes().get().cache().size() + " lists of trusted entities — " + first.location() + ": "
                        + first.rejection().map(r -> r.code() + ": " + r.description()).orElse(""));
                return 1;
            }
            boolean problems = !report.problems().isEmpty() || refreshed.lotes().map(l -> !l.problems().isEmpty()).orElse(false);
            return failOnProblems && problems ? EXIT_PROBLEMS : 0;
        }
    }
}
