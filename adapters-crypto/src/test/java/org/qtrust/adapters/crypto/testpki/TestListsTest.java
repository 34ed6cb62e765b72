package org.qtrust.adapters.crypto.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.w3c.dom.Document;

class TestListsTest {

    private final TestPki pki = TestPki.create();
    private final Credential lotlSigner = pki.endEntity("LOTL Signer").issue();
    private final Credential beSigner = pki.endEntity("BE List Signer").issue();

    @Test
    void a_signed_lotl_verifies_and_announces_the_national_signer() throws Exception {
        String lotl = TestListSigner.with(lotlSigner).sign(TestLists.lotl().sequenceNumber(7)
                .pointer("EU", "https://lists.test/eu-lotl.xml", lotlSigner.certificate())
                .pointer("BE", "https://lists.test/BE.xml", beSigner.certificate())
                .build());

        SignatureCheck check = new XadesListSignatureVerifier().verify(
                new ListDocument("lotl", lotl.getBytes(StandardCharsets.UTF_8)), List.of(lotlSigner.serviceCertificate()));

        assertThat(check.isValid()).as(check.detail()).isTrue();
        Document document = parse(lotl);
        assertThat(document.getElementsByTagNameNS(TestLists.NAMESPACE, "OtherTSLPointer").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagNameNS(TestLists.NAMESPACE, "TSLSequenceNumber").item(0).getTextContent()).isEqualTo("7");
    }

    @Test
    void a_national_list_has_one_provider_and_services_with_history() throws Exception {
        Credential ca = pki.certificate("CN=BE QC CA,O=Test TSP,C=BE").ca(0).issue();
        String list = TestLists.trustedList("BE").provider("Test TSP")
                .service(TestLists.service("BE QC CA", TestLists.CA_QC, ca.certificate())
                        .status(TestLists.GRANTED, Instant.parse("2016-07-01T00:00:00Z"))
                        .additionalInformation("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures")
                        .history(TestLists.ACCREDITED, Instant.parse("2012-01-01T00:00:00Z")))
                .service(TestLists.service("BE TSA", TestLists.TSA_QTST, pki.endEntity("BE TSA").issue().certificate()))
                .build();
        String signed = TestListSigner.with(beSigner).sign(list);

        Document document = parse(signed);
        assertThat(document.getElementsByTagNameNS(TestLists.NAMESPACE, "TrustServiceProvider").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagNameNS(TestLists.NAMESPACE, "TSPService").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagNameNS(TestLists.NAMESPACE, "ServiceHistoryInstance").getLength()).isEqualTo(1);
        assertThat(new XadesListSignatureVerifier().verify(new ListDocument("be", signed.getBytes(StandardCharsets.UTF_8)),
                List.of(beSigner.serviceCertificate())).isValid()).isTrue();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
