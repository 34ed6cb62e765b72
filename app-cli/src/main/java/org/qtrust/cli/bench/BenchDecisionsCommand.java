package org.qtrust.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.cert.CertificateFiles;
import org.qtrust.cli.cert.DecisionSetup;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust bench decisions}: decides the same certificates over and over, on one thread,
 * without revocation, and reports decisions per second. The lists are loaded and indexed once;
 * each decision reads the certificate bytes (cached by the inspector after the first time),
 * looks up the issuing key, checks the path and policy and computes both qualifications.
 */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = "Decide the certificates of a folder repeatedly on one thread; report decisions per second.")
public final class BenchDecisionsCommand implements Callable<Integer> {

    @Mixin
    OfflineListOptions lists;

    @Option(names = "--certs", paramLabel = "DIR",
            description = "Certificates to decide (default: the 'certs' folder next to the --offline folder).")
    Path certs;

    @Option(names = "--policy", paramLabel = "eu-eidas|FILE", defaultValue = DecisionSetup.EU_EIDAS,
            description = "Policy (default ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--seconds", defaultValue = "5", description = "Measured duration (default ${DEFAULT-VALUE}), after a warm-up.")
    double seconds;

    @Option(names = "--json", description = "Print the figures as one JSON document.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (seconds <= 0) {
            throw new UsageException("--seconds must be positive");
        }
        Path folder = certs != null ? certs
                : lists.offline().map(o -> o.toAbsolutePath().getParent().resolve("certs")).orElseThrow(
                        () -> new UsageException("say which certificates to decide: --certs DIR (or --offline DIR with a certs folder next to it)"));
        if (!Files.isDirectory(folder)) {
            throw new UsageException(folder + ": no such folder of certificates");
        }
        List<byte[]> certificates = new ArrayList<>();
        for (Path file : CertificateFiles.expand(List.of(folder))) {
            certificates.add(CertificateFiles.read(file).certificate());
        }
        if (certificates.isEmpty()) {
            throw new UsageException(folder + ": no certificate files");
        }
        DecisionSetup setup = DecisionSetup.open(lists, policy, List.of(), Clock.systemUTC());
        CertificateDecisionService service = setup.service();
        Instant time = setup.validationTime();
        List<CertificateCheck> checks = certificates.stream().map(c -> CertificateCheck.of(c, time)).toList();

        long warmupNanos = (long) (Math.min(2.0, Math.max(0.5, seconds / 2)) * 1e9);
        run(service, checks, warmupNanos);
        long measuredNanos = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long decisions = 0;
        while (System.nanoTime() - start < measuredNanos) {
            for (CertificateCheck check : checks) {
                service.verify(check);
                decisions++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        ObjectNode figures = Json.MAPPER.createObjectNode();
        figures.put("decisionsPerSecond", Math.round(decisions / elapsed));
        figures.put("certificates", certificates.size());
        figures.put("threads", 1);
        figures.put("decisions", decisions);
        figures.put("seconds", Math.round(elapsed * 100) / 100.0);
        figures.put("validationTime", time.toString());
        figures.put("policy", service.policy().name());
        spec.commandLine().getOut().println(json ? Json.compact(figures) : Json.pretty(figures));
        return 0;
    }

    private static void run(CertificateDecisionService service, List<CertificateCheck> checks, long nanos) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < nanos) {
            for (CertificateCheck check : checks) {
                service.verify(check);
            }
        }
    }
}
