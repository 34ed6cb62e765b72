package org.qtrust.adapters.crypto.mdoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerdict;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;

/**
 * ISO/IEC 18013-5 Annex D (D.4.1.2, the mdoc response): the public example DeviceResponse, its
 * bytes as the standard prints them (src/test/resources/mdoc/annex-d-device-response.hex, taken
 * from a public copy of the test vector). It parses, every element matches its digest, and its
 * issuer signature verifies with its own Document Signer certificate as a plain anchor. Its
 * device authentication is a deviceMac, which needs the reader's key.
 */
class AnnexDExampleTest {

    private static final MdocWorld WORLD = new MdocWorld();
    /** Inside the example's validity (2020-10-01T13:30:02Z to 2021-10-01T13:30:02Z). */
    private static final Instant WHEN = Instant.parse("2020-10-02T00:00:00Z");

    static byte[] annexD() throws IOException {
        try (InputStream in = AnnexDExampleTest.class.getResourceAsStream("/mdoc/annex-d-device-response.hex")) {
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    /** The example's own Document Signer certificate (x5chain, label 33 of issuerAuth's unprotected header). */
    static X509Certificate documentSigner(byte[] response) throws Exception {
        Cbor.Map top = (Cbor.Map) WORLD.cbor.decode(response, CborLimits.ENVELOPE);
        Cbor.Map document = (Cbor.Map) ((Cbor.Array) top.get("documents").orElseThrow()).get(0);
        Cbor.Array issuerAuth = (Cbor.Array) ((Cbor.Map) document.get("issuerSigned").orElseThrow()).get("issuerAuth").orElseThrow();
        byte[] der = ((Cbor.Bytes) ((Cbor.Map) issuerAuth.get(1)).get(33).orElseThrow()).value();
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    @Test
    void the_annex_d_device_response_parses_and_its_issuer_signature_verifies_with_its_own_certificate_as_anchor() throws Exception {
        byte[] response = annexD();
        X509Certificate ds = documentSigner(response);

        MdocVerdict verdict = WORLD.verifier(ds).verify(MdocCheck.of(response, WHEN));

        assertThat(ds.getSubjectX500Principal().getName()).contains("utopia ds");
        assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.OK);
        assertThat(verdict.docType()).contains("org.iso.18013.5.1.mDL");
        assertThat(verdict.trustSource()).contains("anchor");
        assertThat(verdict.deviceBound()).isFalse();
        Map<String, Object> elements = verdict.elements().get("org.iso.18013.5.1");
        assertThat(elements).containsEntry("family_name", "Doe").containsEntry("issue_date", "2019-10-20")
                .containsEntry("expiry_date", "2024-10-20").containsEntry("document_number", "123456789")
                .containsKeys("portrait", "driving_privileges");
        assertThat((String) elements.get("portrait")).startsWith("_9j_4AAQSkZJRg");
        assertThat(verdict.validity().orElseThrow().validUntil()).isEqualTo(Instant.parse("2021-10-01T13:30:02Z"));
        assertThat(verdict.trace()).anyMatch(l -> l.startsWith("signature: issuerAuth ES256 verifies"))
                .anyMatch(l -> l.startsWith("digests: 6 element(s) in 1 namespace(s)"));
    }

    @Test
    void without_its_anchor_the_example_is_not_trusted_and_after_its_validity_it_is_expired() throws Exception {
        byte[] response = annexD();

        assertThat(WORLD.verifier().verify(MdocCheck.of(response, WHEN)).code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        MdocVerdict late = WORLD.verifier(documentSigner(response)).verify(MdocCheck.of(response, Instant.parse("2021-12-01T00:00:00Z")));
        assertThat(late.valid()).isFalse();
    }

    @Test
    void its_device_mac_is_refused_with_a_clear_code_when_a_transcript_is_given() throws Exception {
        byte[] response = annexD();

        MdocVerdict verdict = WORLD.verifier(documentSigner(response)).verify(MdocCheck.of(response, WHEN).withTranscript(WORLD.transcript()));

        assertThat(verdict.code()).isEqualTo(CredentialCode.DEVICE_MAC_UNSUPPORTED);
        assertThat(verdict.trace()).anyMatch(l -> l.contains("deviceMac") && l.contains("reader"));
    }

    @Test
    void one_changed_byte_in_an_element_breaks_its_digest() throws Exception {
        byte[] response = annexD();
        X509Certificate ds = documentSigner(response);
        byte[] tampered = response.clone();
        // "Doe" (63 44 6f 65) → "Dof": inside the first IssuerSignedItem.
        int at = HexFormat.of().formatHex(tampered).indexOf("63446f65") / 2 + 3;
        tampered[at] = 0x66;

        MdocVerdict verdict = WORLD.verifier(ds).verify(MdocCheck.of(tampered, WHEN));

        assertThat(verdict.code()).isEqualTo(CredentialCode.DIGEST_MISMATCH);
    }
}
