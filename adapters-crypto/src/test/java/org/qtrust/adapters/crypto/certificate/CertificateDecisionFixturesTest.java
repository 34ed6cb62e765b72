package org.qtrust.adapters.crypto.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.ACCREDITED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.GRANTED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.SUPERVISION_CEASED;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.WITHDRAWN;

import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.fixtures.CustomCertificates;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot.Period;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.ListedService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.qualification.CertificateQualification;
import org.qtrust.core.policy.CryptoConstraints;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TimeThatCounts;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;

/**
 * Certificate decisions on the project's test PKI with real signatures: paths, look-alikes,
 * status over time, expiry, plain anchors and crypto constraints.
 */
class CertificateDecisionFixturesTest {

    private static final Instant VALIDATION = Instant.parse("2020-06-01T00:00:00Z");
    private static final Instant ISSUED = Instant.parse("2018-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    private final BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
    private final TestPki pki = TestPki.create("Decision Test");

    private Credential qualifiedLeaf(String name, Credential issuer, Instant from, Instant to) {
        return pki.endEntity(name).issuedBy(issuer).validity(from, to)
                .qcStatements(QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()).issue();
    }

    private CertificateDecisionService decisions(VerificationPolicy policy, TrustedList... lists) {
        List<ListSource> sources = List.of(lists).stream().map(ListSource::accepted).toList();
        return new CertificateDecisionService(TrustedServiceIndex.build(sources, policy.plainAnchors(), inspector), inspector, policy);
    }

    private TrustedList listWith(TrustedService service) {
        return TestSnapshot.list("BE", "Decision Test TSP", service);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateVerdict verify(CertificateDecisionService service, X509Certificate certificate, X509Certificate... chain) {
        return service.verify(new CertificateCheck(der(certificate), List.of(chain).stream().map(CertificateDecisionFixturesTest::der).toList(),
                VALIDATION));
    }

    @Nested
    class Paths {

        @Test
        void a_chain_through_an_intermediate_reaches_a_listed_root() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            Credential leaf = qualifiedLeaf("Alice", pki.intermediate(), ISSUED, EXPIRES);
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            CertificateVerdict verdict = verify(service, leaf.certificate(), pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
            assertThat(verdict.trusted()).isTrue();
            assertThat(verdict.territory()).contains("BE");
            assertThat(verdict.provider()).contains("Decision Test TSP");
            assertThat(verdict.service().orElseThrow().name()).isEqualTo("Root QC CA");
            assertThat(verdict.certificate().orElseThrow().path()).hasSize(2);
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(verdict.qcStatements().types()).containsExactly("esign");
            assertThat(verdict.trace()).anyMatch(line -> line.contains("intermediate(s) are CAs"));
        }

        @Test
        void without_the_intermediate_there_is_no_path() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            Credential leaf = qualifiedLeaf("Alice", pki.intermediate(), ISSUED, EXPIRES);

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), leaf.certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.NA);
        }

        @Test
        void a_look_alike_ca_with_the_same_name_and_another_key_is_not_trusted() {
            TrustedList list = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            Credential lookAlike = pki.certificate(pki.intermediate().subject()).issuedBy(pki.root()).ecKey("look-alike")
                    .ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
            assertThat(lookAlike.subject()).isEqualTo(pki.intermediate().subject());
            Credential forged = qualifiedLeaf("Mallory", lookAlike, ISSUED, EXPIRES);
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            CertificateVerdict alone = verify(service, forged.certificate());
            CertificateVerdict withChain = verify(service, forged.certificate(), lookAlike.certificate());

            assertThat(alone.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(alone.trace()).anyMatch(line -> line.contains("look-alike"));
            assertThat(withChain.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(withChain.territory()).isEmpty();
        }

        @Test
        void an_intermediate_that_is_not_a_ca_breaks_the_chain() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            Credential notCa = pki.certificate("CN=Not A CA,O=Decision Test,C=EU").issuedBy(pki.root()).endEntity()
                    .keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue();
            Credential leaf = qualifiedLeaf("Bob", notCa, ISSUED, EXPIRES);

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), leaf.certificate(), notCa.certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.INVALID_CERTIFICATE_CHAIN);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("not a CA"));
        }

        @Test
        void path_length_and_key_cert_sign_are_enforced() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            Credential upper = pki.certificate("CN=Upper CA,O=Decision Test,C=EU").issuedBy(pki.root()).ca(0)
                    .keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
            Credential lower = pki.certificate("CN=Lower CA,O=Decision Test,C=EU").issuedBy(upper).ca(-1)
                    .keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
            Credential leaf = qualifiedLeaf("Carol", lower, ISSUED, EXPIRES);
            Credential noSign = pki.certificate("CN=No Sign CA,O=Decision Test,C=EU").issuedBy(pki.root()).ca(-1)
                    .keyUsage(KeyUsage.CRL_SIGN).issue();
            Credential leaf2 = qualifiedLeaf("Dave", noSign, ISSUED, EXPIRES);
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            CertificateVerdict tooLong = verify(service, leaf.certificate(), lower.certificate(), upper.certificate());
            CertificateVerdict withoutKeyCertSign = verify(service, leaf2.certificate(), noSign.certificate());

            assertThat(tooLong.code()).isEqualTo(VerdictCode.INVALID_CERTIFICATE_CHAIN);
            assertThat(tooLong.trace()).anyMatch(line -> line.contains("pathLenConstraint 0"));
            assertThat(withoutKeyCertSign.code()).isEqualTo(VerdictCode.INVALID_CERTIFICATE_CHAIN);
            assertThat(withoutKeyCertSign.trace()).anyMatch(line -> line.contains("keyCertSign"));
        }

        /** Issue 14.1: a listed key is not a signature. */
        @Test
        void a_certificate_carrying_a_listed_ca_key_but_signed_by_another_key_is_not_trusted() {
            TrustedList list = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            KeyPair stolenPublicKey = new KeyPair(pki.intermediate().publicKey(), TestPki.ecKey("mallory-signer").getPrivate());
            Credential malloryCa = pki.certificate(pki.intermediate().subject()).selfSigned().ecKey("mallory-signer")
                    .ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
            byte[] qc = QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded();
            Credential underLookAlike = pki.certificate("CN=Mallory Chosen Subject,O=Decision Test,C=EU").key(stolenPublicKey)
                    .issuedBy(malloryCa).validity(ISSUED, EXPIRES).qcStatements(qc).issue();
            Credential selfSigned = pki.certificate("CN=Mallory Self,O=Decision Test,C=EU").key(stolenPublicKey).selfSigned()
                    .validity(ISSUED, EXPIRES).qcStatements(qc).issue();
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            for (Credential forged : List.of(underLookAlike, selfSigned)) {
                assertThat(forged.publicKey()).isEqualTo(pki.intermediate().publicKey());
                CertificateVerdict verdict = verify(service, forged.certificate());
                assertThat(verdict.code()).as(forged.subject()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
                assertThat(verdict.trusted()).isFalse();
                assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.NA);
                assertThat(verdict.qualification().atValidationTime()).isEqualTo(CertificateQualification.NA);
                assertThat(verdict.trace()).anyMatch(line -> line.contains("a listed key is not a signature"));
            }
        }

        @Test
        void the_listed_certificate_itself_and_a_recertification_signed_by_the_listed_key_are_trusted() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(ACCREDITED, "2014-01-01T00:00:00Z"),
                    Period.of(GRANTED, "2016-06-30T22:00:00Z")));
            Credential recertified = pki.certificate(pki.root().subject()).key(pki.root().keyPair()).selfSigned()
                    .validity(ISSUED, EXPIRES).ca(-1).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            CertificateVerdict listed = verify(service, pki.root().certificate());
            CertificateVerdict again = verify(service, recertified.certificate());

            assertThat(listed.code()).as(String.join("\n", listed.trace())).isEqualTo(VerdictCode.OK);
            assertThat(listed.trace()).anyMatch(line -> line.contains("byte for byte, the listed certificate of BE / Root QC CA"));
            assertThat(again.code()).as(String.join("\n", again.trace())).isEqualTo(VerdictCode.OK);
            assertThat(again.trace()).anyMatch(line -> line.contains("a listed key is not a signature"))
                    .anyMatch(line -> line.contains("every signature verified"));
        }

        @Test
        void a_malformed_certificate_is_a_verdict() {
            CertificateVerdict verdict = decisions(VerificationPolicy.euEidas(), listWith(TestSnapshot.service("Root", pki.root().certificate(),
                    Period.of(GRANTED, "2016-07-01T00:00:00Z")))).verify(CertificateCheck.of(new byte[] {0x30, 0x03, 1, 2, 3}, VALIDATION));
            assertThat(verdict.code()).isEqualTo(VerdictCode.MALFORMED_CERTIFICATE);
            assertThat(verdict.certificate()).isEmpty();
        }
    }

    /** Issue 14.12: a listed certificate is still issued by someone. */
    @Nested
    class ListedCertificates {

        private final Credential tsu = pki.certificate("CN=Decision Test TSU,O=Decision Test,C=EU").issuedBy(pki.intermediate())
                .validity(ISSUED, EXPIRES).endEntity().keyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .qcStatements(QcStatements.create().compliance().sscd().encoded()).issue();
        private final TrustedService tsa = TestSnapshot.service("Decision Test TSA", tsu.certificate(),
                Period.of(GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.TSA_QTST));

        @Test
        void a_listed_time_stamping_unit_is_qualified_through_the_ca_that_issued_it() {
            TrustedList list = TestSnapshot.list("BE", "Decision Test TSP", TestSnapshot.service("Issuing QC CA",
                    pki.intermediate().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")), tsa);

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), tsu.certificate());

            assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(VerdictCode.OK);
            assertThat(verdict.service().orElseThrow().name()).isEqualTo("Issuing QC CA");
            assertThat(verdict.service().orElseThrow().type()).isEqualTo("CA/QC");
            assertThat(verdict.listedAs().map(CertificateVerdict.ListedAs::named)).contains(CertificateVerdict.ListedAs.named("BE", "Decision Test TSA", "TSA/QTST"));
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(verdict.qualification().atValidationTime()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(verdict.certificate().orElseThrow().path()).hasSize(1);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("a listed certificate is still issued by someone"));
        }

        @Test
        void without_a_listed_issuer_it_is_judged_by_its_own_listing() {
            TrustedList list = TestSnapshot.list("BE", "Decision Test TSP", tsa);

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), tsu.certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.service().orElseThrow().type()).isEqualTo("TSA/QTST");
            assertThat(verdict.listedAs().map(CertificateVerdict.ListedAs::named)).contains(CertificateVerdict.ListedAs.named("BE", "Decision Test TSA", "TSA/QTST"));
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("no listed issuer signed it"));
        }

        @Test
        void a_look_alike_issuer_does_not_take_the_listing_over() {
            Credential lookAlike = pki.certificate(pki.intermediate().subject()).issuedBy(pki.root()).ecKey("tsa-look-alike")
                    .ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
            TrustedList list = TestSnapshot.list("BE", "Decision Test TSP", TestSnapshot.service("Look-alike QC CA",
                    lookAlike.certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")), tsa);

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), tsu.certificate());

            assertThat(verdict.service().orElseThrow().name()).isEqualTo("Decision Test TSA");
            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("did not sign it"));
        }

        @Test
        void a_listed_self_signed_root_is_its_own_anchor_and_a_plain_certificate_has_no_listing() {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(ACCREDITED, "2014-01-01T00:00:00Z"),
                    Period.of(GRANTED, "2016-06-30T22:00:00Z")));
            CertificateDecisionService service = decisions(VerificationPolicy.euEidas(), list);

            CertificateVerdict root = verify(service, pki.root().certificate());
            CertificateVerdict leaf = verify(service, qualifiedLeaf("Oscar", pki.intermediate(), ISSUED, EXPIRES).certificate(),
                    pki.intermediate().certificate());

            assertThat(root.code()).isEqualTo(VerdictCode.OK);
            assertThat(root.listedAs().map(CertificateVerdict.ListedAs::named)).contains(CertificateVerdict.ListedAs.named("BE", "Root QC CA", "CA/QC"));
            assertThat(root.trace()).anyMatch(line -> line.contains("self-signed: its own listing is its anchor"));
            assertThat(leaf.listedAs()).isEmpty();
        }
    }

    @Nested
    class StatusOverTime {

        private final Credential leaf = qualifiedLeaf("Erin", pki.intermediate(), ISSUED, EXPIRES);

        private CertificateVerdict decide(VerificationPolicy policy, Period... periods) {
            TrustedList list = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(), periods));
            return verify(decisions(policy, list), leaf.certificate());
        }

        @Test
        void a_service_withdrawn_after_issuance_still_counts_at_issuance() {
            CertificateVerdict verdict = decide(VerificationPolicy.euEidas(), Period.of(GRANTED, "2016-07-01T00:00:00Z"),
                    Period.of(WITHDRAWN, "2019-06-01T00:00:00Z"));

            assertThat(verdict.trusted()).isTrue();
            assertThat(verdict.service().orElseThrow().statusAtIssuance()).contains("granted");
            assertThat(verdict.service().orElseThrow().statusAtValidationTime()).contains("withdrawn");
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(verdict.qualification().atValidationTime()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
        }

        @Test
        void a_policy_that_counts_the_validation_time_refuses_it() {
            VerificationPolicy atValidation = policy(TimeThatCounts.VALIDATION_TIME);
            CertificateVerdict verdict = decide(atValidation, Period.of(GRANTED, "2016-07-01T00:00:00Z"), Period.of(WITHDRAWN, "2019-06-01T00:00:00Z"));
            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("status at validation time") && line.contains("not accepted"));
        }

        @Test
        void a_service_granted_only_after_issuance_does_not_count() {
            CertificateVerdict verdict = decide(VerificationPolicy.euEidas(), Period.of(GRANTED, "2019-01-01T00:00:00Z"));

            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.service().orElseThrow().statusAtIssuance()).isEmpty();
            assertThat(verdict.service().orElseThrow().statusAtValidationTime()).contains("granted");
            assertThat(verdict.trace()).anyMatch(line -> line.contains("not yet listed"));
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
            assertThat(verdict.qualification().atValidationTime()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void pre_2016_statuses_count_as_their_eidas_equivalent() {
            Credential old = qualifiedLeaf("Frank", pki.intermediate(), Instant.parse("2015-03-01T00:00:00Z"), EXPIRES);
            TrustedList accredited = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(ACCREDITED, "2010-01-01T00:00:00Z"), Period.of(GRANTED, "2016-06-30T22:00:00Z")));
            TrustedList ceased = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(SUPERVISION_CEASED, "2010-01-01T00:00:00Z"), Period.of(GRANTED, "2016-06-30T22:00:00Z")));

            CertificateVerdict counted = verify(decisions(VerificationPolicy.euEidas(), accredited), old.certificate());
            CertificateVerdict refused = verify(decisions(VerificationPolicy.euEidas(), ceased), old.certificate());

            assertThat(counted.trusted()).isTrue();
            assertThat(counted.service().orElseThrow().statusAtIssuance()).contains("accredited");
            assertThat(counted.trace()).anyMatch(line -> line.contains("accredited (pre-2016 status, counts as granted)"));
            assertThat(counted.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(refused.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(refused.qualification().atIssuance()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
        }

        @Test
        void an_expired_certificate_is_not_trusted() {
            Credential expired = qualifiedLeaf("Grace", pki.intermediate(), ISSUED, Instant.parse("2019-01-01T00:00:00Z"));
            TrustedList list = listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(GRANTED, "2016-07-01T00:00:00Z")));

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), expired.certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.CERTIFICATE_EXPIRED);
            assertThat(verdict.territory()).contains("BE");
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void a_service_type_the_policy_does_not_accept_is_not_trusted() {
            CertificateVerdict verdict = decide(VerificationPolicy.euEidas(), Period.of(GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.CA_PKC));
            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(verdict.service().orElseThrow().type()).isEqualTo("CA/PKC");
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
        }

        /** Issue 14.8: the service type in force at the time that counts, from the history entries, not today's. */
        @Test
        void the_type_in_force_at_issuance_counts_not_todays() {
            CertificateVerdict retypedLater = decide(VerificationPolicy.euEidas(), Period.of(GRANTED, "2016-07-01T00:00:00Z"),
                    Period.of(GRANTED, "2019-01-01T00:00:00Z").type(ServiceTypes.CA_PKC));
            CertificateVerdict qcOnlyLater = decide(VerificationPolicy.euEidas(), Period.of(GRANTED, "2016-07-01T00:00:00Z").type(ServiceTypes.CA_PKC),
                    Period.of(GRANTED, "2019-01-01T00:00:00Z"));

            assertThat(retypedLater.code()).as(String.join("\n", retypedLater.trace())).isEqualTo(VerdictCode.OK);
            assertThat(retypedLater.trace()).anyMatch(line -> line.contains("type then CA/QC (today CA/PKC)"));
            assertThat(retypedLater.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
            assertThat(retypedLater.qualification().atValidationTime()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
            assertThat(qcOnlyLater.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
            assertThat(qcOnlyLater.trace()).anyMatch(line -> line.contains("type CA/PKC (in force at issuance"));
            assertThat(qcOnlyLater.qualification().atIssuance()).isEqualTo(CertificateQualification.CERT_FOR_ESIG);
            assertThat(qcOnlyLater.qualification().atValidationTime()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
        }

        @Test
        void a_policy_requiring_a_qualified_certificate_refuses_one_the_list_does_not_confirm() {
            VerificationPolicy qes = new VerificationPolicy("qes", "EU", "test", true, Set.of(ServiceTypes.CA_QC), Set.of("granted"),
                    TimeThatCounts.ISSUANCE, true, Set.of(org.qtrust.core.certificate.QcType.ESEAL), true, List.of(),
                    RevocationMode.OFF, CryptoConstraints.NONE);
            CertificateVerdict verdict = decide(qes, Period.of(GRANTED, "2016-07-01T00:00:00Z"));
            assertThat(verdict.code()).isEqualTo(VerdictCode.NOT_QUALIFIED_CERTIFICATE);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("QcType one of [eseal] missing"));
        }

        private VerificationPolicy policy(TimeThatCounts time) {
            VerificationPolicy eu = VerificationPolicy.euEidas();
            return new VerificationPolicy("eu-at-validation", "EU", "test", true, eu.acceptedServiceTypes(), eu.acceptedStatuses(), time,
                    false, Set.of(), false, List.of(), RevocationMode.PREFER, eu.crypto());
        }
    }

    @Nested
    class Lists {

        @Test
        void a_key_listed_only_by_a_stale_list_names_the_territory_but_is_not_trusted() {
            TrustedList list = TestSnapshot.list("NL", "Stale TSP", TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(),
                    Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            ListSource stale = new ListSource(list, ListedService.Standing.STALE_LIST, Optional.of("list_expired"));
            VerificationPolicy eu = VerificationPolicy.euEidas();
            CertificateDecisionService service = new CertificateDecisionService(TrustedServiceIndex.build(List.of(stale), List.of(), inspector),
                    inspector, eu);

            CertificateVerdict verdict = verify(service, qualifiedLeaf("Heidi", pki.intermediate(), ISSUED, EXPIRES).certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.LIST_NOT_TRUSTED);
            assertThat(verdict.territory()).contains("NL");
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
        }
    }

    @Nested
    class PlainAnchors {

        private final TestPki india = TestPki.create("India Test CCA");

        private VerificationPolicy indianPolicy() {
            return new VerificationPolicy("in-cca", "IN", "India CCA root", false, Set.of(), Set.of(), TimeThatCounts.ISSUANCE, false,
                    Set.of(), false, List.of(new PlainTrustAnchor("IN", "CCA India test root", ServiceCertificate.of(india.root().certificate()))),
                    RevocationMode.REQUIRE, VerificationPolicy.ts119312());
        }

        @Test
        void a_non_eu_policy_trusts_its_plain_anchor() {
            Credential leaf = india.endEntity("Priya").validity(ISSUED, EXPIRES).issue();
            CertificateDecisionService service = decisions(indianPolicy(),
                    listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z"))));

            CertificateVerdict verdict = verify(service, leaf.certificate(), india.intermediate().certificate());

            assertThat(verdict.trusted()).isTrue();
            assertThat(verdict.territory()).contains("IN");
            assertThat(verdict.service().orElseThrow().type()).isEqualTo(ServiceTypes.PLAIN_TRUST_ANCHOR);
            assertThat(verdict.qualification().atIssuance()).isEqualTo(CertificateQualification.NA);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("plain trust anchor"));
        }

        @Test
        void a_non_eu_policy_without_lists_does_not_trust_eu_listed_certificates() {
            CertificateDecisionService service = decisions(indianPolicy(),
                    listWith(TestSnapshot.service("Issuing QC CA", pki.intermediate().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z"))));
            CertificateVerdict verdict = verify(service, qualifiedLeaf("Ivan", pki.intermediate(), ISSUED, EXPIRES).certificate());
            assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        }
    }

    @Nested
    class CryptoConstraintsOnSignatures {

        private final Credential rsaCa = pki.certificate("CN=Decision Test RSA CA,O=Decision Test,C=EU").issuedBy(pki.root())
                .rsaKey("decision-rsa-ca").ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
        private final X509Certificate sha1Leaf = CustomCertificates.issue("CN=Judy SHA-1,O=Decision Test,C=EU", TestPki.ecKey("judy"),
                rsaCa.certificate(), rsaCa.privateKey(), "SHA1withRSA", Instant.parse("2010-06-01T00:00:00Z"), EXPIRES, false);
        private final TrustedList list = listWith(TestSnapshot.service("RSA QC CA", rsaCa.certificate(),
                Period.of(ACCREDITED, "2009-01-01T00:00:00Z"), Period.of(GRANTED, "2016-06-30T22:00:00Z")));

        @Test
        void sha1_no_longer_counts_after_the_ts_119_312_date() {
            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), list), sha1Leaf);

            assertThat(verdict.code()).isEqualTo(VerdictCode.WEAK_ALGORITHM);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("SHA1withRSA") && line.contains("2012-08-01"));
            assertThat(verdict.territory()).contains("BE");
        }

        @Test
        void sha1_still_counted_before_that_date_and_without_constraints() {
            CertificateDecisionService eu = decisions(VerificationPolicy.euEidas(), list);
            CertificateVerdict in2011 = eu.verify(CertificateCheck.of(der(sha1Leaf), Instant.parse("2011-06-01T00:00:00Z")));
            VerificationPolicy lax = new VerificationPolicy("lax", "EU", "no constraints", true, Set.of(ServiceTypes.CA_QC), Set.of("granted"),
                    TimeThatCounts.ISSUANCE, false, Set.of(), false, List.of(), RevocationMode.OFF, CryptoConstraints.NONE);

            assertThat(in2011.code()).isEqualTo(VerdictCode.OK);
            assertThat(verify(decisions(lax, list), sha1Leaf).code()).isEqualTo(VerdictCode.OK);
        }

        @Test
        void judged_at_issuance_a_sha1_certificate_of_2010_counts() {
            VerificationPolicy eu = VerificationPolicy.euEidas();
            CryptoConstraints atIssuance = new CryptoConstraints(eu.crypto().digests(), eu.crypto().keySizes(), TimeThatCounts.ISSUANCE);
            VerificationPolicy policy = new VerificationPolicy("issuance-crypto", "EU", "test", true, eu.acceptedServiceTypes(),
                    eu.acceptedStatuses(), TimeThatCounts.ISSUANCE, false, Set.of(), false, List.of(), RevocationMode.OFF, atIssuance);
            assertThat(verify(decisions(policy, list), sha1Leaf).code()).isEqualTo(VerdictCode.OK);
        }

        @Test
        void brainpool_signatures_verify_through_bouncy_castle() {
            KeyPair caKey = CustomCertificates.brainpoolKey();
            X509Certificate ca = CustomCertificates.issue("CN=Brainpool CA,O=Decision Test,C=EU", caKey, null, caKey.getPrivate(),
                    "SHA256withECDSA", ISSUED, EXPIRES, true);
            X509Certificate leaf = CustomCertificates.issue("CN=Brainpool Leaf,O=Decision Test,C=EU", TestPki.ecKey("bp-leaf"), ca,
                    caKey.getPrivate(), "SHA256withECDSA", ISSUED, EXPIRES, false);
            TrustedList bpList = listWith(TestSnapshot.service("Brainpool QC CA", ca, Period.of(GRANTED, "2016-07-01T00:00:00Z")));

            CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas(), bpList), leaf);

            assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
        }
    }

    /** Revocation is asked about every link once the certificate is otherwise trusted; the mode decides what unknown means. */
    @Nested
    class Revocation {

        private final Instant revokedAt = Instant.parse("2019-03-01T00:00:00Z");
        private final List<String> asked = new java.util.ArrayList<>();

        private CertificateDecisionService withChecker(RevocationMode mode, org.qtrust.core.revocation.RevocationChecker checker) {
            TrustedList list = listWith(TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
            VerificationPolicy policy = VerificationPolicy.euEidas().withRevocation(mode);
            return new CertificateDecisionService(TrustedServiceIndex.build(List.of(ListSource.accepted(list)), List.of(), inspector),
                    inspector, policy, Optional.of(checker), org.qtrust.core.revocation.RevocationPolicy.defaults());
        }

        private org.qtrust.core.revocation.RevocationChecker answering(java.util.function.Function<X509Certificate, org.qtrust.core.revocation.RevocationOutcome> answer) {
            return (certificate, issuer, query) -> {
                asked.add(certificate.getSubjectX500Principal().getName() + " <- " + issuer.getSubjectX500Principal().getName());
                return answer.apply(certificate);
            };
        }

        private org.qtrust.core.revocation.RevocationOutcome good() {
            return new org.qtrust.core.revocation.RevocationOutcome(org.qtrust.core.revocation.RevocationStatus.GOOD, true,
                    Optional.of(org.qtrust.core.revocation.RevocationSource.OCSP), Optional.of(ISSUED), Optional.of(ISSUED),
                    Optional.empty(), Optional.empty(), Optional.empty(), List.of("OCSP: good"));
        }

        private org.qtrust.core.revocation.RevocationOutcome revoked() {
            return new org.qtrust.core.revocation.RevocationOutcome(org.qtrust.core.revocation.RevocationStatus.REVOKED, true,
                    Optional.of(org.qtrust.core.revocation.RevocationSource.CRL), Optional.empty(), Optional.of(revokedAt),
                    Optional.empty(), Optional.of(revokedAt), Optional.of(org.qtrust.core.revocation.RevocationReason.KEY_COMPROMISE),
                    List.of("CRL: revoked"));
        }

        @Test
        void the_issuing_services_expired_certs_revocation_info_reaches_the_revocation_checker() {
            // TS 119 612 §5.5.9.1: the list says since when the CA keeps the status of expired certificates (issue 14.4)
            Instant keptSince = Instant.parse("2017-01-01T00:00:00Z");
            org.qtrust.core.trustedlist.StatusHistory.Entry entry = new org.qtrust.core.trustedlist.StatusHistory.Entry(
                    org.qtrust.core.trustedlist.ServiceStatus.of(GRANTED), Instant.parse("2016-07-01T00:00:00Z"), ServiceTypes.CA_QC,
                    org.qtrust.core.trustedlist.MultilingualText.english("Root QC CA"),
                    new org.qtrust.core.trustedlist.ServiceInformationExtensions(List.of(), List.of(TestSnapshot.FOR_ESIGNATURES),
                            Optional.of(keptSince), List.of()));
            TrustedService withInfo = new TrustedService(org.qtrust.core.trustedlist.DigitalIdentity.ofCertificates(
                    List.of(ServiceCertificate.of(pki.root().certificate()))),
                    org.qtrust.core.trustedlist.StatusHistory.of(entry, List.of()), List.of());
            List<Optional<Instant>> seen = new java.util.ArrayList<>();
            org.qtrust.core.revocation.RevocationChecker checker = (certificate, issuer, query) -> {
                seen.add(query.expiredCertsRevocationInfo());
                return good();
            };
            CertificateDecisionService service = new CertificateDecisionService(TrustedServiceIndex.build(
                    List.of(ListSource.accepted(listWith(withInfo))), List.of(), inspector), inspector,
                    VerificationPolicy.euEidas().withRevocation(RevocationMode.REQUIRE), Optional.of(checker),
                    org.qtrust.core.revocation.RevocationPolicy.defaults());
            Credential leaf = qualifiedLeaf("Erin", pki.intermediate(), ISSUED, EXPIRES);

            CertificateVerdict verdict = verify(service, leaf.certificate(), pki.intermediate().certificate());
            CertificateVerdict without = verify(withChecker(RevocationMode.REQUIRE, (certificate, issuer, query) -> {
                seen.add(query.expiredCertsRevocationInfo());
                return good();
            }), leaf.certificate(), pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
            assertThat(without.code()).isEqualTo(VerdictCode.OK);
            assertThat(seen).containsExactly(Optional.of(keptSince), Optional.of(keptSince), Optional.empty(), Optional.empty());
        }

        @Test
        void every_link_but_the_anchor_is_asked_about_with_its_issuer() {
            Credential leaf = qualifiedLeaf("Alice", pki.intermediate(), ISSUED, EXPIRES);

            CertificateVerdict verdict = verify(withChecker(RevocationMode.REQUIRE, answering(c -> good())), leaf.certificate(),
                    pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
            assertThat(verdict.revocation()).hasValueSatisfying(r -> assertThat(r.isGood()).isTrue());
            assertThat(asked).hasSize(2);
            assertThat(asked.get(0)).startsWith("CN=Alice").contains(pki.intermediate().certificate().getSubjectX500Principal().getName());
            assertThat(asked.get(1)).endsWith(pki.root().certificate().getSubjectX500Principal().getName());
        }

        @Test
        void a_revoked_certificate_is_not_trusted_whatever_the_mode_but_off() {
            Credential leaf = qualifiedLeaf("Bob", pki.intermediate(), ISSUED, EXPIRES);

            CertificateVerdict prefer = verify(withChecker(RevocationMode.PREFER, answering(c -> revoked())), leaf.certificate(),
                    pki.intermediate().certificate());
            CertificateVerdict off = verify(withChecker(RevocationMode.OFF, answering(c -> revoked())), leaf.certificate(),
                    pki.intermediate().certificate());

            assertThat(prefer.code()).isEqualTo(VerdictCode.CERTIFICATE_REVOKED);
            assertThat(prefer.revocation().orElseThrow().revokedAt()).contains(revokedAt);
            assertThat(prefer.trace()).anyMatch(line -> line.contains("revoked at or before the validation time"));
            assertThat(off.code()).isEqualTo(VerdictCode.OK);
            assertThat(off.revocation().orElseThrow().checked()).isFalse();
        }

        @Test
        void a_revoked_intermediate_makes_the_leaf_untrusted() {
            Credential leaf = qualifiedLeaf("Carol", pki.intermediate(), ISSUED, EXPIRES);
            String intermediate = pki.intermediate().certificate().getSubjectX500Principal().getName();

            CertificateVerdict verdict = verify(withChecker(RevocationMode.PREFER,
                    answering(c -> c.getSubjectX500Principal().getName().equals(intermediate) ? revoked() : good())),
                    leaf.certificate(), pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.CERTIFICATE_REVOKED);
            assertThat(verdict.revocation().orElseThrow().isGood()).as("the leaf's own status is reported").isTrue();
            assertThat(verdict.trace()).anyMatch(line -> line.startsWith("revocation (intermediate"));
        }

        @Test
        void unknown_status_fails_under_require_and_passes_with_a_warning_under_prefer() {
            Credential leaf = qualifiedLeaf("Dave", pki.intermediate(), ISSUED, EXPIRES);
            org.qtrust.core.revocation.RevocationChecker silent =
                    answering(c -> org.qtrust.core.revocation.RevocationOutcome.unknown(List.of("OCSP: responder down")));

            CertificateVerdict required = verify(withChecker(RevocationMode.REQUIRE, silent), leaf.certificate(), pki.intermediate().certificate());
            CertificateVerdict preferred = verify(withChecker(RevocationMode.PREFER, silent), leaf.certificate(), pki.intermediate().certificate());

            assertThat(required.code()).isEqualTo(VerdictCode.REVOCATION_UNKNOWN);
            assertThat(preferred.code()).isEqualTo(VerdictCode.OK);
            assertThat(preferred.trace()).anyMatch(line -> line.contains("warning") && line.contains("unknown"));
        }

        @Test
        void an_intermediate_without_an_answer_is_a_warning_even_when_revocation_is_required() {
            Credential leaf = qualifiedLeaf("Frank", pki.intermediate(), ISSUED, EXPIRES);
            String intermediate = pki.intermediate().certificate().getSubjectX500Principal().getName();

            CertificateVerdict verdict = verify(withChecker(RevocationMode.REQUIRE, answering(c -> c.getSubjectX500Principal().getName()
                    .equals(intermediate) ? org.qtrust.core.revocation.RevocationOutcome.unknown(List.of("no AIA, no CRLDP")) : good())),
                    leaf.certificate(), pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.OK);
            assertThat(verdict.trace()).anyMatch(line -> line.startsWith("revocation (intermediate") && line.contains("warning"));
        }

        @Test
        void a_certificate_already_untrusted_is_not_asked_about() {
            Credential expired = qualifiedLeaf("Eve", pki.intermediate(), ISSUED, Instant.parse("2019-01-01T00:00:00Z"));

            CertificateVerdict verdict = verify(withChecker(RevocationMode.REQUIRE, answering(c -> good())), expired.certificate(),
                    pki.intermediate().certificate());

            assertThat(verdict.code()).isEqualTo(VerdictCode.CERTIFICATE_EXPIRED);
            assertThat(asked).isEmpty();
            assertThat(verdict.revocation()).isEmpty();
        }
    }
}
