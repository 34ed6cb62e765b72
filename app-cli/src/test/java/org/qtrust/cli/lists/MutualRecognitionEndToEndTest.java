package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.listwriter.MraWriter;
import org.qtrust.adapters.crypto.listwriter.TrustedListWriter;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.cli.QtrustCli;

/**
 * Mutual recognition lists (TS 119 612 v2.4.1 §5.3.13, the EC's MRA schema v2) end to end, with lists of the
 * test's own signed by its own keys: {@code lists load} reads a third country's list only through the agreement
 * on its LOTL pointer, and {@code cert verify} recognises its services only as the agreement says.
 */
class MutualRecognitionEndToEndTest {

    private static final String ZZ_LIST = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/ZZlist";
    private static final String ZZ = "http://tc.zz.test/TrstSvc/";
    private static final String ZZ_CA_QC_ESIG = ZZ + "Svctype/CA/QC/for-eSig";
    private static final String ZZ_GRANTED = ZZ + "Svcstatus/granted";
    private static final String ZZ_WITHDRAWN = ZZ + "Svcstatus/withdrawn";
    private static final String ZZ_QC_WITH_QSCD = ZZ + "SvcInfoExt/QCWithQSCD";
    private static final String EU_QC_WITH_QSCD = TrustedListWriter.QC_WITH_QSCD;
    private static final String ZZ_POLICY = "1.3.6.1.4.1.99999.1.2";
    private static final Instant AGREEMENT_START = Instant.parse("2020-05-16T23:59:59Z");
    private static final Instant AT = Instant.parse("2024-03-01T00:00:00Z");

    private static final TestPki EU_PKI = TestPki.create("MRA EU");
    private static final Credential OJ = EU_PKI.endEntity("LOTL Signer").issue();
    private static final Credential ZZ_SIGNER = EU_PKI.endEntity("ZZ List Signer").issue();
    private static final TestPki ZZ_PKI = TestPki.create("MRA ZZ");

    @TempDir
    Path folder;

    private static MraWriter.Equivalence qcForESig(Instant start) {
        String esign = MraWriter.statement(MraWriter.QC_TYPE, "0.4.0.1862.1.6.1");
        return MraWriter.equivalence("QCForESig", MraWriter.ENACTED, start)
                .types(TrustedListWriter.CA_QC, List.of(TrustedListWriter.FOR_ESIGNATURES), ZZ_CA_QC_ESIG, List.of())
                .valid(TrustedListWriter.GRANTED, ZZ_GRANTED)
                .invalid(TrustedListWriter.WITHDRAWN, ZZ_WITHDRAWN)
                .qualifier(EU_QC_WITH_QSCD, ZZ_QC_WITH_QSCD)
                .content("QcCompliance", MraWriter.set(MraWriter.statement(MraWriter.QC_COMPLIANCE)),
                        MraWriter.set(MraWriter.statement(MraWriter.QC_COMPLIANCE), MraWriter.statement(MraWriter.QC_CC_LEGISLATION, "ZZ")))
                .content("QcType", MraWriter.set(esign), MraWriter.set(esign))
                .content("QcQSCD", MraWriter.set(MraWriter.statement(MraWriter.QC_SSCD)), MraWriter.set(MraWriter.statement(MraWriter.QC_SSCD)));
    }

    private static String agreement() {
        return MraWriter.agreement().equivalence(qcForESig(AGREEMENT_START)).build();
    }

    private static TrustedListWriter.ServiceBuilder zzCa(String type, String status, Instant since) {
        return TrustedListWriter.service("ZZ eTrust QC CA", type, ZZ_PKI.intermediate().certificate()).status(status, since);
    }

    /** Writes EU.xml (one pointer to ZZ), ZZ.xml and the OJ certificate; returns the folder. */
    private Path world(String pointerType, String agreementXml, TrustedListWriter.ServiceBuilder service) throws Exception {
        String lotl = TrustedListWriter.lotl().issued(Instant.parse("2024-01-01T00:00:00Z")).nextUpdate(Instant.parse("2024-07-01T00:00:00Z"))
                .thirdCountryPointer("ZZ", "https://lists.test/ZZ.xml", pointerType, agreementXml, ZZ_SIGNER.certificate()).build();
        String zz = TrustedListWriter.trustedList("ZZ").tslType(ZZ_LIST).issued(Instant.parse("2024-01-01T00:00:00Z"))
                .nextUpdate(Instant.parse("2024-07-01T00:00:00Z")).service(service).build();
        Path lists = Files.createDirectories(folder.resolve("lists"));
        Files.writeString(lists.resolve("EU.xml"), TestListSigner.with(OJ).sign(lotl));
        Files.writeString(lists.resolve("ZZ.xml"), TestListSigner.with(ZZ_SIGNER).sign(zz));
        pem(Files.createDirectories(folder.resolve("oj")).resolve("oj.pem"), OJ.certificate());
        return lists;
    }

    private static Path pem(Path file, X509Certificate... certificates) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(file, text);
    }

    private JsonNode run(String... arguments) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        QtrustCli.run(arguments, new PrintWriter(out), new PrintWriter(err));
        assertThat(out.toString()).as(err.toString()).isNotBlank();
        return new ObjectMapper().readTree(out.toString().trim());
    }

    private JsonNode zzVerdict(Path lists) throws Exception {
        JsonNode report = run("lists", "load", "--offline", lists.toString(), "--oj-certs", folder.resolve("oj").toString(),
                "--at", AT.toString(), "--json");
        assertThat(report.at("/lotl/accepted").asBoolean()).as(report.at("/lotl/trace").toString()).isTrue();
        return report.get("lists").get(0);
    }

    private JsonNode verify(Path lists, Credential leaf) throws Exception {
        Path file = pem(folder.resolve("leaf.pem"), leaf.certificate(), ZZ_PKI.intermediate().certificate());
        return run("cert", "verify", file.toString(), "--offline", lists.toString(), "--oj-certs", folder.resolve("oj").toString(),
                "--revocation", "off", "--at", AT.toString(), "--json");
    }

    private static Credential zzCertificate(String name, Instant from, QcStatements statements) {
        return ZZ_PKI.endEntity(name).validity(from, from.plus(java.time.Duration.ofDays(1000))).policies(ZZ_POLICY)
                .qcStatements(statements.encoded()).issue();
    }

    private static QcStatements zzQualified() {
        return QcStatements.create().compliance().type(QcStatements.QCT_ESIGN).legislation("ZZ");
    }

    @Test
    void a_third_country_list_under_an_agreement_is_read_through_its_equivalences_from_the_start_date() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));

        JsonNode zz = zzVerdict(lists);

        assertThat(zz.get("accepted").asBoolean()).as(zz.get("trace").toString()).isTrue();
        String trace = zz.get("trace").toString();
        assertThat(trace).contains("mutual recognition agreement").contains("QCForESig")
                .contains("from 2019-01-01T00:00:00Z " + ZZ_CA_QC_ESIG + " not recognised")
                .contains("from 2020-05-16T23:59:59Z " + ZZ_CA_QC_ESIG + " " + ZZ_GRANTED + " = CA/QC[ForeSignatures] granted");
    }

    @Test
    void the_certificate_decision_uses_the_mapped_type_status_and_content() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));
        Credential leaf = zzCertificate("Alice Doe", Instant.parse("2023-01-01T00:00:00Z"), zzQualified());

        JsonNode verdict = verify(lists, leaf);

        assertThat(verdict.get("trusted").asBoolean()).as(verdict.get("trace").toString()).isTrue();
        assertThat(verdict.get("territory").asText()).isEqualTo("ZZ");
        assertThat(verdict.at("/service/type").asText()).isEqualTo("CA/QC");
        assertThat(verdict.at("/qualification/atIssuance").asText()).isEqualTo("QCERT_FOR_ESIG");
        assertThat(verdict.at("/qualification/atValidationTime").asText()).isEqualTo("QCERT_FOR_ESIG");
        assertThat(verdict.get("trace").toString()).contains("recognised under the mutual recognition agreement for ZZ")
                .contains("QC_COMPLIANCE met");
    }

    @Test
    void a_certificate_that_does_not_meet_the_agreement_s_content_condition_is_not_qualified() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));
        Credential otherLaw = zzCertificate("Bob Doe", Instant.parse("2023-01-01T00:00:00Z"),
                QcStatements.create().compliance().type(QcStatements.QCT_ESIGN).legislation("XX"));

        JsonNode verdict = verify(lists, otherLaw);

        assertThat(verdict.at("/qualification/atValidationTime").asText()).isEqualTo("CERT_FOR_ESIG");
        assertThat(verdict.get("trace").toString()).contains("QC_COMPLIANCE not met");
    }

    @Test
    void before_the_agreement_s_start_the_service_is_not_recognised() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));
        Credential early = zzCertificate("Carol Doe", Instant.parse("2019-06-01T00:00:00Z"), zzQualified());

        JsonNode verdict = verify(lists, early);

        assertThat(verdict.at("/qualification/atIssuance").asText()).doesNotStartWith("QCERT");
        assertThat(verdict.at("/service/statusAtIssuance").asText()).contains("not-recognised");
    }

    @Test
    void a_mapped_qualifier_counts_as_its_eu_equivalent() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z"))
                .qualifier(ZZ_QC_WITH_QSCD, ZZ_POLICY));

        JsonNode verdict = verify(lists, zzCertificate("Dan Doe", Instant.parse("2023-01-01T00:00:00Z"), zzQualified()));

        assertThat(verdict.at("/qualification/atValidationTime").asText()).isEqualTo("QCERT_FOR_ESIG_QSCD");
    }

    @Test
    void a_qualifier_the_agreement_does_not_map_confirms_no_qualification() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z"))
                .qualifier(ZZ + "SvcInfoExt/SomethingElse", ZZ_POLICY));

        JsonNode verdict = verify(lists, zzCertificate("Eve Doe", Instant.parse("2023-01-01T00:00:00Z"), zzQualified()));

        assertThat(verdict.at("/qualification/atValidationTime").asText()).doesNotStartWith("QCERT");
        assertThat(verdict.get("trace").toString()).contains("no equivalent in the mutual recognition agreement");
    }

    @Test
    void a_third_country_list_that_writes_eu_uris_itself_is_still_recognised_only_through_the_agreement() throws Exception {
        Path lists = world(ZZ_LIST, agreement(), zzCa(TrustedListWriter.CA_QC, TrustedListWriter.GRANTED,
                Instant.parse("2019-01-01T00:00:00Z")));

        JsonNode verdict = verify(lists, zzCertificate("Mallory", Instant.parse("2023-01-01T00:00:00Z"), zzQualified()));

        assertThat(verdict.get("trusted").asBoolean()).isFalse();
        assertThat(verdict.at("/qualification/atValidationTime").asText()).doesNotStartWith("QCERT");
    }

    @Test
    void a_non_eu_pointer_without_an_agreement_is_never_loaded_as_an_eu_list() throws Exception {
        Path lists = world(ZZ_LIST, "", zzCa(TrustedListWriter.CA_QC, TrustedListWriter.GRANTED, Instant.parse("2019-01-01T00:00:00Z")));

        JsonNode zz = zzVerdict(lists);

        assertThat(zz.get("accepted").asBoolean()).isFalse();
        assertThat(zz.get("reason").asText()).isEqualTo("third_country_list_not_recognised");
        JsonNode verdict = verify(lists, zzCertificate("Frank", Instant.parse("2023-01-01T00:00:00Z"), zzQualified()));
        assertThat(verdict.get("trusted").asBoolean()).isFalse();
    }

    @Test
    void an_agreement_that_is_not_understood_keeps_the_list_out_with_its_own_code() throws Exception {
        String unknownKind = MraWriter.agreement().kind(2, 1).equivalence(qcForESig(AGREEMENT_START)).build();
        Path lists = world(ZZ_LIST, unknownKind, zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));

        JsonNode zz = zzVerdict(lists);

        assertThat(zz.get("reason").asText()).isEqualTo("mra_not_understood");
        assertThat(zz.get("trace").toString()).contains("technicalType 2");
    }

    @Test
    void an_eu_generic_pointer_carrying_an_agreement_is_contradictory_and_refused() throws Exception {
        Path lists = world(TrustedListWriter.TSL_TYPE_GENERIC, agreement(),
                zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));

        assertThat(zzVerdict(lists).get("reason").asText()).isEqualTo("mra_not_understood");
    }

    @Test
    void a_repealed_equivalence_recognises_nothing_from_its_date() throws Exception {
        MraWriter.Equivalence repealed = MraWriter.equivalence("QCForESig", MraWriter.REPEALED, Instant.parse("2023-06-01T00:00:00Z"))
                .types(TrustedListWriter.CA_QC, List.of(TrustedListWriter.FOR_ESIGNATURES), ZZ_CA_QC_ESIG, List.of())
                .valid(TrustedListWriter.GRANTED, ZZ_GRANTED).invalid(TrustedListWriter.WITHDRAWN, ZZ_WITHDRAWN)
                .history(qcForESig(AGREEMENT_START));
        Path lists = world(ZZ_LIST, MraWriter.agreement().equivalence(repealed).build(),
                zzCa(ZZ_CA_QC_ESIG, ZZ_GRANTED, Instant.parse("2019-01-01T00:00:00Z")));

        JsonNode verdict = verify(lists, zzCertificate("Grace", Instant.parse("2023-01-01T00:00:00Z"), zzQualified()));

        assertThat(verdict.at("/qualification/atIssuance").asText()).isEqualTo("QCERT_FOR_ESIG");
        assertThat(verdict.at("/qualification/atValidationTime").asText()).doesNotStartWith("QCERT");
    }
}
