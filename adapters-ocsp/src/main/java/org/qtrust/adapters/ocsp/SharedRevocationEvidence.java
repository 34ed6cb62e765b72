package org.qtrust.adapters.ocsp;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;

/**
 * OCSP responses and CRLs shared with other replicas through the {@link SharedEvidenceStore}
 * port (issue 17.4), behind the checker's in-memory caches: before a download, the store is
 * asked; after one, what verified is kept there until its own nextUpdate (or thisUpdate plus the
 * policy's maximum age).
 *
 * <p>The store is storage, not trust: an entry is parsed and verified exactly as a download —
 * size bound, signature, the signer's authority for the issuer, CertID, times — and one that
 * fails, or is no longer fresh, is ignored (the trace says so) and the evidence fetched anew,
 * which overwrites it. OCSP entries are not read when the policy requires a nonce: a stored
 * response answered another replica's nonce, which cannot be checked here.
 */
final class SharedRevocationEvidence {

    private final SharedEvidenceStore store;
    private final Clock clock;

    SharedRevocationEvidence(SharedEvidenceStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The OCSP answer: a verified, fresh one from the store, else {@code client}'s download (then kept in the store). */
    OcspClient.Answer ocsp(OcspClient client, BigInteger serial, X509CertificateHolder issuer, String issuerId, String url,
                           RevocationQuery query) {
        if (!store.shared()) {
            return client.fetch(serial, issuer, url, query);
        }
        RevocationPolicy policy = query.policy();
        String key = issuerId + "|" + serial.toString(16) + "|" + url;
        List<String> refused = new ArrayList<>();
        if (policy.nonce() != RevocationPolicy.NonceMode.REQUIRE) {
            Optional<SharedEvidenceStore.Entry> entry = store.find(SharedEvidenceStore.Kind.OCSP, key, policy.ocspMaxBytes());
            if (entry.isPresent()) {
                OcspClient.Answer stored = client.stored(entry.get().bytes(), serial, issuer, url, query);
                Instant now = clock.instant();
                if (stored.evidence().isAnswer() && fresh(stored.evidence().thisUpdate().orElseThrow(),
                        stored.evidence().cacheableUntil(policy.maxAgeWithoutNextUpdate()).orElseThrow(), now, policy)) {
                    return stored;
                }
                refused.addAll(stored.evidence().trace());
                refused.add("OCSP: the shared store's answer is refused (not a verified, current answer): fetched anew");
            }
        }
        OcspClient.Answer answer = client.fetch(serial, issuer, url, query);
        Optional<Instant> until = answer.evidence().cacheableUntil(policy.maxAgeWithoutNextUpdate());
        if (answer.body().isPresent() && until.isPresent()) {
            store.put(SharedEvidenceStore.Kind.OCSP, key, answer.body().get(), Duration.between(clock.instant(), until.get()));
        }
        if (refused.isEmpty()) {
            return answer;
        }
        refused.addAll(answer.evidence().trace());
        return new OcspClient.Answer(answer.evidence().withTrace(refused), answer.delegateToCheck(), answer.fetchFailure(),
                answer.body());
    }

    /**
     * A verified, current CRL of {@code issuer} from the store, if it holds one; the lines of an
     * entry that was there but refused go to {@code trace}.
     */
    Optional<CrlParser.Parsed> storedCrl(String url, X509CertificateHolder issuer, RevocationQuery query, List<String> trace) {
        if (!store.shared()) {
            return Optional.empty();
        }
        RevocationPolicy policy = query.policy();
        Optional<SharedEvidenceStore.Entry> entry = store.find(SharedEvidenceStore.Kind.CRL, crlKey(url, issuer),
                policy.crlMaxBytes());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        byte[] body = entry.get().bytes();
        List<String> lines = new ArrayList<>();
        lines.add("CRL: " + url + " from the shared store (" + body.length + " bytes): checked as a fresh download");
        CrlParser.Parsed parsed = body.length > policy.crlMaxBytes()
                ? new CrlParser.Parsed(Optional.empty(), List.of("CRL: over the limit of " + policy.crlMaxBytes() + " bytes"))
                : CrlParser.parse(body, issuer, url, lines);
        if (parsed.snapshot().isPresent()) {
            CrlSnapshot snapshot = parsed.snapshot().get();
            Instant until = until(snapshot, policy);
            if (fresh(snapshot.thisUpdate(), until, clock.instant(), policy)
                    && !query.validationTime().isAfter(until.plus(policy.tolerance()))) {
                return Optional.of(parsed);
            }
        }
        trace.addAll(parsed.trace());
        trace.add("CRL: the shared store's copy of " + url + " is refused (not a verified, current CRL of this issuer): "
                + "fetched anew");
        return Optional.empty();
    }

    /** Keeps a downloaded CRL that verified in the store, until its nextUpdate. */
    void keepCrl(String url, X509CertificateHolder issuer, RevocationQuery query, byte[] body, CrlParser.Parsed parsed) {
        if (!store.shared() || parsed.snapshot().isEmpty()) {
            return;
        }
        Instant until = until(parsed.snapshot().get(), query.policy());
        store.put(SharedEvidenceStore.Kind.CRL, crlKey(url, issuer), body, Duration.between(clock.instant(), until));
    }

    private static Instant until(CrlSnapshot snapshot, RevocationPolicy policy) {
        return snapshot.nextUpdate().orElseGet(() -> snapshot.thisUpdate().plus(policy.maxAgeWithoutNextUpdate()));
    }

    /** Current now: issued no later than now (within the tolerance), usable until after now. */
    private static boolean fresh(Instant thisUpdate, Instant until, Instant now, RevocationPolicy policy) {
        return now.isBefore(until) && !thisUpdate.isAfter(now.plus(policy.tolerance()));
    }

    private static String crlKey(String url, X509CertificateHolder issuer) {
        try {
            return url + "|" + Bc.sha256Hex(issuer.getEncoded());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parsed certificate encodes", e);
        }
    }
}
