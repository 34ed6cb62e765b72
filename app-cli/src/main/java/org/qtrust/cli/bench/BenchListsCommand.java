package org.qtrust.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code qtrust bench lists}: loads the same lists N times in one process. The first round is
 * cold (class loading, JIT); then unreported warm-up loads run until the JIT has settled, and the
 * median of the N - 1 rounds after them is the warm figure. Parse and signature
 * times are CPU time summed over the worker threads, so with parallel loading their sum can
 * exceed the wall-clock time.
 */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Load and verify the lists N times; report timings and retained heap.")
public final class BenchListsCommand implements Callable<Integer> {

    @Mixin
    OfflineListOptions lists;

    @Option(names = "--rounds", defaultValue = "10", description = "Number of full loads (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-warmup", paramLabel = "S", defaultValue = "40",
            description = "Longest warm-up between the cold and the warm rounds, in seconds (default ${DEFAULT-VALUE}); 0: none.")
    double maxWarmupSeconds;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (rounds < 2) {
            throw new UsageException("--rounds must be at least 2 (one cold round, then warm ones)");
        }
        if (maxWarmupSeconds < 0 || maxWarmupSeconds > 600) {
            throw new UsageException("--max-warmup must be between 0 and 600 seconds");
        }
        TrustedListsSession session = TrustedListsSession.open(lists, Clock.systemUTC());
        LongAdder parseNanos = new LongAdder();
        LongAdder signatureNanos = new LongAdder();
        TrustedListReader reader = session.injector().getInstance(TrustedListReader.class);
        ListSignatureVerifier verifier = session.injector().getInstance(ListSignatureVerifier.class);
        TrustedListReader timedReader = document -> {
            long start = System.nanoTime();
            try {
                return reader.read(document);
            } finally {
                parseNanos.add(System.nanoTime() - start);
            }
        };
        ListSignatureVerifier timedVerifier = (document, signers) -> {
            long start = System.nanoTime();
            try {
                SignatureCheck check = verifier.verify(document, signers);
                return check;
            } finally {
                signatureNanos.add(System.nanoTime() - start);
            }
        };
        TrustedListLoader loader = new TrustedListLoader(session.injector().getInstance(ListDocumentSource.class),
                timedReader, timedVerifier, session.injector().getInstance(ExecutorService.class));

        List<Double> wallMs = new ArrayList<>();
        List<Double> parseMs = new ArrayList<>();
        List<Double> signatureMs = new ArrayList<>();
        TrustedListsReport report = null;
        WarmUp warmUp = null;
        for (int round = 0; round < rounds; round++) {
            if (round == 1) {
                warmUp = warmUp(loader, session, (long) (maxWarmupSeconds * 1e9));
            }
            parseNanos.reset();
            signatureNanos.reset();
            long start = System.nanoTime();
            report = loader.load(session.request());
            wallMs.add((System.nanoTime() - start) / 1e6);
            parseMs.add(parseNanos.sum() / 1e6);
            signatureMs.add(signatureNanos.sum() / 1e6);
        }
        int loaded = 1 + report.lists().size();
        int accepted = report.acceptedLists().size();
        int services = report.acceptedLists().stream().mapToInt(TrustedList::serviceCount).sum();
        AtomicReference<TrustedListsReport> held = new AtomicReference<>(report);
        report = null;
        double retainedMb = retainedHeapMb(held);

        ObjectNode figures = Json.MAPPER.createObjectNode();
        figures.put("coldMs", round1(wallMs.get(0)));
        figures.put("warmMedianMs", round1(median(wallMs.subList(1, wallMs.size()))));
        figures.put("parseMs", round1(median(parseMs.subList(1, parseMs.size()))));
        figures.put("signatureMs", round1(median(signatureMs.subList(1, signatureMs.size()))));
        figures.put("heapRetainedMb", round1(retainedMb));
        figures.put("lists", loaded);
        figures.put("acceptedLists", accepted);
        figures.put("services", services);
        figures.put("rounds", rounds);
        figures.put("warmupRounds", warmUp == null ? 0 : warmUp.rounds());
        figures.put("warmupSeconds", warmUp == null ? 0 : round1(warmUp.seconds()));
        figures.put("workerThreads", Runtime.getRuntime().availableProcessors());
        if (json) {
            spec.commandLine().getOut().println(Json.compact(figures));
        } else {
            spec.commandLine().getOut().println(Json.pretty(figures));
        }
        return 0;
    }

    private record WarmUp(int rounds, double seconds) {
    }

    private static final long MIN_WARMUP_NANOS = 10_000_000_000L;
    private static final int STEADY_WINDOW = 5;

    /**
     * Unreported loads between the cold round and the measured warm ones, until the JIT has
     * settled: at least 10 seconds of loads, then until the last {@value #STEADY_WINDOW} loads are
     * within 10 % of each other, or the longest warm-up has passed. C2 keeps compiling the parser,
     * the canonicaliser and the mapper for dozens of loads, with plateaus on the way; without
     * this, "warm" would measure the compiler.
     */
    private static WarmUp warmUp(TrustedListLoader loader, TrustedListsSession session, long maxNanos) {
        long start = System.nanoTime();
        List<Long> recent = new ArrayList<>();
        int rounds = 0;
        while (System.nanoTime() - start < maxNanos) {
            long roundStart = System.nanoTime();
            loader.load(session.request());
            recent.add(System.nanoTime() - roundStart);
            rounds++;
            if (recent.size() > STEADY_WINDOW) {
                recent.remove(0);
            }
            if (System.nanoTime() - start >= Math.min(MIN_WARMUP_NANOS, maxNanos) && recent.size() == STEADY_WINDOW
                    && java.util.Collections.max(recent) <= 1.10 * java.util.Collections.min(recent)) {
                break;
            }
        }
        return new WarmUp(rounds, (System.nanoTime() - start) / 1e9);
    }

    /** Heap held by the loaded model: used heap with the report reachable minus without it, after full GCs. */
    private static double retainedHeapMb(AtomicReference<TrustedListsReport> held) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long withReport = usedAfterGc(memory);
        held.set(null);
        long withoutReport = usedAfterGc(memory);
        return Math.max(0, withReport - withoutReport) / (1024.0 * 1024.0);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
