package org.qtrust.cli.lists;

import java.io.PrintWriter;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.json.LoteReportJson;
import org.qtrust.cli.options.LoteOptions;
import org.qtrust.cli.wiring.LoteSession;
import org.qtrust.cli.wiring.StoreSession;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.json.ListReportJson;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qtrust lists load}: load the LOTL and its lists and say, for each, whether it can be trusted. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Load the LOTL and every list it points to, and any lists of trusted entities (--lote); print each list's verdict.")
public final class ListsLoadCommand implements Callable<Integer> {

    @Mixin
    OfflineListOptions lists;

    @Mixin
    LoteOptions lote;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (lote.given()) {
            LoteSession.anchors(lote.anchors()); // fail closed before any work when no signer is configured
        }
        // With --lote, the trusted lists load too when named with their signers: --offline, or --cache or --store with the OJ options.
        boolean trustedLists = lists.offline().isPresent()
                || ((lists.cache().isPresent() || lists.store().isPresent()) && lists.officialJournalGiven());
        if (lote.given() && !trustedLists) {
            return lotesOnly();
        }
        TrustedListsSession session = TrustedListsSession.open(lists, Clock.systemUTC());
        TrustedListsReport report = session.load();
        // From a store, the lists of trusted entities of the very snapshot the trusted lists came from.
        List<LoteVerdict> lotes = session.storeSnapshot().isPresent()
                ? LoteSession.load(lote, session.injector(), report.validationTime(), lists.expiryGrace(), session.storeSnapshot().get())
                : LoteSession.load(lote, session.injector(), report.validationTime(), lists.expiryGrace(), lists.cache(), lists.egress());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode document = ListReportJson.of(report, session.folder());
            session.snapshotId().ifPresent(id -> document.put("snapshot", id));
            if (lote.given()) {
                document.set("lotes", LoteReportJson.of(lotes));
            }
            out.println(Json.pretty(document));
        } else {
            ListTable.print(report, out);
            ListTable.printLotes(lotes, out);
            session.snapshotId().ifPresent(id -> out.printf("%nRead from the store's snapshot %s%n", id));
        }
        out.flush();
        ListVerdict lotl = report.listOfLists();
        if (!lotl.accepted()) {
            java.util.Optional<String> outdated = OutdatedOfficialJournal.line(lotl, session.request().officialJournalCertificates().size());
            if (outdated.isPresent()) {
                spec.commandLine().getErr().println(outdated.get());
                return 1;
            }
            String reason = lotl.rejection().map(r -> r.code() + ": " + r.description()).orElse("");
            String last = lotl.trace().isEmpty() ? "" : " (" + lotl.trace().get(lotl.trace().size() - 1) + ")";
            spec.commandLine().getErr().println("qtrust: the LOTL is not trusted — " + reason + lastDetail(lotl) + last);
            return 1;
        }
        return 0;
    }

    /** Only lists of trusted entities (from the cache with --cache, the store's snapshot with --store): exit 0 when every one is accepted. */
    private int lotesOnly() {
        Instant at = lists.validationTime(Clock.systemUTC());
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule());
        List<LoteVerdict> lotes;
        if (lists.store().isPresent()) {
            try (org.qtrust.adapters.redis.RedisStore store = StoreSession.open(lists)) {
                lotes = LoteSession.load(lote, injector, at, lists.expiryGrace(), StoreSession.current(store));
            }
        } else {
            lotes = LoteSession.load(lote, injector, at, lists.expiryGrace(), lists.cache(), lists.egress());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode document = Json.MAPPER.createObjectNode();
            document.put("validationTime", at.toString());
            document.set("lotes", LoteReportJson.of(lotes));
            out.println(Json.pretty(document));
        } else {
            out.printf("Lists at %s%n", at);
            ListTable.printLotes(lotes, out);
        }
        out.flush();
        List<LoteVerdict> rejected = lotes.stream().filter(v -> !v.accepted()).toList();
        if (!rejected.isEmpty()) {
            LoteVerdict first = rejected.get(0);
            spec.commandLine().getErr().println("qtrust: " + rejected.size() + " of " + lotes.size()
                    + " lists of trusted entities not accepted — " + first.location() + ": "
                    + first.rejection().map(r -> r.code() + ": " + r.description()).orElse(""));
            return 1;
        }
        return 0;
    }

    private static String lastDetail(ListVerdict lotl) {
        return lotl.signature().map(s -> "; signature " + s.status() + ": " + s.detail()).orElse("");
    }
}
