package org.qtrust.adapters.crypto.xades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.SignatureStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The verifier against signatures made for the purpose: valid ones, and every trick a forger tries. */
class XadesListSignatureVerifierAttackTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final TestPki PKI = TestPki.create();
    private static final Credential SIGNER = PKI.endEntity("Trusted List Signer XX").issue();
    private static final Credential OTHER = PKI.endEntity("Someone Else").issue();
    private static final XadesListSignatureVerifier VERIFIER = new XadesListSignatureVerifier();

    private static final String LIST = TestLists.trustedList("XX")
            .service(TestLists.service("Test QC CA", TestLists.CA_QC, PKI.intermediate().certificate())
                    .status(TestLists.GRANTED, Instant.parse("2020-01-01T00:00:00Z"))
                    .history(TestLists.WITHDRAWN, Instant.parse("2019-01-01T00:00:00Z")))
            .build();
    private static final String SIGNED = TestListSigner.with(SIGNER).sign(LIST);

    private static SignatureCheck verify(String xml) {
        return verify(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static SignatureCheck verify(byte[] xml) {
        return VERIFIER.verify(new ListDocument("test", xml), List.of(SIGNER.serviceCertificate()));
    }

    @Nested
    class Genuine {

        @Test
        void a_list_signed_by_the_expected_signer_is_valid() {
            SignatureCheck check = verify(SIGNED);

            assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.failure()).isEmpty();
            assertThat(check.signer()).contains(SIGNER.serviceCertificate());
            assertThat(check.signerSubject()).isEqualTo(SIGNER.subject());
            assertThat(check.detail()).contains("ecdsa-sha256", "URI=\"\"", "SigningCertificateV2 (SHA-256) names the signer");
        }

        @Test
        void the_signature_is_the_last_child_of_the_root() {
            Document document = parse(SIGNED);
            Element last = (Element) document.getDocumentElement().getLastChild();

            assertThat(last.getLocalName()).isEqualTo("Signature");
            assertThat(last.getNamespaceURI()).isEqualTo(DS);
        }

        @Test
        void a_reference_to_the_root_id_covers_the_document_too() {
            String signed = TestListSigner.with(SIGNER).referenceUri("#TL-XX").sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.detail()).contains("URI=\"#TL-XX\"");
        }

        @Test
        void an_rsa_signer_is_valid_too() {
            Credential rsa = PKI.endEntity("RSA List Signer").rsaKey("rsa-list-signer").issue();

            SignatureCheck check = VERIFIER.verify(new ListDocument("rsa", TestListSigner.with(rsa).sign(LIST)
                    .getBytes(StandardCharsets.UTF_8)), List.of(rsa.serviceCertificate()));

            assertThat(check.status()).as(check.detail()).isEqualTo(SignatureStatus.VALID);
            assertThat(check.detail()).contains("rsa-sha256");
        }

        @Test
        void the_signer_may_be_any_of_several_expected_certificates() {
            SignatureCheck check = VERIFIER.verify(new ListDocument("t", SIGNED.getBytes(StandardCharsets.UTF_8)),
                    List.of(OTHER.serviceCertificate(), PKI.root().serviceCertificate(), SIGNER.serviceCertificate()));

            assertThat(check.signer()).contains(SIGNER.serviceCertificate());
        }

        @Test
        void without_a_certificate_in_key_info_each_expected_signer_key_is_tried() {
            String bare = edit(SIGNED, document -> {
                Element keyInfo = (Element) document.getElementsByTagNameNS(DS, "KeyInfo").item(0);
                keyInfo.getParentNode().removeChild(keyInfo);
            });

            SignatureCheck valid = VERIFIER.verify(new ListDocument("t", bytes(bare)),
                    List.of(OTHER.serviceCertificate(), SIGNER.serviceCertificate()));
            SignatureCheck unknown = VERIFIER.verify(new ListDocument("t", bytes(bare)), List.of(OTHER.serviceCertificate()));

            assertThat(valid.status()).as(valid.detail()).isEqualTo(SignatureStatus.VALID);
            assertThat(valid.signer()).contains(SIGNER.serviceCertificate());
            assertThat(unknown.status()).as(unknown.detail()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
            assertThat(unknown.signer()).isEmpty();
        }

        @Test
        void comments_and_cdata_in_signed_text_are_canonicalized_away_and_back() {
            String list = LIST.replace("<SchemeInformation>",
                    "<SchemeInformation><!-- a comment --><?keep this?>")
                    .replace("Test Trust Service Provider", "<![CDATA[Test <Trust> & Service]]> Provider");
            String signed = TestListSigner.with(SIGNER).sign(list);

            assertThat(verify(signed).status()).isEqualTo(SignatureStatus.VALID);
            assertThat(signed).contains("<!-- a comment -->");
            // comments are outside what exc-c14n without comments signs
            assertThat(verify(signed.replace("a comment", "another comment")).status()).isEqualTo(SignatureStatus.VALID);
            // the CDATA section is signed as its text
            assertThat(verify(signed.replace("Test <Trust> & Service", "Test <Trust> & Servic3")).failure())
                    .contains(Failure.CRYPTOGRAPHIC_FAILURE);
            assertThat(verify(signed.replace("<![CDATA[Test <Trust> & Service]]>", "Test &lt;Trust&gt; &amp; Service")).status())
                    .isEqualTo(SignatureStatus.VALID);
        }
        @Test
        void a_comment_inserted_inside_a_signed_value_keeps_the_signature_valid_so_readers_must_use_the_whole_text() {
            // Canonicalization drops comments: "gran<!---->ted" signs as "granted". A reader taking only the
            // first text node would read "gran" (the SAML comment-truncation trick); getTextContent() reads it all.
            String split = SIGNED.replace("Svcstatus/granted</ServiceStatus>", "Svcstatus/gran<!---->ted</ServiceStatus>");

            assertThat(verify(split).status()).isEqualTo(SignatureStatus.VALID);
            Element status = (Element) parse(split).getElementsByTagNameNS(TestLists.NAMESPACE, "ServiceStatus").item(0);
            assertThat(status.getFirstChild().getNodeValue()).endsWith("/gran");
            assertThat(status.getTextContent()).endsWith("/granted");
        }
    }

    @Nested
    class WrongSigner {

        @Test
        void a_sound_signature_by_someone_not_expected_is_not_trusted() {
            String signed = TestListSigner.with(OTHER).sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.status()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
            assertThat(check.failure()).contains(Failure.SIGNER_NOT_TRUSTED);
            assertThat(check.signer()).contains(OTHER.serviceCertificate());
            assertThat(check.signerSubject()).isEqualTo(OTHER.subject());
        }

        @Test
        void no_expected_signer_at_all_means_not_trusted() {
            SignatureCheck check = VERIFIER.verify(new ListDocument("t", bytes(SIGNED)), List.of());

            assertThat(check.status()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
        }

        @Test
        void the_expected_certificate_in_key_info_over_a_foreign_signature_is_a_cryptographic_failure() {
            // a forger signs with his key and puts the expected signer's certificate in KeyInfo
            String forged = TestListSigner.with(OTHER.privateKey(), SIGNER.certificate()).sign(LIST);

            SignatureCheck check = verify(forged);

            assertThat(check.failure()).as(check.detail()).contains(Failure.CRYPTOGRAPHIC_FAILURE);
        }

        @Test
        void a_signing_certificate_property_naming_another_certificate_is_refused() {
            String signed = TestListSigner.with(SIGNER).signingCertificateProperty(OTHER.certificate()).sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).as(check.detail()).contains(Failure.SIGNED_PROPERTIES_INVALID);
            assertThat(check.detail()).contains("names another certificate");
        }
    }

    @Nested
    class Tampering {

        @Test
        void changed_list_text_breaks_the_document_digest() {
            SignatureCheck check = verify(SIGNED.replace("Test QC CA", "Evil QC CA"));

            assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
            assertThat(check.failure()).contains(Failure.CRYPTOGRAPHIC_FAILURE);
            assertThat(check.signer()).contains(SIGNER.serviceCertificate());
        }

        @Test
        void a_changed_status_breaks_it_too() {
            assertThat(verify(SIGNED.replace("Svcstatus/granted", "Svcstatus/withdrawn")).failure())
                    .contains(Failure.CRYPTOGRAPHIC_FAILURE);
        }

        @Test
        void a_changed_signature_value_is_a_cryptographic_failure() {
            String signed = edit(SIGNED, document -> {
                Element value = (Element) document.getElementsByTagNameNS(DS, "SignatureValue").item(0);
                char[] text = value.getTextContent().strip().toCharArray();
                text[10] = text[10] == 'A' ? 'B' : 'A';
                value.setTextContent(new String(text));
            });

            assertThat(verify(signed).failure()).contains(Failure.CRYPTOGRAPHIC_FAILURE);
        }

        @Test
        void a_changed_signing_time_breaks_the_signed_properties() {
            String signed = SIGNED.replace("2024-01-01T00:00:00Z</xades:SigningTime>", "2030-01-01T00:00:00Z</xades:SigningTime>");
            assertThat(signed).isNotEqualTo(SIGNED);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).as(check.detail()).contains(Failure.SIGNED_PROPERTIES_INVALID);
        }

        @Test
        void unsigned_signed_properties_are_refused() {
            String signed = TestListSigner.with(SIGNER).withoutSignedPropertiesReference().sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).as(check.detail()).contains(Failure.SIGNED_PROPERTIES_INVALID);
        }
    }

    @Nested
    class Wrapping {

        @Test
        void a_new_root_around_the_signed_list_leaves_the_signature_off_the_root() {
            String body = SIGNED.substring(SIGNED.indexOf("<TrustServiceStatusList"));
            String wrapped = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Wrapper xmlns=\"urn:evil\">" + body + "</Wrapper>";

            SignatureCheck check = verify(wrapped);

            assertThat(check.failure()).as(check.detail()).contains(Failure.NOT_COVERING_DOCUMENT);
        }

        @Test
        void the_original_signature_moved_to_a_forged_list_no_longer_matches_the_whole_document() {
            // signed with URI="": the forger moves the signature under his own list
            String forged = edit(SIGNED, document -> {
                Element root = document.getDocumentElement();
                Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
                Element fake = (Element) root.cloneNode(false);
                for (Element child : children(root)) {
                    if (child != signature) {
                        fake.appendChild(child.cloneNode(true));
                    }
                }
                fake.getElementsByTagNameNS(TestLists.NAMESPACE, "ServiceStatus").item(0).setTextContent(
                        "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted-forever");
                fake.appendChild(signature);
                document.replaceChild(fake, root);
            });

            SignatureCheck check = verify(forged);

            assertThat(check.status()).isNotEqualTo(SignatureStatus.VALID);
            assertThat(check.failure()).contains(Failure.CRYPTOGRAPHIC_FAILURE);
        }

        @Test
        void signed_content_hidden_in_the_signature_under_a_forged_root_does_not_cover_the_document() {
            // signed with URI="#TL-XX": the forger hides the genuine list inside the signature
            // and puts a forged root without that Id in front
            String signed = TestListSigner.with(SIGNER).referenceUri("#TL-XX").sign(LIST);
            String forged = edit(signed, document -> {
                Element genuine = document.getDocumentElement();
                Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
                genuine.removeChild(signature);
                Element fake = (Element) genuine.cloneNode(true);
                fake.removeAttribute("Id");
                fake.appendChild(signature);
                Element object = (Element) signature.getElementsByTagNameNS(DS, "Object").item(0);
                document.replaceChild(fake, genuine);
                object.appendChild(genuine);
            });

            SignatureCheck check = verify(forged);

            assertThat(check.status()).isNotEqualTo(SignatureStatus.VALID);
            assertThat(check.failure()).as(check.detail()).contains(Failure.NOT_COVERING_DOCUMENT);
        }

        @Test
        void a_forged_root_reusing_the_signed_id_is_a_duplicate_id() {
            String signed = TestListSigner.with(SIGNER).referenceUri("#TL-XX").sign(LIST);
            String forged = edit(signed, document -> {
                Element genuine = document.getDocumentElement();
                Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
                genuine.removeChild(signature);
                Element fake = (Element) genuine.cloneNode(true);
                fake.appendChild(signature);
                document.replaceChild(fake, genuine);
                signature.getElementsByTagNameNS(DS, "Object").item(0).appendChild(genuine);
            });

            SignatureCheck check = verify(forged);

            assertThat(check.failure()).as(check.detail()).contains(Failure.NOT_COVERING_DOCUMENT);
            assertThat(check.detail()).contains("occurs 2 times");
        }

        @Test
        void a_reference_to_one_element_only_does_not_cover_the_document() {
            String list = LIST.replace("<SchemeInformation>", "<SchemeInformation Id=\"scheme\">");
            String signed = TestListSigner.with(SIGNER).referenceUri("#scheme").sign(list);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).as(check.detail()).contains(Failure.NOT_COVERING_DOCUMENT);
            assertThat(check.detail()).contains("SchemeInformation");
        }

        @Test
        void a_signature_placed_deeper_than_the_root_is_refused() {
            String moved = edit(SIGNED, document -> {
                Element signature = (Element) document.getElementsByTagNameNS(DS, "Signature").item(0);
                document.getElementsByTagNameNS(TestLists.NAMESPACE, "SchemeInformation").item(0).appendChild(signature);
            });

            assertThat(verify(moved).failure()).contains(Failure.NOT_COVERING_DOCUMENT);
        }

        @Test
        void a_second_signature_is_refused() {
            String twice = TestListSigner.with(OTHER).sign(SIGNED);

            SignatureCheck check = verify(twice);

            assertThat(check.failure()).contains(Failure.MULTIPLE_SIGNATURES);
            assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
        }
    }

    @Nested
    class ForbiddenConstructs {

        @ParameterizedTest
        @ValueSource(strings = {TestListSigner.XPATH, TestListSigner.XSLT})
        void xpath_and_xslt_transforms_are_refused(String transform) {
            String signed = TestListSigner.with(SIGNER)
                    .documentTransforms("http://www.w3.org/2000/09/xmldsig#enveloped-signature", transform).sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).as(check.detail()).contains(Failure.FORBIDDEN_CONSTRUCT);
            assertThat(check.detail()).containsAnyOf("XPath", "XSLT");
        }

        @Test
        void xpath_filter_2_is_refused() {
            String signed = TestListSigner.with(SIGNER)
                    .documentTransforms(TestListSigner.XPATH_FILTER2, "http://www.w3.org/2001/10/xml-exc-c14n#").sign(LIST);

            SignatureCheck check = verify(signed);

            assertThat(check.failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
            assertThat(check.detail()).contains("XPath Filter 2.0");
        }

        @Test
        void a_base64_transform_is_refused() {
            String edited = SIGNED.replaceFirst("Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"",
                    "Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#base64\"");

            assertThat(verify(edited).failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://attacker.test/list.xml", "file:///etc/passwd", "list.xml", "#xpointer(/)"})
        void references_outside_the_document_are_refused_before_anything_is_fetched(String uri) {
            String edited = edit(SIGNED, document -> {
                Element signedInfo = (Element) document.getElementsByTagNameNS(DS, "SignedInfo").item(0);
                Element reference = (Element) document.getElementsByTagNameNS(DS, "Reference").item(0).cloneNode(true);
                reference.setAttribute("URI", uri);
                reference.removeAttribute("Id");
                signedInfo.appendChild(reference);
            });

            SignatureCheck check = verify(edited);

            assertThat(check.failure()).as(check.detail()).contains(Failure.FORBIDDEN_CONSTRUCT);
        }

        @Test
        void a_retrieval_method_in_key_info_is_refused() {
            String edited = edit(SIGNED, document -> {
                Element keyInfo = (Element) document.getElementsByTagNameNS(DS, "KeyInfo").item(0);
                Element retrieval = document.createElementNS(DS, "ds:RetrievalMethod");
                retrieval.setAttribute("URI", "http://attacker.test/key.cer");
                keyInfo.appendChild(retrieval);
            });

            assertThat(verify(edited).failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "http://www.w3.org/2000/09/xmldsig#rsa-sha1",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-md5"})
        void macs_and_broken_hashes_are_refused_as_signature_methods(String method) {
            String edited = SIGNED.replace("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", method);

            SignatureCheck check = verify(edited);

            assertThat(check.failure()).as(check.detail()).contains(Failure.FORBIDDEN_CONSTRUCT);
        }

        @Test
        void a_sha1_reference_digest_is_refused() {
            String edited = SIGNED.replaceFirst("http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2000/09/xmldsig#sha1");

            assertThat(verify(edited).failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        }
    }

    @Nested
    class HostileXml {

        @Test
        void an_external_entity_is_never_resolved(@TempDir Path folder) throws Exception {
            Path secret = folder.resolve("secret.txt");
            Files.writeString(secret, "SECRET");
            String xxe = SIGNED.replaceFirst("<TrustServiceStatusList",
                    "<!DOCTYPE TrustServiceStatusList [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><TrustServiceStatusList")
                    .replace("Test QC CA", "&xxe;");

            SignatureCheck check = verify(xxe);

            assertThat(check.failure()).contains(Failure.UNREADABLE);
            assertThat(check.detail()).contains("DOCTYPE").doesNotContain("SECRET");
        }

        @Test
        void entity_expansion_is_refused() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE TrustServiceStatusList [<!ENTITY a0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
            }
            dtd.append("]>");
            String bomb = SIGNED.replaceFirst("<TrustServiceStatusList", dtd + "<TrustServiceStatusList").replace("Test QC CA", "&a9;");

            assertThat(verify(bomb).failure()).contains(Failure.UNREADABLE);
        }

        @Test
        void any_doctype_is_refused_even_without_entities() {
            String withDoctype = SIGNED.replaceFirst("<TrustServiceStatusList", "<!DOCTYPE TrustServiceStatusList><TrustServiceStatusList");

            assertThat(verify(withDoctype).failure()).contains(Failure.UNREADABLE);
        }

        @Test
        void a_truncated_document_is_unreadable() {
            byte[] signed = bytes(SIGNED);

            SignatureCheck check = verify(Arrays.copyOf(signed, signed.length / 2));

            assertThat(check.status()).isEqualTo(SignatureStatus.INVALID);
            assertThat(check.failure()).contains(Failure.UNREADABLE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   \n", "not xml at all", "<a>", "\u0000\u0001\u0002"})
        void garbage_is_unreadable(String content) {
            assertThat(verify(content).failure()).contains(Failure.UNREADABLE);
        }

        @Test
        void a_document_over_the_size_limit_is_not_parsed() {
            XadesListSignatureVerifier small = new XadesListSignatureVerifier(1024, 100);

            SignatureCheck check = small.verify(new ListDocument("t", bytes(SIGNED)), List.of(SIGNER.serviceCertificate()));

            assertThat(check.failure()).contains(Failure.UNREADABLE);
            assertThat(check.detail()).contains("more than the limit of 1024");
        }

        @Test
        void a_document_nested_deeper_than_the_limit_is_unreadable() {
            String deep = "<a>".repeat(150) + "</a>".repeat(150);

            SignatureCheck check = verify(deep);

            assertThat(check.failure()).contains(Failure.UNREADABLE);
            assertThat(check.detail()).containsIgnoringCase("depth");
        }

        @Test
        void random_damage_never_makes_the_verifier_throw_nor_passes_inside_the_signed_part() {
            byte[] signed = bytes(SIGNED);
            int rootStart = SIGNED.indexOf("<TrustServiceStatusList");
            int keyInfoStart = SIGNED.indexOf("<ds:KeyInfo");
            int keyInfoEnd = SIGNED.indexOf("</ds:KeyInfo>");
            Random random = new Random(42);
            for (int i = 0; i < 300; i++) {
                byte[] damaged = signed.clone();
                int at = random.nextInt(damaged.length);
                damaged[at] = (byte) (damaged[at] ^ (1 << random.nextInt(8)));
                assertThatCode(() -> verify(damaged)).doesNotThrowAnyException();
                boolean signedPart = at > rootStart && (at < keyInfoStart || at > keyInfoEnd);
                if (signedPart) {
                    assertThat(verify(damaged).status()).as("byte %d flipped", at).isNotEqualTo(SignatureStatus.VALID);
                }
            }
        }
    }

    @Test
    void expected_signers_are_compared_by_certificate_not_by_name() {
        // same subject name, different key: a look-alike certificate must not pass
        Credential lookAlike = TestPki.create("Look Alike").certificate(SIGNER.subject()).ecKey("look-alike").endEntity().issue();
        assertThat(lookAlike.subject()).isEqualTo(SIGNER.subject());

        SignatureCheck check = VERIFIER.verify(new ListDocument("t", bytes(SIGNED)), List.of(lookAlike.serviceCertificate()));

        assertThat(check.status()).isEqualTo(SignatureStatus.SIGNER_NOT_TRUSTED);
        assertThat(check.signer()).contains(SIGNER.serviceCertificate());
    }

    @Test
    void the_verifier_never_returns_a_check_that_misreports_its_status() {
        for (String xml : List.of(SIGNED, LIST, "", SIGNED.replace("Test QC CA", "X"))) {
            SignatureCheck check = verify(xml);
            assertThat(check.failure().map(Failure::status).orElse(SignatureStatus.VALID)).isEqualTo(check.status());
        }
    }

    // --- helpers ---

    private interface DomEdit {
        void apply(Document document) throws Exception;
    }

    private static String edit(String xml, DomEdit edit) {
        try {
            Document document = parse(xml);
            edit.apply(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new java.util.ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
