package org.qtrust.adapters.ocsp;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.cert.X509CertificateHolder;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.revocation.RevocationChecker;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * Revocation by OCSP and CRL, fetched through the {@link HttpTransport} port, checked with
 * Bouncy Castle.
 *
 * <p>For each check: answers already cached for the certificate (from any source the policy
 * allows, in the policy's order) come first; then each source is asked in order until one gives
 * an answer that counts at the validation time. Answers are cached until their nextUpdate;
 * verified CRLs are cached (indexed by serial) until theirs. Concurrent callers that need the
 * same OCSP answer or the same CRL share one fetch. With a {@link SharedEvidenceStore}, a
 * download is preceded by a look in it and followed by a copy to it ({@link SharedRevocationEvidence}:
 * what it holds is verified as a download is). Nothing the network or a server does makes
 * this class throw: the outcome is then {@code unknown} and the trace says why.
 *
 * <p>Fetches run on a bounded pool of their own ({@link OutboundLimits}), never on the caller's
 * thread: a caller waits at most its query's {@link org.qtrust.core.transport.OutboundBudget}, also
 * on a fetch another caller started; at most a few fetches run at once per host; a URL whose
 * fetch failed is not asked again for a while (issue 15.1).
 *
 * <p>Thread-safe; one instance is meant to live as long as the application (it holds the caches).
 */
public final class OcspCrlRevocationChecker implements RevocationChecker {

    /** Default bound of the per-certificate answer cache. */
    public static final int DEFAULT_MAX_ANSWERS = 100_000;
    /** Default bound of the CRL cache. */
    public static final int DEFAULT_MAX_CRLS = 256;

    private final HttpTransport transport;
    private final Clock clock;
    private final OcspClient ocsp;
    private final int maxAnswers;
    private final int maxCrls;
    private final OutboundFetches fetches;
    /** OCSP responses and CRLs shared with other replicas (issue 17.4), behind the in-memory caches. */
    private final SharedRevocationEvidence shared;

    private final ConcurrentHashMap<AnswerKey, Cached<Evidence>> answers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<AnswerKey, CompletableFuture<Evidence>> ocspInFlight = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CrlKey, Cached<CrlSnapshot>> crls = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CrlKey, CompletableFuture<CrlParser.Parsed>> crlInFlight = new ConcurrentHashMap<>();

    /** Issuer certificates seen recently: their id and Bouncy Castle form, computed once (bounded). */
    private record IssuerInfo(String id, X509CertificateHolder holder) {
    }

    private static final int MAX_ISSUERS = 1_024;
    private final ConcurrentHashMap<X509Certificate, IssuerInfo> issuers = new ConcurrentHashMap<>();

    /** Identifies one certificate's answer from one source under the settings that make it valid. */
    private record AnswerKey(String issuerId, BigInteger serial, RevocationSource source, String context) {
    }

    private record CrlKey(String url, String issuerId) {
    }

    private record Cached<T>(T value, Instant expires) {
    }

    public OcspCrlRevocationChecker(HttpTransport transport, Clock clock) {
        this(transport, clock, DEFAULT_MAX_ANSWERS, DEFAULT_MAX_CRLS);
    }

    public OcspCrlRevocationChecker(HttpTransport transport, Clock clock, int maxAnswers, int maxCrls) {
        this(transport, clock, maxAnswers, maxCrls, OutboundLimits.DEFAULTS);
    }

    /** @param limits the fetching pool, the per-host limit and how long failed fetches are remembered */
    public OcspCrlRevocationChecker(HttpTransport transport, Clock clock, int maxAnswers, int maxCrls, OutboundLimits limits) {
        this(transport, clock, maxAnswers, maxCrls, limits, SharedEvidenceStore.none());
    }

    /**
     * @param sharedStore where OCSP responses and CRLs are shared with other replicas (every entry
     *                    read back is verified as a download is); {@link SharedEvidenceStore#none()} for none
     */
    public OcspCrlRevocationChecker(HttpTransport transport, Clock clock, int maxAnswers, int maxCrls, OutboundLimits limits,
                                    SharedEvidenceStore sharedStore) {
        this.transport = Objects.requireNonNull(transport);
        this.fetches = new OutboundFetches(limits, clock);
        this.shared = new SharedRevocationEvidence(sharedStore, clock);
        this.clock = Objects.requireNonNull(clock);
        this.ocsp = new OcspClient(transport, new SecureRandom());
        if (maxAnswers < 1 || maxCrls < 1) {
            throw new IllegalArgumentException("cache bounds must be positive");
        }
        this.maxAnswers = maxAnswers;
        this.maxCrls = maxCrls;
    }

    @Override
    public RevocationOutcome check(X509Certificate certificate, X509Certificate issuer, RevocationQuery query) {
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(query);
        RevocationPolicy policy = query.policy();
        if (policy.mode() == RevocationMode.OFF) {
            return RevocationOutcome.notChecked("revocation checking is off (policy)");
        }
        List<String> trace = new ArrayList<>();
        try {
            return checkSafely(certificate, issuer, query, trace);
        } catch (RuntimeException e) {
            trace.add("internal error while checking revocation: " + e.getClass().getSimpleName() + " "
                    + e.getMessage());
            return RevocationOutcome.unknown(trace);
        }
    }

    private RevocationOutcome checkSafely(X509Certificate certificate, X509Certificate issuer, RevocationQuery query,
                                          List<String> trace) {
        RevocationPolicy policy = query.policy();
        Instant validationTime = query.validationTime();
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            trace.add("the certificate's issuer '" + certificate.getIssuerX500Principal() + "' is not the given issuer '"
                    + issuer.getSubjectX500Principal() + "': no revocation check possible");
            return RevocationOutcome.unknown(trace);
        }
        if (policy.order().isEmpty()) {
            trace.add("the policy names no revocation source");
            return RevocationOutcome.unknown(trace);
        }
        String issuerId = issuerId(issuer);
        BigInteger serial = certificate.getSerialNumber();
        List<String> ocspUrls = !policy.order().contains(RevocationSource.OCSP) ? List.of()
                : policy.ocspUrlOverride().map(List::of).orElseGet(() -> CertificateLocations.ocspUrls(certificate));
        String ocspContext = ocspContext(query);
        Instant notAfter = certificate.getNotAfter().toInstant();

        // 1. A cached answer from an allowed source, in the policy's order.
        Instant now = clock.instant();
        for (RevocationSource source : policy.order()) {
            List<AnswerKey> keys = source == RevocationSource.OCSP
                    ? ocspUrls.stream().map(url -> new AnswerKey(issuerId, serial, source, url + ocspContext)).toList()
                    : List.of(new AnswerKey(issuerId, serial, source, ""));
            for (AnswerKey key : keys) {
                Cached<Evidence> cached = answers.get(key);
                if (cached == null || !now.isBefore(cached.expires())) {
                    continue;
                }
                List<String> attempt = new ArrayList<>(cached.value().trace());
                Optional<RevocationStatus> status = EvidenceJudge.judge(cached.value(), validationTime, now, policy,
                        notAfter, query.expiredCertsRevocationInfo(), attempt);
                if (status.isPresent()) {
                    trace.add(source.name() + ": answer from the cache (cached until " + cached.expires() + ")");
                    trace.addAll(attempt);
                    return EvidenceJudge.outcome(cached.value(), status.get(), trace);
                }
            }
        }

        // 2. Ask each source in order. Before anything is fetched, the certificate's signature is
        //    checked against the issuer (once): the URLs it names are then the CA's, not whatever
        //    an attacker put in a forged certificate.
        X509CertificateHolder issuerHolder = issuerHolder(issuer);
        FetchGuard guard = new FetchGuard(certificate, issuerHolder);
        for (RevocationSource source : policy.order()) {
            Optional<RevocationOutcome> outcome = source == RevocationSource.OCSP
                    ? askOcsp(issuer, issuerHolder, issuerId, serial, notAfter, ocspUrls, ocspContext, query, guard, trace)
                    : askCrl(issuerHolder, certificate, issuerId, serial, query, guard, trace);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        trace.add("no acceptable revocation information from " + policy.order() + ": status unknown");
        return RevocationOutcome.unknown(trace);
    }

    private Optional<RevocationOutcome> askOcsp(X509Certificate issuerCertificate, X509CertificateHolder issuer,
                                                String issuerId, BigInteger serial,
                                                Instant notAfter, List<String> urls, String context, RevocationQuery query,
                                                FetchGuard guard, List<String> trace) {
        if (urls.isEmpty()) {
            trace.add("OCSP: the certificate names no OCSP responder (AIA) and the policy gives no URL");
            return Optional.empty();
        }
        for (String url : urls) {
            if (!CertificateLocations.isHttp(url)) {
                trace.add("OCSP: " + url + " is not an http(s) URL: skipped");
                continue;
            }
            if (!guard.mayFetch(trace) || outOfBudget("OCSP", url, query, trace)) {
                return Optional.empty();
            }
            Optional<String> failedRecently = fetches.failedRecently("OCSP", url);
            if (failedRecently.isPresent()) {
                trace.add(failedRecently.get());
                continue;
            }
            AnswerKey key = new AnswerKey(issuerId, serial, RevocationSource.OCSP, url + context);
            Cached<Evidence> seen = answers.get(key);
            Evidence evidence = fetches.shared(ocspInFlight, key, url, "OCSP", "certificate", query.budget(), trace, networkDone -> {
                        // A fetch that finished since our cache look-up has left a new answer there.
                        Cached<Evidence> cached = answers.get(key);
                        if (cached != null && cached != seen && clock.instant().isBefore(cached.expires())) {
                            return cached.value();
                        }
                        OcspClient.Answer answer;
                        try {
                            answer = shared.ocsp(ocsp, serial, issuer, issuerId, url, query);
                        } finally {
                            networkDone.run();
                        }
                        answer.fetchFailure().ifPresentOrElse(reason -> fetches.failed("OCSP", url, reason),
                                () -> fetches.answered("OCSP", url));
                        Evidence fetched = answer.delegateToCheck()
                                .map(delegate -> delegateChecked(answer.evidence(), delegate, issuerCertificate, query))
                                .orElse(answer.evidence());
                        // Cached before the fetch ends: a caller arriving just after it finds the answer, not an
                        // empty slot (and callers that stopped waiting leave it for the next request).
                        cache(key, fetched, query);
                        return fetched;
                    },
                    message -> Evidence.failed(RevocationSource.OCSP, url, List.of("OCSP: " + message)));
            Optional<RevocationOutcome> outcome = accept(key, evidence, query, notAfter, trace);
            if (outcome.isPresent()) {
                return outcome;
            }
        }
        return Optional.empty();
    }

    private Optional<RevocationOutcome> askCrl(X509CertificateHolder issuer, X509Certificate certificate,
                                               String issuerId, BigInteger serial,
                                               RevocationQuery query, FetchGuard guard, List<String> trace) {
        List<CertificateLocations.CrlPoint> points = CertificateLocations.crlPoints(certificate);
        if (points.isEmpty()) {
            trace.add("CRL: the certificate names no CRL distribution point");
            return Optional.empty();
        }
        boolean isCa = certificate.getBasicConstraints() >= 0;
        Instant notAfter = certificate.getNotAfter().toInstant();
        for (CertificateLocations.CrlPoint point : points) {
            if (!point.unsupported().isEmpty()) {
                point.unsupported().forEach(problem -> trace.add("CRL: distribution point " + point.urls()
                        + " skipped: " + problem));
                continue;
            }
            for (String url : point.urls()) {
                if (!CertificateLocations.isHttp(url)) {
                    trace.add("CRL: " + url + " is not an http(s) URL: skipped");
                    continue;
                }
                Optional<CrlSnapshot> snapshot = crl(url, issuer, issuerId, query, guard, trace);
                if (snapshot.isEmpty()) {
                    continue;
                }
                Evidence evidence = snapshot.get().lookup(serial, isCa, point.names(), List.of());
                AnswerKey key = new AnswerKey(issuerId, serial, RevocationSource.CRL, "");
                Optional<RevocationOutcome> outcome = accept(key, evidence, query, notAfter, trace);
                if (outcome.isPresent()) {
                    return outcome;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 6960 §4.2.2.2.1: a delegated responder without id-pkix-ocsp-nocheck has its own status
     * checked — by the CA's CRL (asking the responder about itself would prove nothing), at the
     * time it signed (producedAt). A "good" from it counts only when the responder is good then;
     * revoked or unknown → the answer is refused (under {@code require} the status stays unknown).
     * A "revoked" from it is kept: it can only make the certificate not trusted.
     */
    private Evidence delegateChecked(Evidence evidence, X509CertificateHolder delegate, X509Certificate issuer,
                                     RevocationQuery query) {
        if (evidence.kind() != Evidence.Kind.GOOD) {
            List<String> lines = new ArrayList<>(evidence.trace());
            lines.add("OCSP: the answer is not 'good': the delegated responder's own status does not change it");
            return evidence.withTrace(lines);
        }
        List<String> lines = new ArrayList<>(evidence.trace());
        Instant signedAt = evidence.producedAt().orElseGet(() -> evidence.thisUpdate().orElseThrow());
        RevocationOutcome own;
        try {
            X509Certificate responder = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(delegate);
            RevocationQuery ownQuery = RevocationQuery.at(signedAt, query.policy()
                    .withOrder(List.of(RevocationSource.CRL)).withMode(RevocationMode.REQUIRE)).withBudget(query.budget());
            own = checkSafely(responder, issuer, ownQuery, new ArrayList<>());
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            own = RevocationOutcome.unknown(List.of("the responder certificate cannot be read: " + e.getMessage()));
        }
        for (String line : own.trace()) {
            lines.add("OCSP: delegated responder " + Bc.describe(delegate) + ": " + line);
        }
        if (own.isGood()) {
            lines.add("OCSP: the delegated responder was not revoked when it signed (" + signedAt + "): its answer counts "
                    + "(RFC 6960 §4.2.2.2.1)");
            return evidence.withTrace(lines);
        }
        lines.add("OCSP: the delegated responder's own status is " + own.status().code() + " at " + signedAt
                + ": its 'good' answer does not count (RFC 6960 §4.2.2.2.1; add id-pkix-ocsp-nocheck to the responder "
                + "or publish its status on the CA's CRL)");
        return Evidence.failed(RevocationSource.OCSP, evidence.origin(), lines);
    }

    /**
     * Checks, at most once per check and only when something is about to be fetched, that the
     * issuer signed the certificate.
     */
    private static final class FetchGuard {
        private final X509Certificate certificate;
        private final X509CertificateHolder issuer;
        private Boolean signed;

        FetchGuard(X509Certificate certificate, X509CertificateHolder issuer) {
            this.certificate = certificate;
            this.issuer = issuer;
        }

        boolean mayFetch(List<String> trace) {
            if (signed == null) {
                signed = signedBy(certificate, issuer);
                if (!signed) {
                    trace.add("the certificate's signature does not verify with the given issuer's key: the OCSP "
                            + "and CRL locations it names are not fetched");
                }
            }
            return signed;
        }

        private static boolean signedBy(X509Certificate certificate, X509CertificateHolder issuer) {
            try {
                return Bc.holder(certificate).isSignatureValid(Bc.verifier(issuer));
            } catch (org.bouncycastle.cert.CertException | org.bouncycastle.operator.OperatorCreationException
                     | RuntimeException e) {
                return false;
            }
        }
    }

    private IssuerInfo issuerInfo(X509Certificate issuer) {
        IssuerInfo info = issuers.get(issuer);
        if (info == null) {
            if (issuers.size() >= MAX_ISSUERS) {
                issuers.clear();
            }
            info = new IssuerInfo(Bc.issuerId(issuer), Bc.holder(issuer));
            issuers.put(issuer, info);
        }
        return info;
    }

    private String issuerId(X509Certificate issuer) {
        return issuerInfo(issuer).id();
    }

    private X509CertificateHolder issuerHolder(X509Certificate issuer) {
        return issuerInfo(issuer).holder();
    }

    /** Judges fresh evidence at the validation time; caches it when it is an answer. */
    private Optional<RevocationOutcome> accept(AnswerKey key, Evidence evidence, RevocationQuery query,
                                               Instant notAfter, List<String> trace) {
        trace.addAll(evidence.trace());
        cache(key, evidence, query);
        Instant now = clock.instant();
        Optional<RevocationStatus> status = EvidenceJudge.judge(evidence, query.validationTime(), now, query.policy(),
                notAfter, query.expiredCertsRevocationInfo(), trace);
        return status.map(s -> EvidenceJudge.outcome(evidence, s, trace));
    }

    /** Caches an answer until its nextUpdate (or thisUpdate plus the policy's maximum age); nothing else is cached. */
    private void cache(AnswerKey key, Evidence evidence, RevocationQuery query) {
        Instant now = clock.instant();
        Optional<Instant> until = evidence.cacheableUntil(query.policy().maxAgeWithoutNextUpdate());
        if (until.isPresent() && now.isBefore(until.get())
                && !evidence.thisUpdate().orElseThrow().isAfter(now.plus(query.policy().tolerance()))) {
            Cached<Evidence> present = answers.get(key);
            if (present != null && present.value() == evidence) {
                return;
            }
            bound(answers, maxAnswers, now);
            answers.put(key, new Cached<>(evidence, until.get()));
        }
    }

    /** A verified, indexed CRL: from the cache while before its nextUpdate, else fetched (one fetch shared by all callers). */
    private Optional<CrlSnapshot> crl(String url, X509CertificateHolder issuer, String issuerId, RevocationQuery query,
                                      FetchGuard guard, List<String> trace) {
        CrlKey key = new CrlKey(url, issuerId);
        Instant now = clock.instant();
        Cached<CrlSnapshot> cached = crls.get(key);
        if (cached != null && now.isBefore(cached.expires())
                && !query.validationTime().isAfter(cached.expires().plus(query.policy().tolerance()))) {
            trace.add("CRL: " + url + " from the cache (" + cached.value().size() + " entries, cached until "
                    + cached.expires() + ")");
            return Optional.of(cached.value());
        }
        if (!guard.mayFetch(trace) || outOfBudget("CRL", url, query, trace)) {
            return Optional.empty();
        }
        Optional<String> failedRecently = fetches.failedRecently("CRL", url);
        if (failedRecently.isPresent()) {
            trace.add(failedRecently.get());
            return Optional.empty();
        }
        CrlParser.Parsed parsed = fetches.shared(crlInFlight, key, url, "CRL", "CRL", query.budget(), trace, networkDone -> {
            // A fetch that finished since our cache look-up has left a new CRL there.
            Cached<CrlSnapshot> again = crls.get(key);
            if (again != null && again != cached && clock.instant().isBefore(again.expires())
                    && !query.validationTime().isAfter(again.expires().plus(query.policy().tolerance()))) {
                return new CrlParser.Parsed(Optional.of(again.value()), again.value().loadTrace());
            }
            List<String> lines = new ArrayList<>();
            Optional<CrlParser.Parsed> stored = shared.storedCrl(url, issuer, query, lines);
            Optional<byte[]> body = Optional.empty();
            if (stored.isEmpty()) {
                try {
                    body = downloadCrl(url, query, lines);
                } finally {
                    networkDone.run();
                }
                if (body.isEmpty()) {
                    return new CrlParser.Parsed(Optional.empty(), lines);
                }
            }
            CrlParser.Parsed result = stored.isPresent() ? stored.get() : CrlParser.parse(body.get(), issuer, url, lines);
            if (stored.isEmpty()) {
                shared.keepCrl(url, issuer, query, body.get(), result);
            }
            result.snapshot().ifPresent(snapshot -> {
                Instant until = snapshot.nextUpdate()
                        .orElseGet(() -> snapshot.thisUpdate().plus(query.policy().maxAgeWithoutNextUpdate()));
                Instant at = clock.instant();
                if (at.isBefore(until)) {
                    bound(crls, maxCrls, at);
                    crls.put(key, new Cached<>(snapshot, until));
                }
            });
            return result;
        }, message -> new CrlParser.Parsed(Optional.empty(), List.of("CRL: " + message)));
        if (parsed.snapshot().isEmpty()) {
            trace.addAll(parsed.trace());
        } else {
            trace.addAll(parsed.snapshot().get().loadTrace());
        }
        return parsed.snapshot();
    }

    /** The CRL's bytes; empty when the fetch failed (the failure is then remembered for the URL). */
    private Optional<byte[]> downloadCrl(String url, RevocationQuery query, List<String> trace) {
        long limit = query.policy().crlMaxBytes();
        trace.add("CRL: GET " + url);
        HttpExchange.Response response;
        try {
            response = transport.send(HttpExchange.Request.get(url, limit).forPurpose(HttpExchange.Purpose.CRL));
        } catch (TransportException e) {
            trace.add("CRL: no answer from " + url + ": " + e.reason() + " (could not fetch: " + e.reasonClass() + ")");
            fetches.failed("CRL", url, "could not fetch: " + e.reasonClass());
            return Optional.empty();
        }
        Optional<String> failure = OcspClient.checkHttp(response, limit, "application/pkix-crl", "a CRL");
        if (failure.isPresent()) {
            trace.add("CRL: " + failure.get());
            fetches.failed("CRL", url, failure.get());
            return Optional.empty();
        }
        fetches.answered("CRL", url);
        return Optional.of(response.body());
    }

    /** Whether the query's budget is spent: nothing more is fetched nor awaited (the trace says so). */
    private static boolean outOfBudget(String label, String url, RevocationQuery query, List<String> trace) {
        if (!query.budget().spent()) {
            return false;
        }
        trace.add(label + ": " + url + " not asked: " + query.budget().describe() + " is spent (out of budget)");
        return true;
    }

    /**
     * Keeps a cache under its bound: when full, expired entries go, then arbitrary ones until a
     * tenth of the room is free (so a full cache is swept once per max/10 insertions, not on each).
     */
    private static <K, T> void bound(Map<K, Cached<T>> cache, int max, Instant now) {
        if (cache.size() < max) {
            return;
        }
        cache.values().removeIf(entry -> !now.isBefore(entry.expires()));
        int target = max - Math.max(1, max / 10);
        var iterator = cache.keySet().iterator();
        while (cache.size() > target && iterator.hasNext()) {
            iterator.next();
            iterator.remove();
        }
    }

    /** What, besides the URL, an OCSP answer's acceptance depended on: nonce handling and the listed responders. */
    private static String ocspContext(RevocationQuery query) {
        if (query.listedResponders().isEmpty()) {
            return "|" + query.policy().nonce();
        }
        TreeSet<String> keys = new TreeSet<>();
        for (X509Certificate responder : query.listedResponders()) {
            keys.add(Bc.sha256Hex(responder.getPublicKey().getEncoded()));
        }
        return "|" + query.policy().nonce() + "|" + String.join(",", keys);
    }

    /** Drops the per-certificate answers, keeping the verified CRLs (the benchmark uses it). */
    void clearAnswers() {
        answers.clear();
    }

    /** Drops every cached answer and CRL, and the memory of failed fetches (for tests and for a policy reload). */
    public void clearCaches() {
        answers.clear();
        crls.clear();
        fetches.clearFailures();
    }

    /** How many per-certificate answers and verified CRLs are cached. */
    public record CacheSizes(int answers, int crls) {
    }

    public CacheSizes cacheSizes() {
        return new CacheSizes(answers.size(), crls.size());
    }
}
