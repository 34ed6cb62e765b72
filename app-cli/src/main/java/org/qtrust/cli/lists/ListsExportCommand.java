package org.qtrust.cli.lists;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.http.cache.CacheDirectories;
import org.qtrust.adapters.http.cache.FileListCache;
import org.qtrust.adapters.http.mirror.MirrorExport;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.cli.wiring.ListsModule;
import org.qtrust.cli.wiring.TrustedListsSession;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.refresh.port.ListCache;
import org.qtrust.core.trustedlist.refresh.port.ListCacheException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust lists export --cache DIR OUT}: writes a mirror (issue 19.2) — the cache's
 * documents byte for byte plus an index — for operators to publish and for
 * {@code --lotl-mirror} to read. The cache is verified first, under its lock, exactly as a
 * load (Official Journal certificates, pivots, each list's announced signers; freshness is not
 * judged: a mirror is storage); an unverified or damaged cache is refused.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a mirror of a verified cache (documents byte for byte plus qtrust-mirror.json), "
                + "to publish for --lotl-mirror.")
public final class ListsExportCommand implements Callable<Integer> {

    @Mixin
    ListOptions lists;

    @Parameters(index = "0", paramLabel = "OUT", description = "The mirror folder to write (absent, empty, or a previous export).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (lists.offline().isPresent() || lists.store().isPresent()) {
            throw new UsageException("lists export reads a cache folder: give --cache DIR");
        }
        Path folder = lists.cache().orElseGet(CacheDirectories::defaultDirectory);
        FileListCache cache = new FileListCache(folder);
        if (cache.isEmpty()) {
            throw new UsageException("--cache " + folder + ": the cache holds no LOTL yet; fill it with 'qtrust lists refresh --cache "
                    + folder + "'");
        }
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(lists.lotlUrl()),
                TrustedListsSession.officialJournalCertificates(lists), lists.ojUrl(), lists.validationTime(Clock.systemUTC()),
                ListAcceptancePolicy.AUTHENTICITY_ONLY);
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new ListsModule(new DirectoryListSource(folder)));
        List<MirrorExport.Exported> exported;
        try (ListCache.Lock lock = cache.lock()) {
            TrustedListsReport report = injector.getInstance(LoadTrustedLists.class).load(request);
            if (!authentic(report.listOfLists())) {
                throw new UsageException("--cache " + folder + ": the LOTL does not verify ("
                        + report.listOfLists().rejection().map(r -> r.code() + ": " + r.description()).orElse("rejected")
                        + "): refusing to export an unverified cache");
            }
            Set<String> verified = new TreeSet<>();
            verified.add(DirectoryListSource.fileNameFor(report.listOfLists().location()));
            for (ListVerdict verdict : report.pivots()) {
                if (authentic(verdict)) {
                    verified.add(DirectoryListSource.fileNameFor(verdict.location()));
                }
            }
            for (ListVerdict verdict : report.lists()) {
                if (authentic(verdict)) {
                    verified.add(DirectoryListSource.fileNameFor(verdict.location()));
                }
            }
            exported = MirrorExport.export(cache, verified, out, Clock.systemUTC().instant());
        } catch (MirrorExport.RefusedException e) {
            throw new UsageException(e.getMessage());
        } catch (ListCacheException | IOException e) {
            throw new UsageException("cannot export " + folder + " to " + out + ": " + e.getMessage());
        }
        long bytes = exported.stream().mapToLong(MirrorExport.Exported::size).sum();
        stdout.printf("Exported %d documents (%d bytes) from %s to %s, with %s.%n", exported.size(), bytes, folder, out,
                MirrorExport.INDEX);
        stdout.printf("Publish that folder over https and give its URL to --lotl-mirror.%n");
        stdout.flush();
        return 0;
    }

    /** Read, and signed by a certificate its LOTL (or the Official Journal) announces: freshness is not judged here. */
    private static boolean authentic(ListVerdict verdict) {
        return verdict.list().isPresent() && verdict.signature().map(SignatureCheck::isValid).orElse(false)
                && Optional.of(verdict).flatMap(ListVerdict::rejection)
                .map(rejection -> rejection == org.qtrust.core.trustedlist.loading.ListRejection.EXPIRED).orElse(true);
    }
}
