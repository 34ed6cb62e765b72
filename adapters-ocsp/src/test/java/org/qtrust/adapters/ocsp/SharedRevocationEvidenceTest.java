package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.FakeOcspResponder;
import org.qtrust.adapters.ocsp.testing.FakeOcspResponder.Scenario;
import org.qtrust.adapters.ocsp.testing.LocalHttpServer;
import org.qtrust.adapters.ocsp.testing.MemoryEvidenceStore;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.adapters.ocsp.testing.TestPki;
import org.qtrust.core.cache.port.SharedEvidenceStore;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;

/**
 * Issue 17.4: OCSP responses and CRLs shared by replicas through the {@link SharedEvidenceStore}
 * port — one replica's download serves another, and whatever the store gives back is verified as
 * a download is (a tampered, foreign, stale or oversized entry is ignored and fetched anew).
 * Each "replica" is a checker of its own (own in-memory caches) over one store.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SharedRevocationEvidenceTest {

    private static RevocationWorld world;
    private static final RevocationPolicy OCSP_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.OCSP));
    private static final RevocationPolicy CRL_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.CRL));

    private MemoryEvidenceStore store;
    private final AtomicReference<byte[]> lastRequest = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void freshStore() {
        store = new MemoryEvidenceStore();
        respondWith(byCa());
        world.serveCrl(world.currentCrl());
    }

    private static Scenario byCa() {
        return Scenario.signedBy(world.issuer(), world.issuer(), world.ca.privateKey(), Instant.now().minusSeconds(5));
    }

    private void respondWith(Scenario scenario) {
        world.http.route("/ocsp", body -> {
            lastRequest.set(body);
            return LocalHttpServer.Reply.ok("application/ocsp-response", FakeOcspResponder.answer(body, scenario));
        });
    }

    private RevocationOutcome replica(RevocationPolicy policy) {
        return replica(policy, world.goodLeaf);
    }

    private RevocationOutcome replica(RevocationPolicy policy, TestPki.Identity leaf) {
        return new OcspCrlRevocationChecker(world.transport, Clock.systemUTC(), 100, 10, OutboundLimits.DEFAULTS, store)
                .check(leaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), policy));
    }

    @Test
    void one_replicas_ocsp_answer_serves_another_and_is_kept_no_longer_than_its_next_update() {
        int before = world.http.hits("/ocsp");

        RevocationOutcome first = replica(OCSP_ONLY);
        RevocationOutcome second = replica(OCSP_ONLY);

        assertThat(first.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(second.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(world.http.hits("/ocsp") - before).as("the responder is asked once for both replicas").isEqualTo(1);
        assertThat(second.trace()).anyMatch(line -> line.contains("from the shared store") && line.contains("checked as a fresh download"))
                .anyMatch(line -> line.contains("signature verifies; signed by the issuing CA"));
        MemoryEvidenceStore.Stored stored = store.only(SharedEvidenceStore.Kind.OCSP).getValue();
        // nextUpdate is a day after thisUpdate (5 s ago): the store keeps it at most that long
        assertThat(stored.timeToLive()).isPositive().isLessThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void a_tampered_ocsp_entry_is_refused_and_the_answer_fetched_anew() {
        replica(OCSP_ONLY);
        Map.Entry<String, MemoryEvidenceStore.Stored> entry = store.only(SharedEvidenceStore.Kind.OCSP);
        store.replace(entry.getKey(), FakeOcspResponder.answer(lastRequest.get(), byCa().tampered()));
        int before = world.http.hits("/ocsp");

        RevocationOutcome outcome = replica(OCSP_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(world.http.hits("/ocsp") - before).isEqualTo(1);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("the response signature does not verify"))
                .anyMatch(line -> line.contains("the shared store's answer is refused"));
        assertThat(store.only(SharedEvidenceStore.Kind.OCSP).getValue().bytes()).as("the fresh answer replaced it")
                .isNotEqualTo(FakeOcspResponder.answer(lastRequest.get(), byCa().tampered()));
    }

    @Test
    void a_revoked_answer_signed_by_another_ca_in_the_store_does_not_count() {
        replica(OCSP_ONLY);
        Map.Entry<String, MemoryEvidenceStore.Stored> entry = store.only(SharedEvidenceStore.Kind.OCSP);
        Scenario foreign = Scenario.signedBy(world.issuer(), world.otherCa.certificate(), world.otherCa.privateKey(),
                Instant.now().minusSeconds(5)).withStatus(new org.bouncycastle.cert.ocsp.RevokedStatus(
                java.util.Date.from(Instant.now().minusSeconds(60)), CRLReason.keyCompromise));
        store.replace(entry.getKey(), FakeOcspResponder.answer(lastRequest.get(), foreign));

        RevocationOutcome outcome = replica(OCSP_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("the shared store's answer is refused"));
    }

    @Test
    void a_stale_ocsp_entry_signed_by_the_ca_is_not_used() {
        replica(OCSP_ONLY);
        Map.Entry<String, MemoryEvidenceStore.Stored> entry = store.only(SharedEvidenceStore.Kind.OCSP);
        Instant old = Instant.now().minus(Duration.ofDays(3));
        store.replace(entry.getKey(), FakeOcspResponder.answer(lastRequest.get(),
                byCa().withTimes(old, old.plus(Duration.ofDays(1)), old)));
        int before = world.http.hits("/ocsp");

        RevocationOutcome outcome = replica(OCSP_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(world.http.hits("/ocsp") - before).isEqualTo(1);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("the shared store's answer is refused"));
    }

    @Test
    void under_a_required_nonce_the_store_is_not_read() {
        replica(OCSP_ONLY);
        int reads = store.reads();
        int before = world.http.hits("/ocsp");

        RevocationOutcome outcome = replica(OCSP_ONLY.withNonce(RevocationPolicy.NonceMode.REQUIRE));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(store.reads()).isEqualTo(reads);
        assertThat(world.http.hits("/ocsp") - before).isEqualTo(1);
    }

    @Test
    void one_replicas_crl_serves_another() {
        int before = world.http.hits("/ca.crl");

        RevocationOutcome good = replica(CRL_ONLY, world.goodLeaf);
        RevocationOutcome revoked = replica(CRL_ONLY, world.revokedLeaf);

        assertThat(good.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(revoked.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revoked.revokedAt()).contains(world.revokedAt);
        assertThat(world.http.hits("/ca.crl") - before).isEqualTo(1);
        assertThat(revoked.trace()).anyMatch(line -> line.contains("from the shared store"));
        assertThat(store.only(SharedEvidenceStore.Kind.CRL).getValue().timeToLive()).isLessThanOrEqualTo(Duration.ofDays(1));
    }

    @Test
    void a_crl_in_the_store_signed_by_another_key_is_refused_and_fetched_anew() {
        replica(CRL_ONLY, world.goodLeaf);
        Map.Entry<String, MemoryEvidenceStore.Stored> entry = store.only(SharedEvidenceStore.Kind.CRL);
        // same issuer name, another key, and it leaves the revoked certificate off
        store.replace(entry.getKey(), TestPki.crl(world.otherCa.name(), world.otherCa.privateKey(),
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)), Map.of()));
        int before = world.http.hits("/ca.crl");

        RevocationOutcome outcome = replica(CRL_ONLY, world.revokedLeaf);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(world.http.hits("/ca.crl") - before).isEqualTo(1);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("the shared store's copy") && line.contains("refused"));
    }

    @Test
    void an_expired_crl_in_the_store_is_not_used() {
        replica(CRL_ONLY, world.goodLeaf);
        Map.Entry<String, MemoryEvidenceStore.Stored> entry = store.only(SharedEvidenceStore.Kind.CRL);
        Instant old = Instant.now().minus(Duration.ofDays(3));
        store.replace(entry.getKey(), TestPki.crl(world.ca.name(), world.ca.privateKey(), old, old.plus(Duration.ofDays(1)),
                Map.of()));
        int before = world.http.hits("/ca.crl");

        RevocationOutcome outcome = replica(CRL_ONLY, world.revokedLeaf);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(world.http.hits("/ca.crl") - before).isEqualTo(1);
    }

    @Test
    void an_entry_over_the_policys_size_bound_is_not_read() {
        replica(CRL_ONLY, world.goodLeaf);
        int before = world.http.hits("/ca.crl");

        RevocationOutcome outcome = replica(CRL_ONLY.withLimits(CRL_ONLY.ocspMaxBytes(), 64), world.goodLeaf);

        // the store gives nothing over 64 bytes; the download is then over the limit too
        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(world.http.hits("/ca.crl") - before).isEqualTo(1);
        assertThat(outcome.trace()).noneMatch(line -> line.contains("from the shared store"));
    }
}
