package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.CountingTransport;
import org.qtrust.adapters.ocsp.testing.LocalHttpServer;
import org.qtrust.adapters.ocsp.testing.OpensslResponder;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.core.revocation.RevocationJudgement;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationProblem;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * OCSP against real {@code openssl ocsp} responders on 127.0.0.1, over a test CA created here.
 * Each test uses a fresh checker (empty caches) unless it tests the cache.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OpensslOcspIntegrationTest {

    private static RevocationWorld world;

    private static final RevocationPolicy OCSP_ONLY = RevocationPolicy.defaults()
            .withOrder(List.of(RevocationSource.OCSP));

    @BeforeAll
    static void startResponders() throws Exception {
        assumeTrue(OpensslResponder.available(), "openssl is not installed (CI installs it in .ci/run)");
        world = new RevocationWorld(true);
    }

    @AfterAll
    static void stopResponders() {
        if (world != null) {
            world.close();
        }
    }

    private static OcspCrlRevocationChecker checker() {
        return checker(world.transport);
    }

    private static OcspCrlRevocationChecker checker(HttpTransport transport) {
        return new OcspCrlRevocationChecker(transport, Clock.systemUTC());
    }

    private static RevocationOutcome check(X509Certificate certificate, RevocationPolicy policy) {
        return checker().check(certificate, world.issuer(), RevocationQuery.at(Instant.now(), policy));
    }

    @Test
    void a_good_certificate_is_good_with_the_response_times() {
        RevocationOutcome outcome = check(world.goodLeaf.certificate(), OCSP_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.source()).contains(RevocationSource.OCSP);
        assertThat(outcome.producedAt()).isPresent();
        assertThat(outcome.thisUpdate()).isPresent();
        assertThat(outcome.nextUpdate().orElseThrow()).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(outcome.revokedAt()).isEmpty();
        assertThat(outcome.trace()).anyMatch(line -> line.contains("POST " + world.caResponder.url()))
                .anyMatch(line -> line.contains("signed by the issuing CA"))
                .anyMatch(line -> line.contains("CertID matches (SHA-1)"))
                .anyMatch(line -> line.contains("nonce matches"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).trusted()).isTrue();
    }

    @Test
    void a_revoked_certificate_reports_revocation_time_and_reason() {
        RevocationOutcome outcome = check(world.revokedLeaf.certificate(), OCSP_ONLY.withMode(RevocationMode.REQUIRE));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(outcome.revokedAt()).contains(world.revokedAt);
        assertThat(outcome.reason()).contains(RevocationReason.KEY_COMPROMISE);
        RevocationJudgement judgement = RevocationMode.PREFER.judge(outcome);
        assertThat(judgement.trusted()).isFalse();
        assertThat(judgement.problem()).contains(RevocationProblem.REVOKED);
        assertThat(judgement.problem().orElseThrow().code()).isEqualTo("certificate_revoked");
    }

    @Test
    void a_certificate_revoked_after_the_validation_time_was_good_at_that_time() {
        Instant before = world.revokedLaterAt.minus(Duration.ofDays(1));
        RevocationOutcome outcome = checker().check(world.revokedLaterLeaf.certificate(), world.issuer(),
                RevocationQuery.at(before, OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.revokedAt()).contains(world.revokedLaterAt);
        assertThat(outcome.reason()).contains(RevocationReason.SUPERSEDED);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("after the validation time"));

        RevocationOutcome now = checker().check(world.revokedLaterLeaf.certificate(), world.issuer(),
                RevocationQuery.at(Instant.now(), OCSP_ONLY));
        assertThat(now.status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void a_certificate_the_responder_does_not_know_is_unknown() {
        RevocationOutcome outcome = check(world.unknownLeaf.certificate(), OCSP_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("the responder says unknown"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code()).isEqualTo("revocation_unknown");
        RevocationJudgement prefer = RevocationMode.PREFER.judge(outcome);
        assertThat(prefer.trusted()).isTrue();
        assertThat(prefer.warning()).isPresent();
    }

    @Test
    void sha256_cert_id_and_get_requests_work() {
        RevocationOutcome outcome = check(world.goodLeaf.certificate(),
                OCSP_ONLY.withCertIdHash(RevocationPolicy.CertIdHash.SHA256).withOcspGet(true));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.startsWith("OCSP: GET " + world.caResponder.url()))
                .anyMatch(line -> line.contains("CertID matches (SHA-256)"));
    }

    @Test
    void a_delegated_responder_issued_by_the_ca_with_ocsp_signing_is_accepted() {
        RevocationOutcome outcome = check(world.revokedLeaf.certificate(),
                OCSP_ONLY.withOcspUrlOverride(world.delegateResponder.url()));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("POST " + world.delegateResponder.url()))
                .anyMatch(line -> line.contains("a delegated responder issued by the CA with id-kp-OCSPSigning"))
                .anyMatch(line -> line.contains("id-pkix-ocsp-nocheck"));
    }

    @Test
    void a_responder_the_ca_did_not_authorise_is_refused() {
        RevocationOutcome outcome = check(world.revokedLeaf.certificate(),
                OCSP_ONLY.withOcspUrlOverride(world.rogueResponder.url()).withMode(RevocationMode.REQUIRE));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("is not authorised"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem()).contains(RevocationProblem.UNKNOWN);
    }

    @Test
    void a_responder_a_trusted_list_lists_for_the_ca_is_accepted() {
        RevocationQuery query = RevocationQuery.at(Instant.now(),
                        OCSP_ONLY.withOcspUrlOverride(world.rogueResponder.url()))
                .withListedResponders(Set.of(world.rogue.certificate()));
        RevocationOutcome outcome = checker().check(world.goodLeaf.certificate(), world.issuer(), query);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("a trusted list lists for this CA"));
    }

    @Test
    void a_stale_response_does_not_count() {
        Instant later = Instant.now().plus(Duration.ofDays(3)); // -ndays 1: nextUpdate is tomorrow
        RevocationOutcome outcome = checker().check(world.goodLeaf.certificate(), world.issuer(),
                RevocationQuery.at(later, OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("stale"));
    }

    @Test
    void a_response_without_next_update_is_fresh_for_the_maximum_age_only() {
        RevocationPolicy policy = OCSP_ONLY.withOcspUrlOverride(world.noNextUpdateResponder.url())
                .withMaxAgeWithoutNextUpdate(Duration.ofHours(1));
        RevocationOutcome now = checker().check(world.goodLeaf.certificate(), world.issuer(),
                RevocationQuery.at(Instant.now(), policy));
        RevocationOutcome inTwoHours = checker().check(world.goodLeaf.certificate(), world.issuer(),
                RevocationQuery.at(Instant.now().plus(Duration.ofHours(2)), policy));

        assertThat(now.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(now.nextUpdate()).isEmpty();
        assertThat(inTwoHours.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(inTwoHours.trace()).anyMatch(line -> line.contains("stale") && line.contains("no nextUpdate"));
    }

    @Test
    void a_replayed_response_with_another_nonce_is_refused() throws Exception {
        // Capture a genuine response from OpenSSL to a request carrying some nonce…
        CertificateID id = new CertificateID(Bc.digests().get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1)), Bc.holder(world.issuer()), RevocationWorld.GOOD);
        byte[] oldNonce = new DEROctetString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).getEncoded();
        byte[] request = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(
                new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, oldNonce))).build().getEncoded();
        HttpExchange.Response captured = world.transport.send(
                HttpExchange.Request.post(world.caResponder.url(), "application/ocsp-request", request, 65536));
        assertThat(captured.status()).isEqualTo(200);
        // …and replay it from a fake responder to every later request.
        world.http.route("/replay", LocalHttpServer.Reply.ok("application/ocsp-response", captured.body()));
        RevocationPolicy viaReplay = OCSP_ONLY.withOcspUrlOverride(world.http.url("/replay"));

        RevocationOutcome withNonce = check(world.goodLeaf.certificate(), viaReplay);
        RevocationOutcome withoutNonce = check(world.goodLeaf.certificate(),
                viaReplay.withNonce(RevocationPolicy.NonceMode.OFF));

        assertThat(withNonce.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(withNonce.trace()).anyMatch(line -> line.contains("nonce mismatch"));
        assertThat(withoutNonce.status()).as("the replayed response is otherwise genuine").isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void a_responder_that_is_down_gives_unknown_and_the_crl_takes_over() throws Exception {
        String down = RevocationWorld.closedPortUrl();
        RevocationOutcome ocspOnly = check(world.goodLeaf.certificate(), OCSP_ONLY.withOcspUrlOverride(down));
        RevocationOutcome withFallback = check(world.goodLeaf.certificate(),
                RevocationPolicy.defaults().withOcspUrlOverride(down));

        assertThat(ocspOnly.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(ocspOnly.trace()).anyMatch(line -> line.contains("no answer from " + down + ": CONNECTION_FAILED"));
        assertThat(withFallback.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(withFallback.source()).contains(RevocationSource.CRL);
    }

    @Test
    void a_responder_that_hangs_is_bounded_by_the_transport_timeout() throws Exception {
        ServerSocket hanging = world.hangingServer();
        String url = "http://127.0.0.1:" + hanging.getLocalPort() + "/";
        RevocationOutcome outcome = checker(world.impatientTransport)
                .check(world.goodLeaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), OCSP_ONLY.withOcspUrlOverride(url)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        // The transport's timeout ended the exchange (not the test's own timeout): the trace names it.
        assertThat(outcome.trace()).anyMatch(line -> line.contains("TIMEOUT"));
    }

    @Test
    void a_second_check_is_served_from_the_cache() {
        CountingTransport counting = new CountingTransport(world.transport, Duration.ZERO);
        OcspCrlRevocationChecker checker = checker(counting);
        RevocationQuery query = RevocationQuery.at(Instant.now(), OCSP_ONLY);

        RevocationOutcome first = checker.check(world.revokedLeaf.certificate(), world.issuer(), query);
        RevocationOutcome second = checker.check(world.revokedLeaf.certificate(), world.issuer(), query);

        assertThat(counting.count()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(second.revokedAt()).isEqualTo(first.revokedAt());
        assertThat(second.trace()).anyMatch(line -> line.contains("answer from the cache"));
    }

    @Test
    void the_cache_respects_the_validation_time() {
        CountingTransport counting = new CountingTransport(world.transport, Duration.ZERO);
        OcspCrlRevocationChecker checker = checker(counting);

        checker.check(world.goodLeaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), OCSP_ONLY));
        RevocationOutcome later = checker.check(world.goodLeaf.certificate(), world.issuer(),
                RevocationQuery.at(Instant.now().plus(Duration.ofDays(3)), OCSP_ONLY));

        assertThat(counting.count()).as("the cached answer does not cover that time: asked again").isEqualTo(2);
        assertThat(later.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void concurrent_callers_for_the_same_certificate_share_one_fetch() throws Exception {
        CountingTransport slow = new CountingTransport(world.transport, Duration.ofMillis(300));
        OcspCrlRevocationChecker checker = checker(slow);
        RevocationQuery query = RevocationQuery.at(Instant.now(), OCSP_ONLY);
        int callers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RevocationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return checker.check(world.goodLeaf.certificate(), world.issuer(), query);
                }));
            }
            start.countDown();
            for (Future<RevocationOutcome> outcome : outcomes) {
                assertThat(outcome.get(10, TimeUnit.SECONDS).status()).isEqualTo(RevocationStatus.GOOD);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slow.count()).isEqualTo(1);
    }
}
