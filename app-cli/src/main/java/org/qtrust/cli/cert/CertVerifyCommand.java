package org.qtrust.cli.cert;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.json.Json;
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust cert verify CERT… [--chain FILE]… [--at INSTANT] [--policy eu-eidas|FILE]
 * [--trust-anchor [LABEL=]FILE]… <list options> [--json]}: one verdict per certificate. Exit 0
 * when every certificate is trusted, 1 when one is not, 2 on unusable input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Decide, for each certificate, whether it chains to a service the trusted lists (or the policy's anchors) "
                + "accept, with its status at the time that counts, and its ETSI TS 119 615 qualification.")
public final class CertVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CERT", arity = "1..*",
            description = "Certificate files (PEM or DER) or folders of them. Further certificates in a PEM file are offered as intermediates.")
    List<Path> certificates;

    @Option(names = "--chain", paramLabel = "FILE", description = "Intermediate certificates (PEM, several per file, or DER); untrusted input.")
    List<Path> chain = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "eu-eidas|FILE", defaultValue = DecisionSetup.EU_EIDAS,
            description = "The built-in EU eIDAS policy or a JSON policy file (docs/policies.md). Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(names = "--trust-anchor", paramLabel = "[LABEL=]FILE",
            description = "A certificate that anchors paths without a trusted list (a national root of a scheme with no ETSI list); "
                    + "LABEL is its jurisdiction (default: the policy's).")
    List<String> trustAnchors = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document per certificate, one per line.")
    boolean json;

    @Option(names = "--trace", description = "Without --json: also print each rule applied.")
    boolean trace;

    @Option(names = "--revocation", paramLabel = "require|prefer|off",
            description = "Override the policy's revocation mode: require (no answer → not trusted), prefer (no answer → trusted "
                    + "with a warning), off. OCSP first, then CRL, through the HTTP options below.")
    String revocation;

    @Option(names = "--miss-refresh-interval", paramLabel = "DURATION|off", defaultValue = "PT10M",
            description = "With --cache: when an issuer is not trusted and its country has a list on the LOTL, refresh that list "
                    + "(a conditional request) at most once per territory in this time, across invocations; 0 or off: never. "
                    + "Default: ${DEFAULT-VALUE}.")
    String missRefreshInterval;

    @Mixin
    OfflineListOptions lists;

    @Mixin
    HttpOptions http;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> files = CertificateFiles.expand(certificates);
        if (files.isEmpty()) {
            throw new UsageException("no certificate file found in " + certificates);
        }
        List<CertificateFiles.CertificateFile> inputs = files.stream().map(CertificateFiles::read).toList();
        List<byte[]> intermediates = new ArrayList<>();
        for (Path file : chain) {
            intermediates.addAll(CertificateFiles.decode(readChain(file)));
        }
        java.util.Optional<java.time.Duration> missInterval = CacheMissRefresh.interval(missRefreshInterval);
        DecisionSetup setup = DecisionSetup.open(lists, policy, trustAnchors, Clock.systemUTC(), revocationMode(), http);
        // Only a cache is refreshed: an --offline folder or a store is never fetched into from here.
        java.util.Optional<CacheMissRefresh> missRefresh = lists.offline().isEmpty() && lists.store().isEmpty()
                && lists.cache().isPresent() && missInterval.isPresent()
                ? java.util.Optional.of(new CacheMissRefresh(lists, lists.cache().get(), http.transportConfig().withEgress(lists.egress()),
                        missInterval.get(), Clock.systemUTC()))
                : java.util.Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        setup.report().filter(r -> !r.listOfLists().accepted()).ifPresent(r -> warnLotl(r, spec.commandLine().getErr()));
        boolean allTrusted = true;
        for (CertificateFiles.CertificateFile input : inputs) {
            List<byte[]> offered = new ArrayList<>(input.others());
            offered.addAll(intermediates);
            CertificateVerdict verdict = setup.service().verify(new CertificateCheck(input.certificate(), offered, setup.validationTime()));
            List<String> missTrace = new ArrayList<>();
            if (verdict.code() == VerdictCode.ISSUER_NOT_TRUSTED && missRefresh.isPresent() && setup.report().isPresent()) {
                TrustedListsReport report = setup.report().get();
                for (String territory : missRefresh.get().territories(input.certificate(), offered)) {
                    if (report.lists().stream().noneMatch(list -> list.location().territory().equals(territory))) {
                        continue; // the LOTL has no list for it: nothing to refresh
                    }
                    CacheMissRefresh.Outcome outcome = missRefresh.get().refresh(territory);
                    missTrace.add(outcome.trace());
                    if (outcome.refreshed()) {
                        // Decided again on the refreshed lists, verified like any other load.
                        setup = DecisionSetup.open(lists, policy, trustAnchors, Clock.systemUTC(), revocationMode(), http);
                        verdict = setup.service().verify(new CertificateCheck(input.certificate(), offered, setup.validationTime()));
                        break;
                    }
                }
            }
            allTrusted &= verdict.trusted();
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode document = VerdictJson.of(input.path().toString(), verdict);
                missTrace.forEach(document.withArray("trace")::add);
                out.println(Json.compact(document));
            } else {
                print(out, input.path().toString(), verdict, missTrace);
            }
        }
        out.flush();
        return allTrusted ? 0 : 1;
    }

    private java.util.Optional<RevocationMode> revocationMode() {
        if (revocation == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(RevocationMode.parse(revocation));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--revocation: " + e.getMessage());
        }
    }

    private static byte[] readChain(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new UsageException("--chain " + file + ": cannot be read (" + e.getMessage() + ")", QtrustCli.EXIT_UNUSABLE_INPUT);
        }
    }

    private void print(PrintWriter out, String file, CertificateVerdict verdict, List<String> missTrace) {
        String where = verdict.territory().map(t -> t + " / " + verdict.provider().orElse("?") + " / "
                + verdict.service().map(CertificateVerdict.ServiceSummary::name).orElse("?")).orElse("no listed service");
        out.println(file + ": " + (verdict.trusted() ? "TRUSTED" : "NOT TRUSTED (" + verdict.code().code() + ")") + " — " + where
                + " — qualification at issuance " + verdict.qualification().atIssuance() + ", at validation time "
                + verdict.qualification().atValidationTime()
                + verdict.revocation().filter(r -> r.checked()).map(r -> " — revocation " + r.status().code()
                        + r.source().map(source -> " (" + source.name().toLowerCase(java.util.Locale.ROOT) + ")").orElse("")).orElse(""));
        if (trace) {
            verdict.trace().forEach(line -> out.println("    " + line));
        }
        missTrace.forEach(line -> out.println("    " + line));
    }

    private static void warnLotl(TrustedListsReport report, PrintWriter err) {
        err.println("qtrust: warning: the LOTL is not accepted ("
                + report.listOfLists().rejection().map(r -> r.code()).orElse("?") + "): no trusted list can be relied on");
    }
}
