package org.qtrust.cli.doctor;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.oj.OjShowCommand;
import org.qtrust.cli.options.HttpOptions;
import org.qtrust.cli.options.OfflineListOptions;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.port.CacheMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust doctor}: one screen telling whether a configuration can work — the Official
 * Journal certificates, the cache (or offline folder) and how fresh it is, the lists' NextUpdate,
 * the LOTL location (with {@code --online}) and the clock — with the command that fixes each
 * problem. Exit 0 when nothing failed (warnings allowed), 1 otherwise.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check that a configuration can work: Official Journal certificates, cache and its freshness, the lists' "
                + "NextUpdate, the LOTL location (--online) and the clock; print the command that fixes each problem.")
public final class DoctorCommand implements Callable<Integer> {

    /** A cache checked longer ago than this is old: refresh at least every 12 hours (docs/cache-and-refresh.md). */
    static final Duration OLD_CACHE = Duration.ofHours(24);
    /** Clocks further apart than this (the LOTL server's Date header and this machine's) are not sane. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @Mixin
    OfflineListOptions lists;

    @Mixin
    HttpOptions http;

    @Option(names = "--online", description = "Also fetch the LOTL from --lotl-url, to see that it is reachable and compare the clocks.")
    boolean online;

    @Spec
    CommandSpec spec;

    /**
     * Options of the shared list group that doctor does not check: it looks at a cache or an
     * --offline folder, and a shared store is checked by {@code lists load --store}. Removed from
     * the command, so its help does not offer them and giving one is refused naming it (issue 16.3:
     * help texts list only the options a command takes), never silently ignored.
     */
    static final List<String> NOT_TAKEN = List.of("--store", "--store-prefix");

    /** Removes {@link #NOT_TAKEN} from the doctor command of a command line being built. */
    public static void withoutOptionsItDoesNotTake(CommandLine doctor) {
        CommandSpec command = doctor.getCommandSpec();
        for (String name : NOT_TAKEN) {
            OptionSpec option = command.findOption(name);
            if (option != null) {
                command.remove(option);
            }
        }
    }

    enum Level { OK, WARN, FAIL, SKIP }

    record Finding(Level level, String what, Optional<String> fix) {
        static Finding ok(String what) {
            return new Finding(Level.OK, what, Optional.empty());
        }

        static Finding warn(String what, String fix) {
            return new Finding(Level.WARN, what, Optional.of(fix));
        }

        static Finding fail(String what, String fix) {
            return new Finding(Level.FAIL, what, Optional.of(fix));
        }

        static Finding skip(String what) {
            return new Finding(Level.SKIP, what, Optional.empty());
        }
    }

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant at = lists.validationTime(Clock.fixed(now, java.time.ZoneOffset.UTC));
        List<Finding> findings = new ArrayList<>();
        String ojOptions = ojOptions();

        Optional<List<ServiceCertificate>> officialJournal = officialJournal(findings, at);
        Optional<Path> folder = folder(findings, now, ojOptions);
        Optional<TrustedListsReport> report = Optional.empty();
        if (officialJournal.isPresent() && folder.isPresent()) {
            report = load(findings, at, ojOptions, officialJournal.get().size());
        } else {
            findings.add(Finding.skip("trusted lists: not loaded (" + (officialJournal.isEmpty() ? "no usable Official Journal certificates"
                    : "no lists to load") + ")"));
        }
        Optional<Instant> serverDate = online ? reach(findings) : skipReach(findings);
        clock(findings, now, report, serverDate);

        PrintWriter out = spec.commandLine().getOut();
        out.printf("QTrust doctor — %s%s%n%n", now.truncatedTo(ChronoUnit.SECONDS), at.equals(now) ? "" : " (lists judged at " + at + ")");
        for (Finding finding : findings) {
            out.printf("[%s] %s%n", label(finding.level()), finding.what());
            finding.fix().ifPresent(fix -> out.printf("       fix: %s%n", fix));
        }
        long failed = findings.stream().filter(f -> f.level() == Level.FAIL).count();
        long warned = findings.stream().filter(f -> f.level() == Level.WARN).count();
        out.printf("%n%s%n", failed > 0 ? failed + " problem(s) to fix before this configuration can work" + (warned > 0 ? ", " + warned + " warning(s)" : "")
                : warned > 0 ? "this configuration can work; " + warned + " warning(s)" : "this configuration can work");
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    private static String label(Level level) {
        return switch (level) {
            case OK -> " ok ";
            case WARN -> "WARN";
            case FAIL -> "FAIL";
            case SKIP -> "skip";
        };
    }

    private String ojOptions() {
        if (lists.ojKeystore().isPresent()) {
            return "--oj-keystore " + lists.ojKeystore().get() + (lists.ojPassword().isPresent() ? " --oj-password …" : "");
        }
        return lists.ojCerts().map(dir -> "--oj-certs " + dir).orElse("--oj-certs DIR");
    }

    private Optional<List<ServiceCertificate>> officialJournal(List<Finding> findings, Instant at) {
        if (!lists.officialJournalGiven()) {
            findings.add(Finding.fail("Official Journal certificates: none given; they are the trust anchors of the LOTL",
                    "give --oj-certs DIR (or --oj-keystore FILE --oj-password PW) with the certificates of the current Official "
                            + "Journal publication (docs/live-eu.md)"));
            return Optional.empty();
        }
        List<ServiceCertificate> certificates;
        try {
            certificates = TrustedListsSession.officialJournalCertificates(lists);
        } catch (UsageException e) {
            findings.add(Finding.fail("Official Journal certificates: " + e.getMessage(),
                    e.getMessage().startsWith("--oj-password") ? "give the keystore's password with --oj-password"
                            : "point " + (lists.ojKeystore().isPresent() ? "--oj-keystore at a PKCS#12/JKS file" : "--oj-certs at a folder of PEM files")
                            + " holding the Official Journal certificates (docs/live-eu.md)"));
            return Optional.empty();
        }
        List<OjShowCommand.Shown> shown = certificates.stream().map(OjShowCommand.Shown::of).toList();
        List<OjShowCommand.Shown> valid = shown.stream().filter(c -> c.validAt(at)).toList();
        String summary = "Official Journal certificates: " + certificates.size() + " read, " + valid.size() + " within their validity at "
                + at.truncatedTo(ChronoUnit.SECONDS);
        if (valid.isEmpty()) {
            findings.add(Finding.warn(summary + ": all have expired or are not yet valid — probably an outdated publication",
                    "compare with the current Official Journal publication (docs/live-eu.md): qtrust oj show " + ojOptions()));
        } else {
            Instant firstExpiry = valid.stream().map(OjShowCommand.Shown::notAfter).min(Comparator.naturalOrder()).orElseThrow();
            findings.add(Finding.ok(summary + " (" + valid.stream().map(c -> commonName(c.subjectName())).distinct().limit(3)
                    .reduce((a, b) -> a + ", " + b).orElse("") + (valid.size() > 3 ? ", …" : "") + "); the first expires "
                    + firstExpiry.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10)));
        }
        return Optional.of(certificates);
    }

    private Optional<Path> folder(List<Finding> findings, Instant now, String ojOptions) {
        if (lists.offline().isPresent()) {
            Path folder = lists.offline().get();
            if (!Files.isRegularFile(folder.resolve("EU.xml"))) {
                findings.add(Finding.fail("offline folder " + folder + ": no EU.xml (the LOTL) there",
                        "give --offline the folder holding EU.xml and <territory>.xml files, or fill a cache: qtrust lists refresh "
                                + ojOptions));
                return Optional.empty();
            }
            findings.add(Finding.ok("lists: the offline folder " + folder + " (never refreshed by QTrust)"));
            return Optional.of(folder);
        }
        Path cache = lists.cache().orElseGet(CacheDirectories::defaultDirectory);
        String refresh = "qtrust lists refresh" + (lists.cache().isPresent() ? " --cache " + cache : "") + " " + ojOptions;
        if (!Files.isRegularFile(cache.resolve("EU.xml"))) {
            findings.add(Finding.fail("cache " + cache + ": " + (Files.isDirectory(cache) ? "holds no LOTL yet" : "does not exist"), refresh));
            return Optional.empty();
        }
        Optional<Instant> checked = new FileListCache(cache).entries().stream()
                .filter(entry -> entry.location().role() == ListLocation.Role.LIST_OF_LISTS)
                .map(CacheMetadata::checkedAt).max(Comparator.naturalOrder());
        if (checked.isEmpty()) {
            findings.add(Finding.warn("cache " + cache + ": holds a LOTL but no refresh metadata (copied by hand?)", refresh));
        } else {
            Duration age = Duration.between(checked.get(), now);
            String what = "cache " + cache + ": last refreshed " + checked.get().truncatedTo(ChronoUnit.SECONDS) + " (" + ago(age) + ")";
            findings.add(age.compareTo(OLD_CACHE) > 0
                    ? Finding.warn(what + "; refresh at least every 12 hours", refresh + " (and schedule it: docs/cache-and-refresh.md)")
                    : Finding.ok(what));
        }
        return Optional.of(cache);
    }

    private Optional<TrustedListsReport> load(List<Finding> findings, Instant at, String ojOptions, int ojCount) {
        TrustedListsReport report;
        try {
            report = TrustedListsSession.open(lists, Clock.fixed(at, java.time.ZoneOffset.UTC)).load();
        } catch (UsageException e) {
            findings.add(Finding.fail("trusted lists: " + e.getMessage(), "qtrust lists load " + ojOptions + " shows the details"));
            return Optional.empty();
        }
        ListVerdict lotl = report.listOfLists();
        String refresh = lists.offline().isPresent() ? "get a newer copy of the folder, or use a cache: qtrust lists refresh " + ojOptions
                : "qtrust lists refresh" + lists.cache().map(c -> " --cache " + c).orElse("") + " " + ojOptions;
        if (!lotl.accepted()) {
            ListRejection reason = lotl.rejection().orElseThrow();
            if (reason == ListRejection.SIGNER_NOT_TRUSTED) {
                findings.add(Finding.fail("LOTL: signed by " + lotl.signature().map(s -> s.signerSubject()).orElse("?") + ", which is none of the "
                        + ojCount + " Official Journal certificates given, and no pivot LOTL leads to it",
                        "take the certificates of a newer Official Journal publication and its --oj-url (docs/live-eu.md)"));
            } else {
                findings.add(Finding.fail("LOTL: not trusted — " + reason.code() + ": " + reason.description(),
                        reason == ListRejection.EXPIRED ? refresh : "qtrust lists load " + ojOptions + " --json shows the trace"));
            }
            return Optional.of(report);
        }
        long accepted = report.lists().stream().filter(ListVerdict::accepted).count();
        List<String> expired = report.lists().stream().filter(v -> v.rejection().filter(r -> r == ListRejection.EXPIRED).isPresent())
                .map(ListVerdict::territory).toList();
        long stale = report.lists().stream().filter(ListVerdict::stale).count();
        Optional<Instant> nextUpdate = lotl.list().flatMap(l -> l.scheme().nextUpdate());
        findings.add(Finding.ok("LOTL: accepted (sequence " + lotl.list().map(l -> l.scheme().sequenceNumber().toString()).orElse("?")
                + ", NextUpdate " + nextUpdate.map(Object::toString).orElse("none") + nextUpdate.map(n -> " — " + ahead(at, n)).orElse("") + ")"));
        Optional<Instant> earliest = report.lists().stream().filter(ListVerdict::accepted).flatMap(v -> v.list().stream())
                .flatMap(l -> l.scheme().nextUpdate().stream()).min(Comparator.naturalOrder());
        String lines = "national lists: " + accepted + " of " + report.lists().size() + " accepted"
                + earliest.map(e -> "; the earliest NextUpdate " + e + " — " + ahead(at, e)).orElse("");
        if (!expired.isEmpty() || stale > 0) {
            findings.add(Finding.warn(lines + "; past their NextUpdate: " + expired
                    + (stale > 0 ? " (" + stale + " accepted as stale)" : ""), refresh));
        } else if (accepted < report.lists().size()) {
            List<String> refused = report.lists().stream().filter(v -> !v.accepted())
                    .map(v -> v.territory() + " " + v.rejection().map(ListRejection::code).orElse("?")).toList();
            findings.add(Finding.warn(lines + "; refused: " + String.join(", ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? ", … (" + (refused.size() - 5) + " more)" : ""),
                    "qtrust lists load " + ojOptions + " shows each refusal; the other lists still decide"));
        } else {
            findings.add(Finding.ok(lines));
        }
        return Optional.of(report);
    }

    private Optional<Instant> skipReach(List<Finding> findings) {
        findings.add(Finding.skip("LOTL location " + lists.lotlUrl() + ": not tried (add --online)"));
        return Optional.empty();
    }

    /** One GET of the LOTL location through the configured transport (proxy, rewrites, TLS trust); its Date header for the clock. */
    private Optional<Instant> reach(List<Finding> findings) {
        String url = lists.lotlUrl();
        long started = System.nanoTime();
        try (HttpClient5Transport transport = new HttpClient5Transport(http.transportConfig().withEgress(lists.egress()))) {
            HttpExchange.Response response = transport.send(HttpExchange.Request.get(url, 64L * 1024 * 1024));
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (!response.isSuccess()) {
                findings.add(Finding.fail("LOTL location " + url + ": HTTP " + response.status(),
                        "check --lotl-url against the current Official Journal publication (docs/live-eu.md)"));
            } else {
                findings.add(Finding.ok("LOTL location " + url + ": reachable (HTTP " + response.status() + ", " + response.body().length
                        + " bytes in " + millis + " ms)"));
            }
            return response.header("Date").flatMap(DoctorCommand::httpDate);
        } catch (TransportException e) {
            findings.add(Finding.fail("LOTL location " + url + ": not reachable — " + e.getMessage(),
                    "check the network or proxy (--proxy), or reach it through a mirror with --rewrite (docs/cache-and-refresh.md)"));
            return Optional.empty();
        }
    }

    private static void clock(List<Finding> findings, Instant now, Optional<TrustedListsReport> report, Optional<Instant> serverDate) {
        String fix = "set the system clock right (e.g. timedatectl set-ntp true)";
        if (serverDate.isPresent()) {
            Duration skew = Duration.between(serverDate.get(), now).abs();
            if (skew.compareTo(CLOCK_TOLERANCE) > 0) {
                findings.add(Finding.fail("clock: " + now.truncatedTo(ChronoUnit.SECONDS) + " here, " + serverDate.get()
                        + " at the LOTL's server: " + skew.toMinutes() + " minutes apart", fix));
                return;
            }
        }
        Optional<Instant> newest = report.stream().flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.listOfLists()),
                        r.lists().stream())).flatMap(v -> v.list().stream()).map(TrustedList::scheme)
                .map(s -> s.issued()).max(Comparator.naturalOrder());
        if (newest.isPresent() && newest.get().isAfter(now.plus(CLOCK_TOLERANCE))) {
            findings.add(Finding.fail("clock: " + now.truncatedTo(ChronoUnit.SECONDS) + " is before the issue time of a list ("
                    + newest.get() + "): this machine's clock is behind", fix));
            return;
        }
        findings.add(Finding.ok("clock: " + now.truncatedTo(ChronoUnit.SECONDS) + " UTC"
                + (serverDate.isPresent() ? ", agrees with the LOTL's server" : "")
                + newest.map(n -> ", after the newest list's issue time " + n).orElse("")));
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String ago(Duration age) {
        if (age.isNegative()) {
            return "in the future";
        }
        if (age.toDays() >= 2) {
            return age.toDays() + " days ago";
        }
        if (age.toHours() >= 2) {
            return age.toHours() + " hours ago";
        }
        return age.toMinutes() + " minutes ago";
    }

    static String ahead(Instant at, Instant next) {
        Duration left = Duration.between(at, next);
        if (left.isNegative()) {
            return "PASSED " + ago(left.negated());
        }
        return left.toDays() >= 2 ? "in " + left.toDays() + " days" : "in " + left.toHours() + " hours";
    }

    private static String commonName(String subject) {
        for (String part : subject.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return subject;
    }
}
