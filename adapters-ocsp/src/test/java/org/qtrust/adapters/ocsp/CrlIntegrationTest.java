package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.CRLReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.CountingTransport;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.adapters.ocsp.testing.TestPki;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;

/** CRLs served by a JDK HTTP server on 127.0.0.1. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CrlIntegrationTest {

    private static RevocationWorld world;
    private static final RevocationPolicy CRL_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.CRL));

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void currentCrl() {
        world.serveCrl(world.currentCrl());
    }

    private static RevocationOutcome check(TestPki.Identity leaf, RevocationPolicy policy) {
        return new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(leaf.certificate(), world.issuer(), RevocationQuery.at(Instant.now(), policy));
    }

    @Test
    void a_certificate_not_on_the_crl_is_good() {
        RevocationOutcome outcome = check(world.goodLeaf, CRL_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.source()).contains(RevocationSource.CRL);
        assertThat(outcome.producedAt()).isEmpty();
        assertThat(outcome.thisUpdate()).isPresent();
        assertThat(outcome.nextUpdate()).isPresent();
        assertThat(outcome.trace()).anyMatch(line -> line.contains("signature verifies with the issuing CA's key"))
                .anyMatch(line -> line.contains("2 entries indexed"));
    }

    @Test
    void a_certificate_on_the_crl_is_revoked_with_time_and_reason() {
        RevocationOutcome outcome = check(world.revokedLeaf, CRL_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(outcome.revokedAt()).contains(world.revokedAt);
        assertThat(outcome.reason()).contains(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationMode.PREFER.judge(outcome).problem().orElseThrow().code()).isEqualTo("certificate_revoked");
    }

    @Test
    void a_revocation_listed_after_the_validation_time_means_good_then() {
        RevocationOutcome outcome = new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(world.revokedLaterLeaf.certificate(), world.issuer(),
                        RevocationQuery.at(world.revokedLaterAt.minusSeconds(60), CRL_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.revokedAt()).contains(world.revokedLaterAt);
        assertThat(outcome.reason()).contains(RevocationReason.SUPERSEDED);
    }

    @Test
    void a_crl_signed_by_the_wrong_key_is_refused() {
        world.serveCrl(TestPki.crl(world.ca.name(), world.otherCa.privateKey(), world.now.minusSeconds(60),
                world.now.plus(Duration.ofDays(1)), Map.of()));

        RevocationOutcome outcome = check(world.revokedLeaf, CRL_ONLY.withMode(RevocationMode.REQUIRE));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("signature does not verify with the issuing CA's key"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code()).isEqualTo("revocation_unknown");
    }

    @Test
    void a_crl_of_another_issuer_is_refused() {
        TestPki.Identity stranger = TestPki.rootCa("Some Other CA", world.now.minus(Duration.ofDays(1)),
                world.now.plus(Duration.ofDays(1)));
        world.serveCrl(TestPki.crl(stranger.name(), stranger.privateKey(), world.now.minusSeconds(60),
                world.now.plus(Duration.ofDays(1)), Map.of()));

        RevocationOutcome outcome = check(world.goodLeaf, CRL_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("not by the certificate's issuer"));
    }

    @Test
    void an_expired_crl_does_not_count() {
        world.serveCrl(TestPki.crl(world.ca.name(), world.ca.privateKey(), world.now.minus(Duration.ofDays(10)),
                world.now.minus(Duration.ofDays(3)), Map.of()));

        RevocationOutcome outcome = check(world.goodLeaf, CRL_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("CRL: stale"));
    }

    @Test
    void an_expired_crl_still_proves_an_earlier_revocation() {
        world.serveCrl(TestPki.crl(world.ca.name(), world.ca.privateKey(), world.now.minus(Duration.ofHours(20)),
                world.now.minus(Duration.ofHours(2)),
                Map.of(RevocationWorld.REVOKED, new TestPki.Revoked(world.revokedAt, CRLReason.keyCompromise))));

        RevocationOutcome outcome = check(world.revokedLeaf, CRL_ONLY);

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void a_crl_scoped_to_another_distribution_point_is_not_the_certificates_crl() throws Exception {
        // RFC 5280 §6.3.3 (b)(2)(i): the leaf's distribution point is /ca.crl; this CRL covers another partition
        org.bouncycastle.cert.X509v2CRLBuilder builder = new org.bouncycastle.cert.X509v2CRLBuilder(world.ca.name(),
                java.util.Date.from(world.now.minusSeconds(60)));
        builder.setNextUpdate(java.util.Date.from(world.now.plus(Duration.ofDays(1))));
        builder.addExtension(org.bouncycastle.asn1.x509.Extension.issuingDistributionPoint, true,
                new org.bouncycastle.asn1.x509.IssuingDistributionPoint(new org.bouncycastle.asn1.x509.DistributionPointName(
                        new org.bouncycastle.asn1.x509.GeneralNames(new org.bouncycastle.asn1.x509.GeneralName(
                                org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier,
                                "http://crl.example/partition-2.crl"))), false, false, null, false, false));
        world.serveCrl(builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                .build(world.ca.privateKey())).getEncoded());

        RevocationOutcome outcome = check(world.revokedLeaf, CRL_ONLY.withMode(RevocationMode.REQUIRE));

        assertThat(outcome.status()).as("absent from another partition's CRL proves nothing").isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("partition-2.crl") && line.contains("§6.3.3 (b)(2)(i)"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code()).isEqualTo("revocation_unknown");
    }

    @Test
    void a_pem_crl_is_read_too() {
        String pem = "-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder().encodeToString(world.currentCrl())
                + "\n-----END X509 CRL-----\n";
        world.serveCrl(pem.getBytes(StandardCharsets.US_ASCII));

        assertThat(check(world.revokedLeaf, CRL_ONLY).status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void the_crl_comes_first_when_the_policy_says_so() {
        RevocationOutcome outcome = check(world.goodLeaf,
                RevocationPolicy.defaults().withOrder(List.of(RevocationSource.CRL, RevocationSource.OCSP)));

        assertThat(outcome.source()).contains(RevocationSource.CRL);
        assertThat(world.http.hits("/ocsp")).isZero();
    }

    @Test
    void one_crl_fetch_serves_every_certificate_of_the_ca_until_next_update() {
        CountingTransport counting = new CountingTransport(world.transport, Duration.ZERO);
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(counting, Clock.systemUTC());
        RevocationQuery query = RevocationQuery.at(Instant.now(), CRL_ONLY);

        assertThat(checker.check(world.goodLeaf.certificate(), world.issuer(), query).status())
                .isEqualTo(RevocationStatus.GOOD);
        RevocationOutcome revoked = checker.check(world.revokedLeaf.certificate(), world.issuer(), query);
        RevocationOutcome again = checker.check(world.goodLeaf.certificate(), world.issuer(), query);

        assertThat(revoked.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(revoked.trace()).anyMatch(line -> line.contains("from the cache"));
        assertThat(again.trace()).anyMatch(line -> line.contains("answer from the cache"));
        assertThat(counting.count()).isEqualTo(1);
        assertThat(checker.cacheSizes().crls()).isEqualTo(1);
    }

    @Test
    void concurrent_callers_share_one_crl_download() throws Exception {
        CountingTransport slow = new CountingTransport(world.transport, Duration.ofMillis(300));
        OcspCrlRevocationChecker checker = new OcspCrlRevocationChecker(slow, Clock.systemUTC());
        RevocationQuery query = RevocationQuery.at(Instant.now(), CRL_ONLY);
        List<TestPki.Identity> leaves = List.of(world.goodLeaf, world.revokedLeaf, world.unknownLeaf,
                world.revokedLaterLeaf);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RevocationOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                TestPki.Identity leaf = leaves.get(i % leaves.size());
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return checker.check(leaf.certificate(), world.issuer(), query);
                }));
            }
            start.countDown();
            for (Future<RevocationOutcome> outcome : outcomes) {
                assertThat(outcome.get(10, TimeUnit.SECONDS).status()).isNotEqualTo(RevocationStatus.UNKNOWN);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slow.count()).isEqualTo(1);
    }

    @Test
    void a_large_crl_is_indexed_once_and_looked_up_by_serial() {
        java.util.HashMap<BigInteger, TestPki.Revoked> entries = new java.util.HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            entries.put(BigInteger.valueOf(0x100000L + i), new TestPki.Revoked(world.now.minus(Duration.ofDays(2)),
                    CRLReason.superseded));
        }
        entries.put(RevocationWorld.REVOKED, new TestPki.Revoked(world.revokedAt, CRLReason.cessationOfOperation));
        world.serveCrl(TestPki.crl(world.ca.name(), world.ca.privateKey(), world.now.minusSeconds(60),
                world.now.plus(Duration.ofDays(1)), entries));

        RevocationOutcome revoked = check(world.revokedLeaf, CRL_ONLY);
        RevocationOutcome good = check(world.goodLeaf, CRL_ONLY);

        assertThat(revoked.reason()).contains(RevocationReason.CESSATION_OF_OPERATION);
        assertThat(good.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(good.trace()).anyMatch(line -> line.contains("20001 entries indexed"));
    }
}
