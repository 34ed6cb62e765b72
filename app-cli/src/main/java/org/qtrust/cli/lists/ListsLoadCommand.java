package org.qtrust.cli.lists;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.json.ListReportJson;
import org.qtrust.cli.options.ListOptions;
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
        description = "Load the LOTL and every list it points to; print each list's verdict.")
public final class ListsLoadCommand implements Callable<Integer> {

    @Mixin
    ListOptions lists;

    @Option(names = "--json", description = "Print one JSON document instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TrustedListsReport report = TrustedListsSession.open(lists, Clock.systemUTC()).load();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(ListReportJson.of(report)));
        } else {
            ListTable.print(report, out);
        }
        out.flush();
        ListVerdict lotl = report.listOfLists();
        if (!lotl.accepted()) {
            String reason = lotl.rejection().map(r -> r.code() + ": " + r.description()).orElse("");
            String last = lotl.trace().isEmpty() ? "" : " (" + lotl.trace().get(lotl.trace().size() - 1) + ")";
            spec.commandLine().getErr().println("qtrust: the LOTL is not trusted — " + reason + lastDetail(lotl) + last);
            return 1;
        }
        return 0;
    }

    private static String lastDetail(ListVerdict lotl) {
        return lotl.signature().map(s -> "; signature " + s.status() + ": " + s.detail()).orElse("");
    }
}
