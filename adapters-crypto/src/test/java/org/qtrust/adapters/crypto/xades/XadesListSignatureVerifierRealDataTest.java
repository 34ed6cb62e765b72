package org.qtrust.adapters.crypto.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.adapters.crypto.SharedTrustData.document;
import static org.qtrust.adapters.crypto.SharedTrustData.keyInfoCertificates;
import static org.qtrust.adapters.crypto.SharedTrustData.pointerCertificates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.adapters.crypto.SharedTrustData;
import org.qtrust.adapters.crypto.keystore.CertificateSourceException;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.SignatureStatus;

/** The verifier against the real EU lists of the shared snapshot and DSS's damaged variants. */
class XadesListSignatureVerifierRealDataTest {

    private static final String LOTL = "lotl-snapshot/EU.xml";
    private static final XadesListSignatureVerifier VERIFIER = new XadesListSignatureVerifier();
    private static List<ServiceCertificate> officialJournal;

    @BeforeAll
    static void loadOfficialJournal() throws CertificateSourceException {
        officialJournal = OfficialJournalCertificates.fromKeyStore(SharedTrustData.trustData("oj-keystore/keystore.p12"),
                "dss-password".toCharArray());
    }

    static Stream<String> nationalLists() throws IOException {
        try (Stream<Path> files = Files.list(SharedTrustData.trustData("lotl-snapshot"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".xml") && !n.equals("EU.xml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nationalLists")
    void every_national_list_of_the_snapshot_is_signed_by_a_certificate_its_lotl_pointer_announces(String territory) {
        List<ServiceCertificate> announced = pointerCertificates(LOTL, territory);
        assertThat(announced).isNotEmpty();

        SignatureCheck check = VERIFIER.verify(document("lotl-snapshot/" + territory + ".xml"), announced);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.signer()).isPresent();
        assertThat(announced).contains(check.signer().get());
        assertThat(check.signerSubject()).isNotBlank();
        assertThat(check.detail()).contains("covers the whole document", "SignedProperties");
    }

    @Test
    void snapshot_national_list_count_matches_the_manifest() throws IOException {
        assertThat(nationalLists().count()).isEqualTo(28);
    }

    @Test
    void the_lotl_is_signed_by_an_official_journal_certificate() {
        assertThat(officialJournal).hasSize(8);

        SignatureCheck check = VERIFIER.verify(document(LOTL), officialJournal);

        assertThat(check.isValid()).as(check.detail()).isTrue();
        assertThat(check.signer().orElseThrow().sha256Hex())
                .isEqualTo("d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474");
        assertThat(check.signerSubject()).isEqualTo("SERIALNUMBER=72020329970,GIVENNAME=Patrick Jean,SN=Kremer,"
                + "CN=Patrick Kremer (Signature),C=BE");
        assertThat(check.detail()).contains("rsa-sha256", "URI=\"\"", "enveloped-signature", "SigningCertificate");
    }

    @Test
    void the_lotl_is_not_trusted_when_the_expected_signers_are_the_french_ones() {
        SignatureCheck check = VERIFIER.verify(document(LOTL), pointerCertificates(LOTL, "FR"));

        assertThat(check.status()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
        assertThat(check.signerSubject()).contains("Patrick Kremer");
    }

    @Test
    void a_later_french_list_signed_by_a_key_the_lotl_does_not_announce_is_not_trusted() {
        SignatureCheck check = VERIFIER.verify(document("other-versions/FR_59.xml"), pointerCertificates(LOTL, "FR"));

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
        assertThat(check.failure()).contains(Failure.SIGNER_NOT_TRUSTED);
        assertThat(check.signer()).isPresent();
        assertThat(check.signerSubject()).contains("CN=Mathieu JORRY");
        assertThat(check.detail()).contains("not among the 2 expected signers");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // the document digest no longer matches: content edited after signing
        "CZ_broken-sig.xml,            CRYPTOGRAPHIC_FAILURE",
        "eu-lotl-broken-sig.xml,       CRYPTOGRAPHIC_FAILURE",
        "eu-lotl_broken-sig.xml,       CRYPTOGRAPHIC_FAILURE",
        "eu-lotl-no-tl-version.xml,    CRYPTOGRAPHIC_FAILURE",
        "eu-lotl_non-compliant.xml,    CRYPTOGRAPHIC_FAILURE",
        "tl_pivot_191_mp_broken-sig.xml, CRYPTOGRAPHIC_FAILURE",
        "tl_pivot_247_mp_broken-sig.xml, CRYPTOGRAPHIC_FAILURE",
        "tl_pivot_247_mp_missing-pivot.xml, CRYPTOGRAPHIC_FAILURE",
        // the SignatureValue itself no longer verifies (SignedInfo edited)
        "CZ_not-compliant.xml,         CRYPTOGRAPHIC_FAILURE",
        "CZ_no-sig.xml,                MISSING",
        "eu-lotl-no-sig.xml,           MISSING",
        "tl_pivot_191_mp_no-sig.xml,   MISSING",
        "tl_pivot_247_mp_no-sig.xml,   MISSING",
        "CZ_two-sigs.xml,              MULTIPLE_SIGNATURES",
        "CZ_empty.xml,                 UNREADABLE",
        "tl_pivot_247_mp_empty.xml,    UNREADABLE",
        "CZ_not-parsable.xml,          UNREADABLE",
        "CZ_not-conform.xml,           UNREADABLE",
        "eu-lotl-not-parseable.xml,    UNREADABLE",
        "eu-lotl_not-parsable.xml,     UNREADABLE",
        "tl_pivot_191_mp_not-parsable.xml, UNREADABLE",
        "tl_pivot_247_mp_not-parsable.xml, UNREADABLE",
    })
    void every_damaged_file_fails_for_its_own_reason(String file, Failure expected) {
        List<ServiceCertificate> signers = file.startsWith("CZ") ? pointerCertificates(LOTL, "CZ") : officialJournal;

        SignatureCheck check = VERIFIER.verify(document("broken/" + file), signers);

        assertThat(check.failure()).as(check.detail()).contains(expected);
        assertThat(check.status()).isEqualTo(expected.status());
        assertThat(check.detail()).isNotBlank();
    }

    @Test
    void a_damaged_file_still_names_the_signer_it_claims() {
        SignatureCheck check = VERIFIER.verify(document("broken/eu-lotl_broken-sig.xml"), officialJournal);

        assertThat(check.signerSubject()).contains("Patrick Kremer");
        assertThat(check.detail()).contains("does not match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tl_pivot_247_mp_with-bom.xml", "tl_pivot_247_mp_with-spaces.xml", "eu-lotl_xml-directive-removed.xml"})
    void format_variants_still_verify(String file) {
        SignatureCheck check = VERIFIER.verify(document("broken/" + file), officialJournal);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void whitespace_before_the_xml_declaration_is_tolerated() {
        byte[] original = SharedTrustData.bytes("pivots/tl_pivot_247_mp.xml");
        byte[] padded = new byte[original.length + 4];
        padded[0] = '\n';
        padded[1] = ' ';
        padded[2] = '\r';
        padded[3] = '\n';
        System.arraycopy(original, 0, padded, 4, original.length);

        assertThat(VERIFIER.verify(new ListDocument("padded", padded), officialJournal).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-lotl-pivot-282.xml", "tl_pivot_191_mp.xml", "tl_pivot_226_mp.xml", "tl_pivot_247_mp.xml"})
    void pivots_signed_by_an_official_journal_certificate_verify_against_the_keystore(String file) {
        SignatureCheck check = VERIFIER.verify(document("pivots/" + file), officialJournal);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
    }

    @ParameterizedTest(name = "{1} is signed by a key {0} announces")
    @CsvSource({
        "eu-lotl-pivot-282.xml, eu-lotl-pivot-300.xml",
        "eu-lotl-pivot-300.xml, eu-lotl-pivot-335.xml",
        "eu-lotl-pivot-335.xml, eu-lotl-pivot-341.xml",
    })
    void each_later_pivot_is_signed_by_a_key_the_previous_one_announces(String previous, String next) {
        SignatureCheck check = VERIFIER.verify(document("pivots/" + next), pointerCertificates("pivots/" + previous, "EU"));

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tl_pivot_172_mp.xml", "eu-lotl-pivot-335.xml", "eu-lotl-pivot-341.xml"})
    void pivots_signed_outside_the_2019_keystore_are_not_trusted_by_it(String file) {
        SignatureCheck check = VERIFIER.verify(document("pivots/" + file), officialJournal);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
    }

    @Test
    void the_synthetic_pivot_series_verifies_against_its_own_test_keystore() throws CertificateSourceException {
        List<ServiceCertificate> oj1 = OfficialJournalCertificates.fromKeyStore(
                SharedTrustData.trustData("pivots/synthetic/keystore_OJ1.p12"), "password".toCharArray());

        SignatureCheck check = VERIFIER.verify(document("pivots/synthetic/lotl_test_OJ_1_pivot_01.xml"), oj1);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.signerSubject()).contains("LOTL signer 2");
    }

    @Test
    void a_brainpool_ecdsa_signature_verifies_through_bouncy_castle() {
        String file = "other-versions/tl-ecdsa-brainpool.xml";
        List<ServiceCertificate> ownSigner = keyInfoCertificates(file);

        SignatureCheck check = VERIFIER.verify(document(file), ownSigner);

        assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.detail()).contains("ecdsa-sha256 via BC");
        assertThat(check.signerSubject()).contains("gematik");
    }

    @Test
    void bouncy_castle_is_not_installed_as_a_global_provider() {
        VERIFIER.verify(document("other-versions/tl-ecdsa-brainpool.xml"), List.of());

        assertThat(java.security.Security.getProvider("BC")).isNull();
    }

    @Test
    void a_reference_digested_with_sha1_is_refused() {
        // The Peru list signs its KeyInfo with a SHA-1 reference digest, which JDK secure validation refuses too.
        String file = "other-versions/tsl-pe.xml";

        SignatureCheck check = VERIFIER.verify(document(file), keyInfoCertificates(file));

        assertThat(check.failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        assertThat(check.detail()).contains("xmldsig#sha1");
    }

    @Test
    void structural_variants_edited_after_signing_fail_while_the_signed_v6_list_verifies() {
        String file = "other-versions/fi-v6.xml";
        assertThat(VERIFIER.verify(document(file), keyInfoCertificates(file)).isValid()).isTrue();

        String edited = "other-versions/fi-v6-no-tsp-information.xml";
        assertThat(VERIFIER.verify(document(edited), keyInfoCertificates(edited)).failure())
                .contains(Failure.CRYPTOGRAPHIC_FAILURE);
    }

    @Test
    void a_verified_signature_reports_which_signing_certificate_property_it_signs() {
        // fi-v6.xml carries the EN 319 132-1 form, fi-v6-sig-cert.xml the older XAdES 1.3.2 one
        SignatureCheck v2 = VERIFIER.verify(document("other-versions/fi-v6.xml"), keyInfoCertificates("other-versions/fi-v6.xml"));
        SignatureCheck v1 = VERIFIER.verify(document("other-versions/fi-v6-sig-cert.xml"),
                keyInfoCertificates("other-versions/fi-v6-sig-cert.xml"));

        assertThat(v2.signedSignatureProperties()).contains("SigningCertificateV2").doesNotContain("SigningCertificate");
        assertThat(v1.isValid()).as(v1.detail()).isTrue();
        assertThat(v1.signedSignatureProperties()).contains("SigningCertificate").doesNotContain("SigningCertificateV2");
    }

    @Test
    void lists_verify_in_parallel_with_one_shared_verifier() throws IOException {
        List<String> territories = nationalLists().toList();
        java.util.Map<String, List<ServiceCertificate>> announced = new java.util.HashMap<>();
        java.util.Map<String, ListDocument> documents = new java.util.HashMap<>();
        for (String territory : territories) {
            announced.put(territory, pointerCertificates(LOTL, territory));
            documents.put(territory, document("lotl-snapshot/" + territory + ".xml"));
        }

        List<SignatureCheck> checks = territories.parallelStream()
                .flatMap(t -> Stream.of(t, t, t))
                .map(t -> VERIFIER.verify(documents.get(t), announced.get(t)))
                .toList();

        assertThat(checks).hasSize(3 * territories.size()).allMatch(SignatureCheck::isValid);
    }
}
