package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.listwriter.TrustedListWriter;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.xades.XadesListSigner.SigningCertificateForm;
import org.qtrust.cli.json.ListReportJson;
import org.qtrust.core.trustedlist.loading.ListRejection;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * TS 119 612 v2.4.1 structure rules (§5.3.1 TSLVersionIdentifier, §5.7.1 the XAdES signing-certificate
 * property of a v6 list), through the real reader, verifier and loader, and as {@code lists load --json} shows them.
 */
class ListStructureTest {

    private static final TestPki PKI = TestPki.create("List Structure");
    private static final Credential OJ = PKI.endEntity("LOTL Signer").issue();
    private static final Credential FI_SIGNER = PKI.endEntity("FI List Signer").issue();
    private static final Credential CA = PKI.endEntity("FI Test CA").issue();
    private static final Instant AT = Instant.parse("2024-03-01T00:00:00Z");

    private static String lotl() {
        return TrustedListWriter.lotl().pointer("FI", "https://lists.test/FI.xml", FI_SIGNER.certificate()).build();
    }

    private static String fiList(int version) {
        return TrustedListWriter.trustedList("FI").version(version)
                .service(TrustedListWriter.service("FI QC CA", TrustedListWriter.CA_QC, CA.certificate())).build();
    }

    private static ListVerdict fi(SignedListWorld world) {
        TrustedListsReport report = world.putSigned("EU.xml", lotl(), OJ).load(OJ, AT);
        assertThat(report.listOfLists().accepted()).as(String.join("\n", report.listOfLists().trace())).isTrue();
        return report.lists().stream().filter(v -> v.territory().equals("FI")).findFirst().orElseThrow();
    }

    private static SignedListWorld withFi(String xml, SigningCertificateForm form) {
        return new SignedListWorld().put("FI.xml", TestListSigner.with(FI_SIGNER).signingCertificateForm(form).sign(xml));
    }

    @Test
    void a_v6_list_signed_with_signing_certificate_v2_is_accepted_without_findings() {
        ListVerdict verdict = fi(withFi(fiList(6), SigningCertificateForm.V2));

        assertThat(verdict.accepted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.structure().errors()).isEmpty();
        assertThat(verdict.structure().warnings()).isEmpty();
        assertThat(verdict.trace()).anyMatch(line -> line.startsWith("structure: conformant TSLVersionIdentifier 6"));
    }

    @Test
    void a_v6_list_whose_signature_has_only_the_older_signing_certificate_property_is_refused() {
        ListVerdict verdict = fi(withFi(fiList(6), SigningCertificateForm.V1));

        assertThat(verdict.rejection()).contains(ListRejection.STRUCTURE_INVALID);
        assertThat(verdict.structure().errors()).singleElement().asString()
                .contains("SigningCertificateV2").contains("only the older SigningCertificate").contains("§5.7.1");
    }

    @Test
    void a_v6_list_whose_signature_names_no_signing_certificate_is_refused() {
        ListVerdict verdict = fi(withFi(fiList(6), SigningCertificateForm.NONE));

        assertThat(verdict.rejection()).contains(ListRejection.STRUCTURE_INVALID);
        assertThat(verdict.structure().errors()).singleElement().asString().contains("has none");
    }

    @Test
    void a_v5_list_keeps_either_signing_certificate_form() {
        assertThat(fi(withFi(fiList(5), SigningCertificateForm.V1)).accepted()).isTrue();
        assertThat(fi(withFi(fiList(5), SigningCertificateForm.V2)).accepted()).isTrue();
    }

    @Test
    void only_versions_5_and_6_are_accepted() {
        for (int version : new int[] {3, 4, 7}) {
            ListVerdict verdict = fi(withFi(fiList(version), SigningCertificateForm.V2));

            assertThat(verdict.rejection()).as("version " + version).contains(ListRejection.STRUCTURE_INVALID);
            assertThat(verdict.structure().errors()).singleElement().asString()
                    .contains("TSLVersionIdentifier " + version + " is not accepted");
        }
    }

    @Test
    void a_lotl_of_another_version_is_refused_and_no_list_is_used() {
        SignedListWorld world = new SignedListWorld().put("FI.xml", TestListSigner.with(FI_SIGNER).sign(fiList(5)));
        String lotl = TrustedListWriter.lotl().version(4).pointer("FI", "https://lists.test/FI.xml", FI_SIGNER.certificate()).build();

        TrustedListsReport report = world.putSigned("EU.xml", lotl, OJ).load(OJ, AT);

        assertThat(report.listOfLists().rejection()).contains(ListRejection.STRUCTURE_INVALID);
        assertThat(report.acceptedLists()).isEmpty();
    }

    @Test
    void a_v5_list_issued_after_v6_came_into_force_is_accepted_with_a_warning() {
        String late = TrustedListWriter.trustedList("FI").issued(Instant.parse("2026-05-01T00:00:00Z"))
                .nextUpdate(Instant.parse("2026-11-01T00:00:00Z"))
                .service(TrustedListWriter.service("FI QC CA", TrustedListWriter.CA_QC, CA.certificate())).build();
        SignedListWorld world = new SignedListWorld().put("FI.xml", TestListSigner.with(FI_SIGNER).sign(late));
        String lotl = TrustedListWriter.lotl().issued(Instant.parse("2026-05-01T00:00:00Z")).nextUpdate(Instant.parse("2026-11-01T00:00:00Z"))
                .pointer("FI", "https://lists.test/FI.xml", FI_SIGNER.certificate()).build();

        TrustedListsReport report = world.putSigned("EU.xml", lotl, OJ).load(OJ, Instant.parse("2026-06-01T00:00:00Z"));
        ListVerdict verdict = report.lists().get(0);

        assertThat(verdict.accepted()).as(String.join("\n", verdict.trace())).isTrue();
        assertThat(verdict.structure().warnings()).singleElement().asString().contains("v5 list issued");
    }

    @Test
    void lists_load_json_shows_the_structure_findings_of_each_list() {
        ListVerdict refused = fi(withFi(fiList(6), SigningCertificateForm.V1));
        ListVerdict accepted = fi(withFi(fiList(6), SigningCertificateForm.V2));

        JsonNode refusedJson = ListReportJson.verdict(refused);
        JsonNode acceptedJson = ListReportJson.verdict(accepted);

        assertThat(refusedJson.get("reason").asText()).isEqualTo("list_structure_invalid");
        assertThat(refusedJson.at("/structure/errors")).hasSize(1);
        assertThat(refusedJson.at("/structure/warnings").isArray()).isTrue();
        assertThat(acceptedJson.at("/structure/errors").isArray()).isTrue();
        assertThat(acceptedJson.at("/structure/errors")).isEmpty();
        assertThat(acceptedJson.at("/structure/warnings")).isEmpty();
    }
}
