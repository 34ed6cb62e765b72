package org.qtrust.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtrust.adapters.ocsp.RevocationBench;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust bench revocation}: a generated CRL of N entries (signed by a generated CA),
 * its load and lookup times, and cached revocation checks per second — no network: the CRL is
 * served from memory through the same HTTP port the checker uses.
 */
@Command(name = "revocation", mixinStandardHelpOptions = true,
        description = "Measure CRL loading and lookup in a large CRL, and cached revocation checks per second.")
public final class BenchRevocationCommand implements Callable<Integer> {

    @Option(names = "--crl-entries", defaultValue = "100000", description = "Entries in the generated CRL (default ${DEFAULT-VALUE}).")
    int crlEntries;

    @Option(names = "--checks", defaultValue = "200000", description = "Checks per measured run (default ${DEFAULT-VALUE}).")
    int checks;

    @Option(names = "--threads", description = "Threads of the parallel run (default: available processors).")
    Integer threads;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int parallel = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        RevocationBench.Options options;
        try {
            options = new RevocationBench.Options(crlEntries, checks, parallel);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, Number> figures = RevocationBench.run(options).asMap();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = Json.MAPPER.createObjectNode();
            figures.forEach((name, value) -> node.putPOJO(name, value));
            out.println(Json.pretty(node));
        } else {
            figures.forEach((name, value) -> out.println(name + ": " + value));
        }
        out.flush();
        return 0;
    }
}
