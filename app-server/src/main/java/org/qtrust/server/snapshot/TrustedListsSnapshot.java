package org.qtrust.server.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.core.trustsource.TrustSources;

/**
 * One loaded set of lists, immutable once built: what every request in flight sees while a
 * refresh builds the next one. Lists are judged at each request's validation time; the key
 * index for a (policy, list standings) pair is built on first use and kept, so requests at
 * any time in the same interval between list issue and NextUpdate dates share it.
 */
public final class TrustedListsSnapshot {

    /** Distinct standings are bounded by the lists' dates; the bound only guards against surprises. */
    private static final int MAX_DECISION_SERVICES = 64;

    private final TrustedListsReport report;
    private final Instant loadedAt;
    private final String origin;
    private final Duration expiryGrace;
    private final CertificateInspector inspector;
    private final Instant[] dates;
    private final Optional<RevocationChecker> revocation;
    private final List<LoteVerdict> lotes;
    private final Optional<String> snapshotId;
    private final ConcurrentMap<String, CertificateDecisionService> decisions = new ConcurrentHashMap<>();
    private final ConcurrentMap<IssuersKey, IssuerTrustService> issuers = new ConcurrentHashMap<>();

    /**
     * @param report      the load (its signature and pointer checks are reused for every validation time)
     * @param loadedAt    when it was loaded
     * @param origin      where the lists came from, for people
     * @param expiryGrace how long after NextUpdate a list is still accepted, as stale
     */
    public TrustedListsSnapshot(TrustedListsReport report, Instant loadedAt, String origin, Duration expiryGrace,
                                CertificateInspector inspector) {
        this(report, loadedAt, origin, expiryGrace, inspector, Optional.empty());
    }

    /**
     * @param revocation the checker every decision service of this snapshot shares (its caches
     *                   outlive snapshots); without one, a policy that checks revocation gets
     *                   an unknown status
     */
    public TrustedListsSnapshot(TrustedListsReport report, Instant loadedAt, String origin, Duration expiryGrace,
                                CertificateInspector inspector, Optional<RevocationChecker> revocation) {
        this(report, loadedAt, origin, expiryGrace, inspector, revocation, List.of());
    }

    /**
     * @param lotes the lists of trusted entities as loaded with this snapshot (judged again at
     *              each validation time, like the trusted lists); empty when none is configured
     */
    public TrustedListsSnapshot(TrustedListsReport report, Instant loadedAt, String origin, Duration expiryGrace,
                                CertificateInspector inspector, Optional<RevocationChecker> revocation,
                                List<LoteVerdict> lotes) {
        this(report, loadedAt, origin, expiryGrace, inspector, revocation, lotes, Optional.empty());
    }

    private TrustedListsSnapshot(TrustedListsReport report, Instant loadedAt, String origin, Duration expiryGrace,
                                 CertificateInspector inspector, Optional<RevocationChecker> revocation,
                                 List<LoteVerdict> lotes, Optional<String> snapshotId) {
        this.snapshotId = Objects.requireNonNull(snapshotId);
        this.revocation = Objects.requireNonNull(revocation);
        this.lotes = List.copyOf(lotes);
        this.report = Objects.requireNonNull(report);
        this.loadedAt = Objects.requireNonNull(loadedAt);
        this.origin = Objects.requireNonNull(origin);
        this.expiryGrace = Objects.requireNonNull(expiryGrace);
        this.inspector = Objects.requireNonNull(inspector);
        this.dates = dates(report, this.lotes, expiryGrace);
    }

    public TrustedListsReport report() {
        return report;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public String origin() {
        return origin;
    }

    /** The id of the shared store's snapshot this was loaded from ({@code --store}); empty for a folder. */
    public Optional<String> snapshotId() {
        return snapshotId;
    }

    /** The same lists, named by the store snapshot they were read from (before the snapshot is put in force). */
    public TrustedListsSnapshot identified(String id) {
        return new TrustedListsSnapshot(report, loadedAt, origin, expiryGrace, inspector, revocation, lotes, Optional.of(id));
    }

    /** Every list judged at this time. */
    public ListsAtTime at(Instant validationTime) {
        ListJudgement lotl = ListJudgement.at(report.listOfLists(), validationTime, expiryGrace, true);
        List<ListJudgement> lists = new ArrayList<>(report.lists().size());
        for (ListVerdict verdict : report.lists()) {
            lists.add(ListJudgement.at(verdict, validationTime, expiryGrace, lotl.accepted()));
        }
        return new ListsAtTime(validationTime, lotl, lists);
    }

    /**
     * Whether the lists are current at this time: the LOTL and at least one list it points to
     * accepted (what {@code /ready} asks of now).
     */
    public boolean currentAt(Instant time) {
        ListsAtTime lists = at(time);
        return lists.listOfLists().accepted() && lists.lists().stream().anyMatch(ListJudgement::accepted);
    }

    /**
     * The last time at which these lists were current, for a page that shows old data: among
     * the instants where a standing can change (each list date, and just before it), those at
     * which the LOTL is accepted, the one with the most lists accepted, the latest of those.
     * Empty when the LOTL is accepted at none of them. Computed once per snapshot.
     */
    public Optional<Instant> lastCurrent() {
        Optional<Instant> known = lastCurrent;
        if (known == null) {
            known = findLastCurrent();
            lastCurrent = known;
        }
        return known;
    }

    private volatile Optional<Instant> lastCurrent;

    private Optional<Instant> findLastCurrent() {
        Instant best = null;
        long bestAccepted = 0;
        for (Instant date : dates) {
            for (Instant candidate : List.of(date.minusSeconds(1), date)) {
                ListsAtTime lists = at(candidate);
                if (!lists.listOfLists().accepted()) {
                    continue;
                }
                long accepted = lists.lists().stream().filter(ListJudgement::accepted).count();
                if (accepted > 0 && (best == null || accepted > bestAccepted || accepted == bestAccepted && candidate.isAfter(best))) {
                    best = candidate;
                    bestAccepted = accepted;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The lists of trusted entities as loaded (empty when none is configured). */
    public List<LoteVerdict> lotes() {
        return lotes;
    }

    /** The lists of trusted entities judged at this time: their dates against it, the rest as loaded. */
    public List<LoteVerdict> lotesAt(Instant validationTime) {
        ListAcceptancePolicy policy = new ListAcceptancePolicy(expiryGrace);
        return lotes.stream().map(verdict -> LoteLoader.judgedAt(verdict, validationTime, policy)).toList();
    }

    /**
     * Credential issuers looked up as {@code credential verify --lote} looks them up: on the lists
     * of trusted entities and (when the policy uses them) the trusted lists, all judged at this
     * time, under the policy's credential-issuer rules; the issuer's chain is checked for revocation
     * in {@code revocation} with this snapshot's checker, as the trusted-list path checks a
     * certificate (issue 13.7). Built once per interval between list dates, rules and mode.
     */
    public IssuerTrustService issuers(Instant validationTime, boolean withTrustedLists, IssuerTrustPolicy rules,
                                      RevocationMode revocation) {
        IssuersKey key = new IssuersKey(withTrustedLists, interval(validationTime), rules, revocation);
        IssuerTrustService existing = issuers.get(key);
        if (existing != null) {
            return existing;
        }
        if (issuers.size() >= MAX_DECISION_SERVICES) {
            issuers.clear();
        }
        return issuers.computeIfAbsent(key, k -> {
            Optional<TrustedListsReport> trustedLists = withTrustedLists ? Optional.of(at(validationTime).asReport()) : Optional.empty();
            TrustSources sources = TrustSources.of(lotesAt(validationTime), trustedLists, inspector);
            return new IssuerTrustService(sources, rules, inspector, VerificationPolicy.ts119312(), this.revocation, revocation);
        });
    }

    /** Issuer lookups differ by whether the trusted lists join, the interval between list dates, the policy's rules and revocation mode. */
    private record IssuersKey(boolean withTrustedLists, int interval, IssuerTrustPolicy rules, RevocationMode revocation) {
    }

    /** A decision and whether its key index was already built. */
    public record Decisions(CertificateDecisionService service, boolean reused) {
    }

    /**
     * The decision service for this policy over the lists as judged at this time. Every time
     * check of a list compares the time with one of its dates (ListIssueDateTime, NextUpdate,
     * NextUpdate plus grace), so between two consecutive dates of the snapshot every list keeps
     * its standing: the interval the time falls in, found by binary search, keys the index.
     */
    public Decisions decisions(VerificationPolicy policy, Instant validationTime) {
        // The mode is part of the key: a request may override the policy's revocation mode.
        String key = policy.name() + "|" + policy.revocation().code() + "|" + (policy.useTrustedLists() ? interval(validationTime) : -1);
        CertificateDecisionService existing = decisions.get(key);
        if (existing != null) {
            return new Decisions(existing, true);
        }
        if (decisions.size() >= MAX_DECISION_SERVICES) {
            decisions.clear();
        }
        return new Decisions(decisions.computeIfAbsent(key, k -> build(policy, at(validationTime))), false);
    }

    /** How many of the snapshot's dates are at or before this time. */
    int interval(Instant time) {
        int found = Arrays.binarySearch(dates, time);
        return found >= 0 ? found + 1 : -(found + 1);
    }

    private static Instant[] dates(TrustedListsReport report, List<LoteVerdict> lotes, Duration expiryGrace) {
        TreeSet<Instant> dates = new TreeSet<>();
        List<ListVerdict> all = new ArrayList<>(report.lists());
        all.add(report.listOfLists());
        all.forEach(verdict -> verdict.list().ifPresent(list ->
                addDates(dates, list.scheme().issued(), list.scheme().nextUpdate(), expiryGrace)));
        lotes.forEach(verdict -> verdict.list().ifPresent(list ->
                addDates(dates, list.scheme().issued(), list.scheme().nextUpdate(), expiryGrace)));
        return dates.toArray(new Instant[0]);
    }

    private static void addDates(TreeSet<Instant> dates, Instant issued, Optional<Instant> nextUpdate, Duration expiryGrace) {
        dates.add(issued);
        nextUpdate.ifPresent(next -> {
            dates.add(next);
            dates.add(next.plus(expiryGrace));
        });
    }

    private CertificateDecisionService build(VerificationPolicy policy, ListsAtTime lists) {
        List<ListSource> sources = new ArrayList<>();
        if (policy.useTrustedLists()) {
            for (ListJudgement judgement : lists.lists()) {
                judgement.list().ifPresent(list -> sources.add(new ListSource(list, judgement.standing(), judgement.reason())));
            }
        }
        TrustedServiceIndex index = TrustedServiceIndex.build(sources, policy.plainAnchors(), inspector);
        return new CertificateDecisionService(index, inspector, policy, revocation, RevocationPolicy.defaults());
    }
}
