package org.qtrust.server.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.lote.port.LoteDocumentSource;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.TrustedListLoader;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustedlist.port.ListDocumentSource;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.qtrust.server.lote.LoteReload;

/**
 * Loads a snapshot from a document source. The loader stops at a LOTL that is not current at
 * its validation time, yet a request may ask about a time when it was: so when the LOTL is
 * refused for time alone, the lists are loaded again at the LOTL's issue time, which gives
 * every time-independent check (signatures, pointers) once; each request then judges the
 * dates at its own validation time ({@link ListJudgement}). The lists of trusted entities, when
 * configured, are loaded again with every snapshot ({@link LoteReload}).
 */
public final class SnapshotLoader {

    private final TrustedListReader reader;
    private final ListSignatureVerifier verifier;
    private final CertificateInspector inspector;
    private final Executor workers;
    private final Clock clock;
    private final Settings settings;
    private final Optional<RevocationChecker> revocation;
    private final Optional<LoteReload> lotes;

    /**
     * @param listOfLists                 where the LOTL is published
     * @param officialJournalCertificates the LOTL signing certificates
     * @param officialJournalUri          their OJ publication, when known
     * @param expiryGrace                 how long after NextUpdate a list is still accepted, as stale
     */
    public record Settings(String listOfLists, List<ServiceCertificate> officialJournalCertificates,
                           Optional<String> officialJournalUri, Duration expiryGrace) {
        public Settings {
            Objects.requireNonNull(listOfLists);
            officialJournalCertificates = List.copyOf(officialJournalCertificates);
            Objects.requireNonNull(officialJournalUri);
            Objects.requireNonNull(expiryGrace);
        }
    }

    public SnapshotLoader(TrustedListReader reader, ListSignatureVerifier verifier, CertificateInspector inspector,
                          Executor workers, Clock clock, Settings settings) {
        this(reader, verifier, inspector, workers, clock, settings, Optional.empty());
    }

    /** @param revocation the checker handed to every snapshot (one for the server's life: it holds the caches) */
    public SnapshotLoader(TrustedListReader reader, ListSignatureVerifier verifier, CertificateInspector inspector,
                          Executor workers, Clock clock, Settings settings, Optional<RevocationChecker> revocation) {
        this(reader, verifier, inspector, workers, clock, settings, revocation, Optional.empty());
    }

    /** @param lotes the lists of trusted entities loaded into every snapshot beside the trusted lists, when configured */
    public SnapshotLoader(TrustedListReader reader, ListSignatureVerifier verifier, CertificateInspector inspector,
                          Executor workers, Clock clock, Settings settings, Optional<RevocationChecker> revocation,
                          Optional<LoteReload> lotes) {
        this.revocation = Objects.requireNonNull(revocation);
        this.lotes = Objects.requireNonNull(lotes);
        this.reader = Objects.requireNonNull(reader);
        this.verifier = Objects.requireNonNull(verifier);
        this.inspector = Objects.requireNonNull(inspector);
        this.workers = Objects.requireNonNull(workers);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    public TrustedListsSnapshot load(ListDocumentSource source, String origin) {
        return load(source, origin, java.util.function.UnaryOperator.identity());
    }

    /**
     * @param judge applied to each load before anything else reads it (a shared store's rollback floors)
     */
    public TrustedListsSnapshot load(ListDocumentSource source, String origin, java.util.function.UnaryOperator<TrustedListsReport> judge) {
        return load(source, origin, judge, Optional.empty());
    }

    /** The lists of trusted entities loaded with every snapshot, when configured. */
    public Optional<LoteReload> lotes() {
        return lotes;
    }

    /**
     * A snapshot whose lists of trusted entities come from {@code lotesFrom} too (a shared
     * store's snapshot), judged by its rollback floors before anything else reads them.
     */
    public TrustedListsSnapshot load(ListDocumentSource source, String origin, java.util.function.UnaryOperator<TrustedListsReport> judge,
                                     LoteDocumentSource lotesFrom, java.util.function.UnaryOperator<List<LoteVerdict>> judgeLotes) {
        return load(source, origin, judge, Optional.of(new LoteOrigin(lotesFrom, judgeLotes)));
    }

    private record LoteOrigin(LoteDocumentSource documents, java.util.function.UnaryOperator<List<LoteVerdict>> judge) {
    }

    private TrustedListsSnapshot load(ListDocumentSource source, String origin, java.util.function.UnaryOperator<TrustedListsReport> judge,
                                      Optional<LoteOrigin> loteOrigin) {
        Instant now = clock.instant();
        TrustedListLoader loader = new TrustedListLoader(source, reader, verifier, workers);
        TrustedListsReport report = judge.apply(loader.load(request(now)));
        ListVerdict lotl = report.listOfLists();
        boolean refusedForTimeOnly = lotl.list().isPresent()
                && lotl.rejection().filter(ListJudgement.TIME_REJECTIONS::contains).isPresent();
        if (refusedForTimeOnly) {
            report = judge.apply(loader.load(request(lotl.list().get().scheme().issued())));
        }
        List<LoteVerdict> judgedLotes = lotes.map(l -> loteOrigin.map(o -> l.load(now, o.documents(), o.judge()))
                .orElseGet(() -> l.load(now))).orElse(List.of());
        return new TrustedListsSnapshot(report, now, origin, settings.expiryGrace(), inspector, revocation, judgedLotes);
    }

    private LoadRequest request(Instant validationTime) {
        return new LoadRequest(ListLocation.listOfLists(settings.listOfLists()), settings.officialJournalCertificates(),
                settings.officialJournalUri(), validationTime, new ListAcceptancePolicy(settings.expiryGrace()));
    }
}
