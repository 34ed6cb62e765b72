package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.FakeOcspResponder;
import org.qtrust.adapters.ocsp.testing.LocalHttpServer;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.adapters.ocsp.testing.TestPki;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;

/**
 * Issue 14.4: evidence produced after a certificate expired proves "good" only when the CRL's
 * ExpiredCertsOnCRL, the OCSP answer's archiveCutoff or the trusted list's
 * ExpiredCertsRevocationInfo reaches back to the certificate's notAfter.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ExpiredCertificateEvidenceTest {

    private static final RevocationPolicy CRL_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.CRL))
            .withMode(RevocationMode.REQUIRE);
    private static final RevocationPolicy OCSP_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.OCSP))
            .withMode(RevocationMode.REQUIRE);
    private static final BigInteger EXPIRED_SERIAL = BigInteger.valueOf(0xE001);
    private static final BigInteger EXPIRED_REVOKED_SERIAL = BigInteger.valueOf(0xE002);

    private static RevocationWorld world;
    private static Instant notAfter;
    private static TestPki.Identity expired;
    private static TestPki.Identity expiredRevoked;

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
        notAfter = world.now.minus(Duration.ofDays(10));
        Instant from = world.now.minus(Duration.ofDays(29));
        String ocsp = world.http.url("/expired-ocsp");
        String crl = world.http.url("/expired.crl");
        expired = TestPki.issue("expired", world.ca, EXPIRED_SERIAL, from, notAfter, TestPki.leaf(ocsp, crl));
        expiredRevoked = TestPki.issue("expired revoked", world.ca, EXPIRED_REVOKED_SERIAL, from, notAfter,
                TestPki.leaf(ocsp, crl));
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** The validation time: while the certificate was still valid (a historical question). */
    private static Instant whileValid() {
        return notAfter.minus(Duration.ofDays(1));
    }

    private static RevocationOutcome check(TestPki.Identity leaf, RevocationQuery query) {
        return new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(leaf.certificate(), world.issuer(), query);
    }

    /** A CRL issued now (after the notAfter), optionally with ExpiredCertsOnCRL, listing the expired revoked certificate. */
    private static void serveCrl(Instant expiredCertsOnCrl) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(world.ca.name(), Date.from(world.now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(world.now.plus(Duration.ofDays(1))));
            builder.addCRLEntry(EXPIRED_REVOKED_SERIAL, Date.from(notAfter.minus(Duration.ofDays(5))),
                    CRLReason.keyCompromise);
            if (expiredCertsOnCrl != null) {
                builder.addExtension(Extension.expiredCertsOnCRL, false, new DERGeneralizedTime(Date.from(expiredCertsOnCrl)));
            }
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(world.ca.privateKey()))
                    .getEncoded();
            world.http.route("/expired.crl", LocalHttpServer.Reply.ok("application/pkix-crl", der));
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeOcspResponder.Scenario ocspNow() {
        return FakeOcspResponder.Scenario.signedBy(world.issuer(), world.issuer(), world.ca.privateKey(),
                Instant.now().minusSeconds(5));
    }

    @Test
    void a_crl_issued_after_expiry_without_expired_certs_on_crl_proves_nothing() {
        serveCrl(null);

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), CRL_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("later than the certificate's notAfter " + notAfter)
                && line.contains("ExpiredCertsOnCRL (2.5.29.60) (absent)"));
        assertThat(RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code()).isEqualTo("revocation_unknown");
    }

    @Test
    void a_crl_whose_expired_certs_on_crl_reaches_back_to_the_not_after_proves_good() {
        serveCrl(notAfter.minus(Duration.ofDays(100)));

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), CRL_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("ExpiredCertsOnCRL (2.5.29.60)")
                && line.contains("reaches back to it"));
    }

    @Test
    void a_crl_whose_expired_certs_on_crl_starts_after_the_not_after_proves_nothing() {
        serveCrl(notAfter.plus(Duration.ofDays(1)));

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), CRL_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("not accepted as proof of good"));
    }

    @Test
    void the_trusted_lists_expired_certs_revocation_info_lets_a_later_crl_prove_good() {
        serveCrl(null);
        RevocationQuery reaching = RevocationQuery.at(whileValid(), CRL_ONLY)
                .withExpiredCertsRevocationInfo(Optional.of(notAfter.minus(Duration.ofDays(365))));
        RevocationQuery tooLate = RevocationQuery.at(whileValid(), CRL_ONLY)
                .withExpiredCertsRevocationInfo(Optional.of(notAfter.plusSeconds(1)));

        RevocationOutcome good = check(expired, reaching);
        RevocationOutcome unknown = check(expired, tooLate);

        assertThat(good.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(good.trace()).anyMatch(line -> line.contains("ExpiredCertsRevocationInfo")
                && line.contains("TS 119 612 §5.5.9.1"));
        assertThat(unknown.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void a_revocation_on_a_later_crl_still_counts_without_any_of_them() {
        serveCrl(null);

        RevocationOutcome outcome = check(expiredRevoked, RevocationQuery.at(whileValid(), CRL_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void an_ocsp_good_after_expiry_without_archive_cutoff_proves_nothing() {
        FakeOcspResponder.serve(world.http, "/expired-ocsp", ocspNow());

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("archiveCutoff (RFC 6960 §4.4.4) (absent)"));
    }

    @Test
    void an_ocsp_good_after_expiry_with_an_archive_cutoff_before_the_not_after_proves_good() {
        FakeOcspResponder.serve(world.http, "/expired-ocsp", ocspNow().withArchiveCutoff(notAfter.minus(Duration.ofDays(30))));

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("archiveCutoff") && line.contains("reaches back to it"));
    }

    @Test
    void an_ocsp_archive_cutoff_after_the_not_after_proves_nothing() {
        FakeOcspResponder.serve(world.http, "/expired-ocsp", ocspNow().withArchiveCutoff(notAfter.plusSeconds(60)));

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void an_ocsp_answer_dated_before_the_not_after_is_judged_as_before() {
        Instant before = notAfter.minus(Duration.ofHours(2));
        FakeOcspResponder.serve(world.http, "/expired-ocsp",
                ocspNow().withTimes(before, notAfter.plus(Duration.ofDays(30)), before).withStatus(CertificateStatus.GOOD));

        RevocationOutcome outcome = check(expired, RevocationQuery.at(whileValid(), OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
    }
}
