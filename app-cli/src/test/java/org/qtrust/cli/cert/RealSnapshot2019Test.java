package org.qtrust.cli.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.index.ListedCertificate;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.qualification.CertificateQualification;
import org.qtrust.core.certificate.qualification.QualificationCalculator;
import org.qtrust.core.certificate.qualification.QualificationOutcome;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import picocli.CommandLine;

/**
 * Rules that show on the real 2019 snapshot (LOTL 248), read in place. A certificate of the
 * shape in question is made with the test PKI: the qualification depends on what the services
 * holding the issuing key say, not on who signed it.
 */
class RealSnapshot2019Test {

    private static final Instant AT = Instant.parse("2019-10-01T00:00:00Z");
    private static final Instant ISSUED = Instant.parse("2018-06-01T00:00:00Z");

    private static final BouncyCastleCertificateInspector INSPECTOR = new BouncyCastleCertificateInspector();
    private static DecisionSetup setup;
    private static TrustedServiceIndex index;

    @BeforeAll
    static void load() {
        Path data = RealCertificatesTest.shared().resolve("trust-data");
        ListOptions options = new org.qtrust.cli.options.OfflineListOptions();
        new CommandLine(options).parseArgs("--offline", data.resolve("lotl-snapshot").toString(),
                "--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password",
                "--at", AT.toString());
        setup = DecisionSetup.open(options, DecisionSetup.EU_EIDAS, List.of(), Clock.systemUTC());
        index = TrustedServiceIndex.fromReport(setup.report().orElseThrow(), List.of(), INSPECTOR);
    }

    /** A listed certificate of the snapshot, found by the start of its SHA-256. */
    private static ListedCertificate listed(String territory, String sha256Prefix) throws Exception {
        TrustedList list = setup.report().orElseThrow().acceptedLists().stream()
                .filter(l -> l.territory().equals(territory)).findFirst().orElseThrow();
        for (TrustServiceProvider provider : list.providers()) {
            for (TrustedService service : provider.services()) {
                for (ServiceCertificate certificate : service.identity().certificates()) {
                    if (certificate.sha256Hex().startsWith(sha256Prefix)) {
                        return index.listedCertificate(INSPECTOR.inspect(certificate.der())).orElseThrow();
                    }
                }
            }
        }
        throw new AssertionError("no listed certificate " + sha256Prefix + " on the " + territory + " list");
    }

    private static CertificateFacts certificate(String name, byte[] qcStatements) throws Exception {
        TestPki pki = TestPki.create("Real snapshot shapes");
        return INSPECTOR.inspect(pki.endEntity(name).validity(ISSUED, Instant.parse("2021-06-01T00:00:00Z"))
                .qcStatements(qcStatements).issue().certificate().getEncoded());
    }

    private static QualificationOutcome qualification(ListedCertificate issuer, CertificateFacts certificate) {
        return QualificationCalculator.at(certificate, issuer.key().services(), AT, "validation time");
    }

    /**
     * Issue 14.2 on real data: IE's TrustPro key is held by "TrustPro QCP-n" (ForeSignatures) and
     * "TrustPro QCP-l" (ForeSeals); an eSeal certificate under it was NA through the conflict rule.
     */
    @Test
    void an_eseal_certificate_under_the_irish_trustpro_key_is_judged_by_the_qcp_l_service_only() throws Exception {
        ListedCertificate trustPro = listed("IE", "fef292b6ca09");
        assertThat(trustPro.key().services()).extracting(s -> s.serviceName()).contains("TrustPro QCP-n", "TrustPro QCP-l");

        QualificationOutcome seal = qualification(trustPro, certificate("IE Seal",
                QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESEAL).encoded()));
        QualificationOutcome signature = qualification(trustPro, certificate("IE Signer",
                QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()));

        assertThat(seal.qualification()).as(String.join("\n", seal.trace())).isEqualTo(CertificateQualification.QCERT_FOR_ESEAL_QSCD);
        assertThat(seal.trace()).anyMatch(line -> line.contains("TrustPro QCP-n") && line.contains("left out before the conflict rule"));
        assertThat(signature.qualification()).as(String.join("\n", signature.trace())).isEqualTo(CertificateQualification.QCERT_FOR_ESIG_QSCD);
        assertThat(signature.trace()).anyMatch(line -> line.contains("TrustPro QCP-l") && line.contains("left out before the conflict rule"));
    }

    /** Issue 14.2 on real data: one I.CA key is listed by CZ "(16)" (ForeSignatures) and SK "(33)" (ForeSignatures, ForeSeals). */
    @Test
    void an_eseal_certificate_under_the_ica_key_listed_in_cz_and_sk_is_judged_by_the_service_granted_for_eseals() throws Exception {
        ListedCertificate ica = listed("CZ", "c0c05a8d8da5");
        assertThat(ica.key().services()).extracting(s -> s.territory()).contains("CZ", "SK");

        QualificationOutcome seal = qualification(ica, certificate("ICA Seal",
                QcStatements.create().compliance().type(QcStatements.QCT_ESEAL).encoded()));
        QualificationOutcome signature = qualification(ica, certificate("ICA Signer",
                QcStatements.create().compliance().type(QcStatements.QCT_ESIGN).encoded()));

        assertThat(seal.qualification()).as(String.join("\n", seal.trace())).isEqualTo(CertificateQualification.QCERT_FOR_ESEAL);
        assertThat(seal.trace()).anyMatch(line -> line.contains("CZ / (16)") && line.contains("left out before the conflict rule"));
        assertThat(signature.qualification()).as(String.join("\n", signature.trace())).isEqualTo(CertificateQualification.QCERT_FOR_ESIG);
    }

    private static JsonNode verifyAt(String at) throws Exception {
        Path data = RealCertificatesTest.shared().resolve("trust-data");
        StringWriter out = new StringWriter();
        int exit = QtrustCli.run(new String[] {"cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString(),
            "--offline", data.resolve("lotl-snapshot").toString(), "--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(),
            "--oj-password", "dss-password", "--at", at, "--revocation", "off", "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        JsonNode verdict = new ObjectMapper().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(exit).as(verdict.toPrettyString()).isEqualTo(verdict.get("trusted").asBoolean() ? 0 : 1);
        return verdict;
    }

    /**
     * Issue 14.7: a validation time before the snapshot's lists were issued is answered from them,
     * judged current when the snapshot was taken (its newest list, the LOTL of 2019-09-04); the
     * decision's instants stay the validation time.
     */
    @Test
    void a_past_validation_time_is_answered_from_the_snapshot_judged_when_it_was_taken() throws Exception {
        JsonNode past = verifyAt("2019-03-01T00:00:00Z");
        JsonNode current = verifyAt("2019-10-01T00:00:00Z");

        assertThat(past.get("code").asText()).as(past.toPrettyString()).isEqualTo("ok");
        assertThat(past.get("validationTime").asText()).isEqualTo("2019-03-01T00:00:00Z");
        assertThat(past.get("listsJudgedAt").asText()).isEqualTo("2019-09-04T08:00:00Z");
        assertThat(past.get("service").get("statusAtValidationTime").asText()).isEqualTo("granted");
        assertThat(past.get("qualification").get("atValidationTime").asText()).isEqualTo("QCERT_FOR_ESEAL_QSCD");
        assertThat(past.get("trace").get(1).asText()).startsWith("lists: judged at 2019-09-04T08:00:00Z, not at the validation time");
        assertThat(current.get("listsJudgedAt").asText()).isEqualTo("2019-10-01T00:00:00Z");
        assertThat(current.get("trace").toString()).doesNotContain("lists: judged at");
    }

    @Test
    void a_validation_time_before_the_certificate_is_still_refused_and_one_after_the_lists_expired_is_not_rejudged() throws Exception {
        JsonNode beforeIssuance = verifyAt("2017-01-01T00:00:00Z");
        JsonNode afterExpiry = verifyAt("2020-06-01T00:00:00Z");

        assertThat(beforeIssuance.get("code").asText()).isEqualTo("certificate_not_yet_valid");
        assertThat(beforeIssuance.get("listsJudgedAt").asText()).isEqualTo("2019-09-04T08:00:00Z");
        assertThat(afterExpiry.get("trusted").asBoolean()).as("lists past their NextUpdate are not rejudged into currency").isFalse();
        assertThat(afterExpiry.get("listsJudgedAt").asText()).isEqualTo("2020-06-01T00:00:00Z");
    }
}
