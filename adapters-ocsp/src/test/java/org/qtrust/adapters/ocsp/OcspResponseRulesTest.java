package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.ocsp.testing.FakeOcspResponder;
import org.qtrust.adapters.ocsp.testing.FakeOcspResponder.Scenario;
import org.qtrust.adapters.ocsp.testing.RevocationWorld;
import org.qtrust.adapters.ocsp.testing.TestPki;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.revocation.RevocationStatus;

/** The acceptance rules for an OCSP response, on responses OpenSSL would not produce (built with Bouncy Castle). */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OcspResponseRulesTest {

    private static RevocationWorld world;
    private static final RevocationPolicy OCSP_ONLY = RevocationPolicy.defaults().withOrder(List.of(RevocationSource.OCSP));

    @BeforeAll
    static void start() throws Exception {
        world = new RevocationWorld(false);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static Scenario byCa() {
        return Scenario.signedBy(world.issuer(), world.issuer(), world.ca.privateKey(), Instant.now().minusSeconds(5));
    }

    private static RevocationOutcome answer(Scenario scenario) {
        return answer(scenario, OCSP_ONLY, Instant.now());
    }

    private static RevocationOutcome answer(Scenario scenario, RevocationPolicy policy, Instant at) {
        FakeOcspResponder.serve(world.http, "/ocsp", scenario);
        return new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(world.goodLeaf.certificate(), world.issuer(), RevocationQuery.at(at, policy));
    }

    private static TestPki.Identity delegate(java.util.function.Consumer<org.bouncycastle.cert.X509v3CertificateBuilder> extensions,
                                             Instant from, Instant to) {
        return TestPki.issue("Delegate", world.ca, BigInteger.valueOf(System.nanoTime()), from, to, extensions);
    }

    /** A 16384-bit RSA public key given only as its SubjectPublicKeyInfo: nothing may be verified with it. */
    private static java.security.PublicKey hugeRsa() throws java.io.IOException {
        BigInteger modulus = BigInteger.ONE.shiftLeft(16383).add(BigInteger.valueOf(0x2F));
        byte[] encoded = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE),
                new org.bouncycastle.asn1.pkcs.RSAPublicKey(modulus, BigInteger.valueOf(65537))).getEncoded();
        return new java.security.PublicKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return encoded.clone();
            }
        };
    }

    @Test
    void a_responder_certificate_with_a_key_above_the_limits_is_never_tried() throws Exception {
        // issue 14.11: key limits before any signature work, in the revocation adapter too
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Huge Responder,O=QTrust Test,C=EU");
        java.security.cert.X509Certificate huge = TestPki.build(name, hugeRsa(), world.ca.name(), world.ca.privateKey(),
                BigInteger.valueOf(0xBEEF), Instant.now().minusSeconds(3600), Instant.now().plusSeconds(86_400),
                TestPki::ocspSigning);

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), huge, TestPki.ecKeys().getPrivate(),
                Instant.now().minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("Huge Responder") && line.contains("not tried")
                && line.contains("RSA-16384 key above the maximum of 8192 bits"));
    }

    @Test
    void a_response_signed_by_the_ca_is_good() {
        assertThat(answer(byCa()).status()).isEqualTo(RevocationStatus.GOOD);
    }

    @Test
    void a_sha256_cert_id_answering_a_sha1_request_is_matched_by_recomputing_it() {
        RevocationOutcome outcome = answer(byCa().withSha256CertId());

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("SHA1 CertID"))
                .anyMatch(line -> line.contains("CertID matches (SHA-256)"));
    }

    @Test
    void a_response_about_another_certificate_is_refused() {
        RevocationOutcome outcome = answer(byCa().withSerial(BigInteger.valueOf(0x9999)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("no SingleResponse has this certificate's CertID"));
    }

    @Test
    void a_tampered_signature_is_refused() {
        RevocationOutcome outcome = answer(byCa().tampered());

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("signature does not verify"));
    }

    @Test
    void an_unsuccessful_response_status_is_reported() {
        RevocationOutcome outcome = answer(byCa().withResponseStatus(OCSPRespBuilder.TRY_LATER));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("tryLater (3)"));
    }

    @Test
    void a_response_dated_in_the_future_is_refused() {
        Instant future = Instant.now().plus(Duration.ofHours(2));
        RevocationOutcome outcome = answer(byCa().withTimes(future, future.plus(Duration.ofDays(1)), Instant.now()));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("is in the future"));
    }

    @Test
    void a_missing_nonce_echo_is_tolerated_unless_required() {
        RevocationOutcome tolerated = answer(byCa().withoutNonce());
        RevocationOutcome required = answer(byCa().withoutNonce(),
                OCSP_ONLY.withNonce(RevocationPolicy.NonceMode.REQUIRE), Instant.now());

        assertThat(tolerated.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(tolerated.trace()).anyMatch(line -> line.contains("carries no nonce"));
        assertThat(required.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(required.trace()).anyMatch(line -> line.contains("does not echo the nonce"));
    }

    @Test
    void a_responder_identified_by_key_hash_without_certificates_is_found() {
        RevocationOutcome outcome = answer(byCa().withByKey(true).withIncludeSigner(false));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("signed by the issuing CA"));
    }

    @Test
    void a_delegate_without_id_kp_ocsp_signing_is_refused() {
        Instant now = Instant.now();
        TestPki.Identity noEku = delegate(builder -> { }, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), noEku.certificate(), noEku.privateKey(),
                now.minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("lacks id-kp-OCSPSigning"));
    }

    /** A delegated responder with id-kp-OCSPSigning, without id-pkix-ocsp-nocheck, naming a CRL when given one. */
    private static TestPki.Identity delegateWithoutNocheck(BigInteger serial, String crlPath) {
        Instant now = Instant.now();
        return TestPki.issue("Delegate " + serial, world.ca, serial, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                builder -> {
                    TestPki.add(builder, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    if (crlPath != null) {
                        TestPki.add(builder, Extension.cRLDistributionPoints, false, new org.bouncycastle.asn1.x509.CRLDistPoint(
                                new org.bouncycastle.asn1.x509.DistributionPoint[] {new org.bouncycastle.asn1.x509.DistributionPoint(
                                        new org.bouncycastle.asn1.x509.DistributionPointName(new org.bouncycastle.asn1.x509.GeneralNames(
                                                new org.bouncycastle.asn1.x509.GeneralName(
                                                        org.bouncycastle.asn1.x509.GeneralName.uniformResourceIdentifier,
                                                        world.http.url(crlPath)))), null, null)}));
                    }
                });
    }

    private static void serveDelegatesCrl(String path, java.util.Map<BigInteger, TestPki.Revoked> entries) {
        world.http.route(path, org.qtrust.adapters.ocsp.testing.LocalHttpServer.Reply.ok("application/pkix-crl",
                TestPki.crl(world.ca.name(), world.ca.privateKey(), Instant.now().minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(1)), entries)));
    }

    @Test
    void a_delegate_without_nocheck_whose_own_status_cannot_be_had_does_not_satisfy_require() {
        // RFC 6960 §4.2.2.2.1: without id-pkix-ocsp-nocheck the responder's own status must be checked
        TestPki.Identity plain = delegateWithoutNocheck(BigInteger.valueOf(0xD101), null);

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), plain.certificate(), plain.privateKey(),
                Instant.now().minusSeconds(5)), OCSP_ONLY.withMode(org.qtrust.core.revocation.RevocationMode.REQUIRE), Instant.now());

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("has no id-pkix-ocsp-nocheck"))
                .anyMatch(line -> line.contains("names no CRL distribution point"))
                .anyMatch(line -> line.contains("does not count (RFC 6960 §4.2.2.2.1"));
        assertThat(org.qtrust.core.revocation.RevocationMode.REQUIRE.judge(outcome).problem().orElseThrow().code())
                .isEqualTo("revocation_unknown");
    }

    @Test
    void a_delegate_without_nocheck_that_is_good_on_the_cas_crl_is_accepted() {
        serveDelegatesCrl("/delegates-good.crl", java.util.Map.of());
        TestPki.Identity checked = delegateWithoutNocheck(BigInteger.valueOf(0xD102), "/delegates-good.crl");

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), checked.certificate(), checked.privateKey(),
                Instant.now().minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("was not revoked when it signed"));
        assertThat(world.http.hits("/delegates-good.crl")).isPositive();
    }

    @Test
    void a_revoked_delegate_without_nocheck_gives_no_good_answer() {
        BigInteger serial = BigInteger.valueOf(0xD103);
        serveDelegatesCrl("/delegates-revoked.crl", java.util.Map.of(serial,
                new TestPki.Revoked(Instant.now().minus(Duration.ofHours(1)), CRLReason.keyCompromise)));
        TestPki.Identity revoked = delegateWithoutNocheck(serial, "/delegates-revoked.crl");

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), revoked.certificate(), revoked.privateKey(),
                Instant.now().minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("own status is revoked"));
    }

    @Test
    void a_delegate_with_nocheck_is_not_itself_checked() {
        Instant now = Instant.now();
        TestPki.Identity nocheck = delegate(TestPki::ocspSigning, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), nocheck.certificate(), nocheck.privateKey(),
                now.minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("carries id-pkix-ocsp-nocheck"))
                .noneMatch(line -> line.contains("OCSP: delegated responder '"));
    }

    @Test
    void a_delegate_expired_when_the_response_was_produced_is_refused() {
        Instant now = Instant.now();
        TestPki.Identity expired = delegate(TestPki::ocspSigning, now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(2)));

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), expired.certificate(),
                expired.privateKey(), now.minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("was not valid at producedAt"));
    }

    @Test
    void a_delegate_of_another_ca_with_the_same_name_is_refused() {
        Instant now = Instant.now();
        TestPki.Identity foreign = TestPki.issue("Delegate", world.otherCa, BigInteger.TEN, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)), TestPki::ocspSigning);

        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), foreign.certificate(),
                foreign.privateKey(), now.minusSeconds(5)));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("is not authorised"));
    }

    @Test
    void a_responder_whose_certificate_is_nowhere_cannot_be_checked() {
        RevocationOutcome outcome = answer(Scenario.signedBy(world.issuer(), world.rogue.certificate(),
                world.rogue.privateKey(), Instant.now().minusSeconds(5)).withIncludeSigner(false));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("no certificate for the responder"));
    }

    @Test
    void a_hold_needs_a_current_answer_but_a_final_revocation_does_not() {
        Instant now = Instant.now();
        Instant held = now.minus(Duration.ofDays(2));
        Scenario onHold = byCa().withStatus(new RevokedStatus(Date.from(held), CRLReason.certificateHold));
        Scenario compromised = byCa().withStatus(new RevokedStatus(Date.from(held), CRLReason.keyCompromise));
        Instant inAWeek = now.plus(Duration.ofDays(7));

        RevocationOutcome holdNow = answer(onHold);
        RevocationOutcome holdLater = answer(onHold, OCSP_ONLY, inAWeek);
        RevocationOutcome compromisedLater = answer(compromised, OCSP_ONLY, inAWeek);

        assertThat(holdNow.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(holdNow.reason()).contains(RevocationReason.CERTIFICATE_HOLD);
        assertThat(holdLater.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(holdLater.trace()).anyMatch(line -> line.contains("a hold may have been lifted"));
        assertThat(compromisedLater.status()).isEqualTo(RevocationStatus.REVOKED);
    }

    @Test
    void a_certificate_the_issuer_did_not_sign_is_not_fetched_for() {
        Instant now = Instant.now();
        // Same issuer name, signed by another key: its AIA/CDP URLs are an attacker's choice.
        TestPki.Identity forged = TestPki.issue("forged", world.otherCa, RevocationWorld.GOOD, now.minusSeconds(60),
                now.plus(Duration.ofDays(1)), TestPki.leaf(world.http.url("/forged-ocsp"), world.http.url("/forged-crl")));

        RevocationOutcome outcome = new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(forged.certificate(), world.issuer(), RevocationQuery.at(now, RevocationPolicy.defaults()));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("does not verify with the given issuer's key"));
        assertThat(world.http.hits("/forged-ocsp") + world.http.hits("/forged-crl")).isZero();
    }

    @Test
    void checking_off_fetches_nothing() {
        RevocationOutcome outcome = answer(byCa(), OCSP_ONLY.withMode(org.qtrust.core.revocation.RevocationMode.OFF),
                Instant.now());

        assertThat(outcome.checked()).isFalse();
        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void a_wrong_issuer_gives_unknown_without_fetching() {
        RevocationOutcome outcome = new OcspCrlRevocationChecker(world.transport, Clock.systemUTC())
                .check(world.goodLeaf.certificate(), world.rogue.certificate(), RevocationQuery.at(Instant.now(), OCSP_ONLY));

        assertThat(outcome.status()).isEqualTo(RevocationStatus.UNKNOWN);
        assertThat(outcome.trace()).anyMatch(line -> line.contains("is not the given issuer"));
    }
}
