package org.qtrust.adapters.crypto.jades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.SignatureStatus;

/** TS 119 602 §6.8: a list is authentic only when signed by a configured signer, JWS for JSON, XAdES for XML. */
class LoteSignatureVerifierTest {

    private static final TestPki PKI = TestPki.create("LoTE Signatures");
    private static final Credential OPERATOR = PKI.endEntity("LoTE Operator").issue();
    private static final Credential OTHER = PKI.endEntity("Somebody Else").issue();
    private static final Credential RSA_OPERATOR = PKI.endEntity("LoTE Operator RSA").rsaKey("lote-rsa").issue();
    private static final Credential PROVIDER = PKI.endEntity("PID Provider").issue();

    private final LoteListSignatureVerifier verifier =
            new LoteListSignatureVerifier(new XadesListSignatureVerifier(), new JadesListSignatureVerifier());

    private static TestLotes.LoteBuilder list() {
        return TestLotes.pidProviders().entity("PID Provider",
                TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate()));
    }

    private SignatureCheck verify(String document, Credential... anchors) {
        List<ServiceCertificate> expected = java.util.Arrays.stream(anchors).map(Credential::serviceCertificate).toList();
        return verifier.verify(new ListDocument("test", document.getBytes(StandardCharsets.UTF_8)), expected);
    }

    @Test
    void a_compact_jws_by_a_configured_signer_is_valid() {
        SignatureCheck check = verify(list().signedJson(OPERATOR), OPERATOR);

        assertThat(check.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(check.signer()).contains(OPERATOR.serviceCertificate());
        assertThat(check.detail()).contains("x5c", "ES256");
    }

    @Test
    void rsa_signatures_are_accepted_too() {
        assertThat(verify(list().signedJson(RSA_OPERATOR), RSA_OPERATOR).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void the_json_serialization_carries_the_same_signature() {
        String[] parts = list().signedJson(OPERATOR).split("\\.");
        String flattened = "{\"protected\":\"" + parts[0] + "\",\"payload\":\"" + parts[1] + "\",\"signature\":\"" + parts[2] + "\"}";
        String general = "{\"payload\":\"" + parts[1] + "\",\"signatures\":[{\"protected\":\"" + parts[0]
                + "\",\"signature\":\"" + parts[2] + "\"}]}";

        assertThat(verify(flattened, OPERATOR).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verify(general, OPERATOR).status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void a_changed_payload_no_longer_verifies() {
        String[] parts = list().signedJson(OPERATOR).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"LoTESequenceNumber\":1", "\"LoTESequenceNumber\":99");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        SignatureCheck check = verify(tampered, OPERATOR);

        assertThat(check.failure()).contains(Failure.CRYPTOGRAPHIC_FAILURE);
    }

    @Test
    void a_sound_signature_by_someone_not_configured_is_signer_not_trusted() {
        SignatureCheck check = verify(list().signedJson(OTHER), OPERATOR);

        assertThat(check.failure()).contains(Failure.SIGNER_NOT_TRUSTED);
        assertThat(check.signerSubject()).contains("Somebody Else");
    }

    @Test
    void without_x5c_only_the_configured_signers_keys_are_tried() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(list().json());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue("operator-key-1");
        jws.setKey(OPERATOR.privateKey());
        String byKid = jws.getCompactSerialization();

        assertThat(verify(byKid, OTHER, OPERATOR).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verify(byKid, OTHER).failure()).contains(Failure.SIGNER_NOT_TRUSTED);
    }

    @Test
    void symmetric_and_none_algorithms_are_refused_before_any_cryptography() throws Exception {
        JsonWebSignature hmac = new JsonWebSignature();
        hmac.setPayload(list().json());
        hmac.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hmac.setKey(new HmacKey(OPERATOR.certificate().getPublicKey().getEncoded()));
        String none = base64url("{\"alg\":\"none\"}") + "." + base64url(list().json()) + ".";

        assertThat(verify(hmac.getCompactSerialization(), OPERATOR).failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        assertThat(verify(none, OPERATOR).failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
    }

    @Test
    void an_unknown_critical_header_is_refused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(list().json());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setCertificateChainHeaderValue(OPERATOR.certificate());
        jws.setCriticalHeaderNames("urn:example:unknown");
        jws.setHeader("urn:example:unknown", "x");
        jws.setKey(OPERATOR.privateKey());

        assertThat(verify(jws.getCompactSerialization(), OPERATOR).status()).isNotEqualTo(SignatureStatus.VALID);
    }

    @Test
    void an_x5t_that_names_another_certificate_than_x5c_is_a_substitution() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(list().json());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setCertificateChainHeaderValue(OPERATOR.certificate());
        jws.setX509CertSha256ThumbprintHeaderValue(OTHER.certificate());
        jws.setKey(OPERATOR.privateKey());
        SignatureCheck substituted = verify(jws.getCompactSerialization(), OPERATOR, OTHER);

        jws.setX509CertSha256ThumbprintHeaderValue(OPERATOR.certificate());
        SignatureCheck consistent = verify(jws.getCompactSerialization(), OPERATOR);

        assertThat(substituted.failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
        assertThat(substituted.detail()).contains("x5t#S256");
        assertThat(consistent.status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void the_claimed_signing_time_is_traced_and_a_malformed_one_refused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(list().json());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setCertificateChainHeaderValue(OPERATOR.certificate());
        jws.setCriticalHeaderNames("sigT");
        jws.setHeader("sigT", "2026-05-01T10:00:00Z");
        jws.setKey(OPERATOR.privateKey());
        SignatureCheck claimed = verify(jws.getCompactSerialization(), OPERATOR);

        jws.setHeader("sigT", "1 May 2026");
        SignatureCheck malformed = verify(jws.getCompactSerialization(), OPERATOR);

        assertThat(claimed.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(claimed.detail()).contains("claimed signing time 2026-05-01T10:00:00Z");
        assertThat(malformed.failure()).contains(Failure.FORBIDDEN_CONSTRUCT);
    }

    @Test
    void a_bare_json_list_is_unsigned_and_two_signatures_are_refused() {
        String[] parts = list().signedJson(OPERATOR).split("\\.");
        String two = "{\"payload\":\"" + parts[1] + "\",\"signatures\":[{\"protected\":\"" + parts[0] + "\",\"signature\":\""
                + parts[2] + "\"},{\"protected\":\"" + parts[0] + "\",\"signature\":\"" + parts[2] + "\"}]}";

        assertThat(verify(list().json(), OPERATOR).failure()).contains(Failure.MISSING);
        assertThat(verify(two, OPERATOR).failure()).contains(Failure.MULTIPLE_SIGNATURES);
    }

    @Test
    void an_xml_list_is_verified_as_an_enveloped_xades_signature_over_its_root() {
        String signed = list().signedXml(OPERATOR);

        assertThat(verify(signed, OPERATOR).status()).isEqualTo(SignatureStatus.VALID);
        assertThat(verify(signed, OTHER).failure()).contains(Failure.SIGNER_NOT_TRUSTED);
        assertThat(verify(signed.replace("PID Provider<", "PID Pr0vider<"), OPERATOR).failure())
                .contains(Failure.CRYPTOGRAPHIC_FAILURE);
        assertThat(verify(list().xml(), OPERATOR).failure()).contains(Failure.MISSING);
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
