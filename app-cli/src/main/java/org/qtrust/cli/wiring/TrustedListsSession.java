package org.qtrust.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.keystore.CertificateSourceException;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.http.offline.DirectoryListSource;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.UsageException;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/** Turns the list options into a wired loader and a load request: the CLI's one way to load lists. */
public final class TrustedListsSession {

    private final Injector injector;
    private final LoadRequest request;

    private TrustedListsSession(Injector injector, LoadRequest request) {
        this.injector = injector;
        this.request = request;
    }

    public static TrustedListsSession open(ListOptions options, Clock clock) {
        Path folder = options.offline().orElseThrow(() -> new UsageException(
                "say where the lists are: --offline DIR (a folder with EU.xml and <territory>.xml)"));
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--offline " + folder + ": no such folder");
        }
        if (!Files.isRegularFile(folder.resolve("EU.xml"))) {
            throw new UsageException("--offline " + folder + ": no EU.xml (the LOTL) in that folder");
        }
        List<ServiceCertificate> officialJournal = officialJournalCertificates(options);
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new ListsModule(new DirectoryListSource(folder)));
        LoadRequest request = new LoadRequest(ListLocation.listOfLists(options.lotlUrl()), officialJournal,
                options.ojUrl(), options.validationTime(clock), new ListAcceptancePolicy(options.expiryGrace()));
        return new TrustedListsSession(injector, request);
    }

    public static List<ServiceCertificate> officialJournalCertificates(ListOptions options) {
        try {
            if (options.ojKeystore().isPresent()) {
                char[] password = options.ojPassword().map(String::toCharArray).orElse(new char[0]);
                return OfficialJournalCertificates.fromKeyStore(options.ojKeystore().get(), password);
            }
            if (options.ojCerts().isPresent()) {
                return OfficialJournalCertificates.fromDirectory(options.ojCerts().get());
            }
        } catch (CertificateSourceException e) {
            throw new UsageException("Official Journal certificates: " + e.getMessage());
        }
        throw new UsageException("say which certificates may sign the LOTL: --oj-keystore FILE --oj-password PW, or --oj-certs DIR");
    }

    public TrustedListsReport load() {
        return injector.getInstance(LoadTrustedLists.class).load(request);
    }

    /** The wired components, for commands that assemble more on top (decisions, benchmarks). */
    public Injector injector() {
        return injector;
    }

    public LoadRequest request() {
        return request;
    }
}
