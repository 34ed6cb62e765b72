package org.qtrust.adapters.crypto.mdoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerdict;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.CborLimits;

/** mdoc verification (ISO/IEC 18013-5) on generated documents: each rule accepts the right mdoc and refuses its broken variant. */
class MdocVerificationTest {

    private static final MdocWorld WORLD = new MdocWorld();

    private static MdocVerdict verify(byte[] presentation) {
        return WORLD.verifier().verify(WORLD.check(presentation));
    }

    private static String why(MdocVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void a_valid_mdl_is_valid_with_its_elements_as_json_and_the_device_bound() {
        MdocVerdict verdict = verify(WORLD.presentMdl());

        assertThat(verdict.code()).as(why(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(verdict.docType()).contains(MdocWorld.MDL);
        assertThat(verdict.deviceBound()).isTrue();
        assertThat(verdict.trustSource()).contains("anchor");
        assertThat(verdict.issuer()).get().asString().contains("Utopia Test DS");
        Map<String, Object> elements = verdict.elements().get(MdocWorld.NAMESPACE);
        assertThat(elements).containsEntry("family_name", "Mustermann").containsEntry("birth_date", "1964-08-12")
                .containsEntry("issue_date", "2026-11-01T00:00:00Z").containsEntry("portrait", "_9j_")
                .containsEntry("age_over_18", true)
                .containsEntry("driving_privileges", List.of(Map.of("vehicle_category_code", "B")));
        assertThat(verdict.trace()).anyMatch(l -> l.startsWith("device authentication: deviceSignature ES256 verifies"))
                .anyMatch(l -> l.startsWith("Annex B: DS certificate"));
    }

    @Test
    void a_bare_issuer_signed_is_valid_without_device_binding_unless_device_authentication_is_required() {
        byte[] issuerSigned = WORLD.cbor.encode(WORLD.issuer().issue(WORLD.mdl()));

        MdocVerdict optional = WORLD.verifier().verify(MdocCheck.of(issuerSigned, MdocWorld.NOW));
        MdocVerdict required = WORLD.verifier().verify(WORLD.check(issuerSigned));

        assertThat(optional.code()).as(why(optional)).isEqualTo(CredentialCode.OK);
        assertThat(optional.deviceBound()).isFalse();
        assertThat(required.code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(required.elements()).isEmpty();
    }

    @Test
    void a_tampered_element_is_a_digest_mismatch() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl());
        Cbor.Map tampered = replaceItem(issuerSigned, 0, item -> put(item, "elementValue", Cbor.text("Musterfrau")));

        MdocVerdict verdict = verify(WORLD.present(tampered));

        assertThat(verdict.code()).as(why(verdict)).isEqualTo(CredentialCode.DIGEST_MISMATCH);
        assertThat(verdict.elements()).isEmpty();
    }

    @Test
    void an_element_under_another_digest_id_is_a_digest_mismatch_and_a_digest_id_twice_too() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl());
        Cbor.Map moved = replaceItem(issuerSigned, 0, item -> put(item, "digestID", Cbor.integer(99)));
        Cbor.Map twice = replaceItem(issuerSigned, 1, item -> put(item, "digestID", Cbor.integer(0)));

        assertThat(verify(WORLD.present(moved)).code()).isEqualTo(CredentialCode.DIGEST_MISMATCH);
        MdocVerdict duplicate = verify(WORLD.present(twice));
        assertThat(duplicate.code()).isEqualTo(CredentialCode.DIGEST_MISMATCH);
        assertThat(duplicate.trace()).anyMatch(l -> l.contains("used twice"));
    }

    @Test
    void a_short_random_salt_is_refused() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl());
        Cbor.Map salted = replaceItem(issuerSigned, 0, item -> put(item, "random", Cbor.bytes(new byte[15])));

        MdocVerdict verdict = verify(WORLD.present(salted));

        assertThat(verdict.code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verdict.trace()).anyMatch(l -> l.contains("fewer than 16"));
    }

    @Test
    void a_document_whose_doc_type_is_not_the_msos_is_a_doc_type_mismatch() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl().withMsoDocType("eu.europa.ec.eudi.pid.1"));

        MdocVerdict verdict = verify(WORLD.present(issuerSigned));

        assertThat(verdict.code()).as(why(verdict)).isEqualTo(CredentialCode.DOC_TYPE_MISMATCH);
    }

    @Test
    void an_mso_past_its_valid_until_or_before_its_valid_from_is_expired() {
        MdocIssuer.Request expired = new MdocIssuer.Request(MdocWorld.MDL, MdocWorld.MDL, MdocWorld.mdlElements(),
                MdocWorld.days(MdocWorld.NOW, -300), MdocWorld.days(MdocWorld.NOW, -1), WORLD.device.getPublic(), List.of(), Optional.empty());
        MdocIssuer.Request future = new MdocIssuer.Request(MdocWorld.MDL, MdocWorld.MDL, MdocWorld.mdlElements(),
                MdocWorld.days(MdocWorld.NOW, 2), MdocWorld.days(MdocWorld.NOW, 300), WORLD.device.getPublic(), List.of(), Optional.empty());

        assertThat(verify(WORLD.present(WORLD.issuer().issue(expired))).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
        assertThat(verify(WORLD.present(WORLD.issuer().issue(future))).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
    }

    @Test
    void an_mso_signed_outside_the_ds_certificates_validity_is_refused() {
        MdocIssuer.Request early = new MdocIssuer.Request(MdocWorld.MDL, MdocWorld.MDL, MdocWorld.mdlElements(),
                java.time.Instant.parse("2025-06-01T00:00:00Z"), MdocWorld.UNTIL, WORLD.device.getPublic(), List.of(), Optional.empty());

        MdocVerdict verdict = verify(WORLD.present(WORLD.issuer().issue(early)));

        assertThat(verdict.code()).isEqualTo(CredentialCode.INVALID_CERTIFICATE_CHAIN);
        assertThat(verdict.trace()).anyMatch(l -> l.contains("outside the Document Signer certificate's validity"));
    }

    @Test
    void a_device_signature_over_another_transcript_is_not_holder_binding() {
        byte[] presentation = WORLD.presentMdl();
        SessionTranscript other = SessionTranscript.openId4Vp(WORLD.cbor, MdocWorld.CLIENT_ID, MdocWorld.RESPONSE_URI, "another-nonce", Optional.empty());

        MdocVerdict verdict = WORLD.verifier().verify(WORLD.check(presentation).withTranscript(other));

        assertThat(verdict.code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(verdict.deviceBound()).isFalse();
    }

    @Test
    void a_device_signature_by_another_key_is_not_holder_binding() {
        byte[] presentation = WORLD.issuer().deviceResponse(MdocWorld.MDL, WORLD.issuer().issue(WORLD.mdl()),
                MdocWorld.keys("secp256r1").getPrivate(), CoseAlgorithm.ES256, WORLD.transcript());

        assertThat(verify(presentation).code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
    }

    @Test
    void the_iso_18013_7_handover_with_an_mdoc_generated_nonce_binds_too() {
        SessionTranscript iso = SessionTranscript.iso18013Part7(WORLD.cbor, MdocWorld.CLIENT_ID, MdocWorld.RESPONSE_URI, MdocWorld.NONCE, "mdoc-nonce-1");
        byte[] presentation = WORLD.issuer().deviceResponse(MdocWorld.MDL, WORLD.issuer().issue(WORLD.mdl()),
                WORLD.device.getPrivate(), CoseAlgorithm.ES256, iso);

        MdocVerdict verdict = WORLD.verifier().verify(WORLD.check(presentation).withTranscript(iso));
        MdocVerdict openId = verify(presentation);

        assertThat(verdict.code()).as(why(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(openId.code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
    }

    @Test
    void a_ds_certificate_under_an_unlisted_iaca_is_not_trusted() {
        KeyAndCertificate otherIaca = org.qtrust.adapters.crypto.pki.CertificateBuilder.subject("CN=Rogue IACA, C=UT",
                        MdocWorld.keys("secp256r1"), java.math.BigInteger.TEN).selfSigned()
                .validity(java.time.Instant.parse("2025-01-01T00:00:00Z"), java.time.Instant.parse("2035-01-01T00:00:00Z")).ca(0)
                .keyUsage(org.qtrust.adapters.crypto.pki.KeyUsage.KEY_CERT_SIGN).issue();
        KeyAndCertificate rogue = MdocWorld.ds("CN=Rogue DS, C=UT", otherIaca, org.qtrust.core.credential.mdoc.MdocVerificationService.DS_EXTENDED_KEY_USAGE);

        MdocVerdict verdict = verify(WORLD.present(WORLD.issuer(rogue).issue(WORLD.mdl())));

        assertThat(verdict.code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.certificate()).isPresent();
    }

    @Test
    void annex_b_a_ds_certificate_without_the_mdl_ds_usage_or_of_another_country_is_refused() {
        KeyAndCertificate noUsage = MdocWorld.ds("CN=Utopia Test DS, C=UT", WORLD.iaca);
        KeyAndCertificate otherCountry = MdocWorld.ds("CN=Utopia Test DS, C=FR", WORLD.iaca,
                org.qtrust.core.credential.mdoc.MdocVerificationService.DS_EXTENDED_KEY_USAGE);

        MdocVerdict usage = verify(WORLD.present(WORLD.issuer(noUsage).issue(WORLD.mdl())));
        MdocVerdict country = verify(WORLD.present(WORLD.issuer(otherCountry).issue(WORLD.mdl())));

        assertThat(usage.code()).as(why(usage)).isEqualTo(CredentialCode.INVALID_CERTIFICATE_CHAIN);
        assertThat(usage.trace()).anyMatch(l -> l.contains("1.0.18013.5.1.2"));
        assertThat(country.code()).as(why(country)).isEqualTo(CredentialCode.INVALID_CERTIFICATE_CHAIN);
        assertThat(country.trace()).anyMatch(l -> l.contains("country FR is not its IACA's UT"));
    }

    @Test
    void a_signature_by_another_key_than_the_ds_certificates_is_invalid() {
        MdocIssuer forger = new MdocIssuer(WORLD.cbor, MdocWorld.keys("secp256r1").getPrivate(), List.of(WORLD.documentSigner.certificate()),
                CoseAlgorithm.ES256, new SecureRandom());

        assertThat(verify(WORLD.present(forger.issue(WORLD.mdl()))).code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
    }

    @Test
    void the_algorithm_comes_from_the_protected_header_only() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl());
        Cbor.Array auth = (Cbor.Array) issuerSigned.get("issuerAuth").orElseThrow();
        Map<Cbor, Cbor> unprotected = new LinkedHashMap<>(((Cbor.Map) auth.get(1)).entries());
        unprotected.put(Cbor.integer(1), Cbor.integer(-7));
        Cbor.Array withUnprotectedAlg = Cbor.array(auth.get(0), new Cbor.Map(unprotected), auth.get(2), auth.get(3));
        Cbor.Array noAlg = Cbor.array(Cbor.bytes(WORLD.cbor.encode(new Cbor.Map(Map.of()))), auth.get(1), auth.get(2), auth.get(3));
        Cbor.Array hmac = Cbor.array(Cbor.bytes(WORLD.cbor.encode(new Cbor.Map(Map.of(Cbor.integer(1), Cbor.integer(5))))),
                auth.get(1), auth.get(2), auth.get(3));

        assertThat(verify(WORLD.present(put(issuerSigned, "issuerAuth", withUnprotectedAlg))).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify(WORLD.present(put(issuerSigned, "issuerAuth", noAlg))).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify(WORLD.present(put(issuerSigned, "issuerAuth", hmac))).code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
    }

    @Test
    void no_x5chain_is_a_missing_certificate_chain() {
        Cbor.Map issuerSigned = WORLD.issuer().issue(WORLD.mdl());
        Cbor.Array auth = (Cbor.Array) issuerSigned.get("issuerAuth").orElseThrow();
        Cbor.Array bare = Cbor.array(auth.get(0), new Cbor.Map(Map.of()), auth.get(2), auth.get(3));

        assertThat(verify(WORLD.present(put(issuerSigned, "issuerAuth", bare))).code()).isEqualTo(CredentialCode.MISSING_CERTIFICATE_CHAIN);
    }

    @Test
    void device_signed_elements_must_be_authorized_by_the_key_authorizations() throws Exception {
        // A DeviceResponse whose DeviceNameSpaces carry one element, signed properly by the device key.
        MdocIssuer issuer = WORLD.issuer();
        Cbor.Map unauthorized = issuer.issue(WORLD.mdl());
        Cbor.Map authorized = issuer.issue(WORLD.mdl().withAuthorizedNamespaces(List.of(MdocWorld.NAMESPACE)));

        MdocVerdict refused = verify(withDeviceElement(unauthorized));
        MdocVerdict accepted = verify(withDeviceElement(authorized));

        assertThat(refused.code()).as(why(refused)).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(refused.trace()).anyMatch(l -> l.contains("keyAuthorizations"));
        assertThat(accepted.code()).as(why(accepted)).isEqualTo(CredentialCode.OK);
    }

    @Test
    void a_device_mac_is_refused_with_its_own_code_when_a_transcript_is_given() {
        byte[] presentation = WORLD.presentMdl();
        Cbor.Map response = (Cbor.Map) decode(presentation);
        Cbor.Map document = (Cbor.Map) ((Cbor.Array) response.get("documents").orElseThrow()).get(0);
        Cbor.Map deviceSigned = (Cbor.Map) document.get("deviceSigned").orElseThrow();
        Cbor mac = Cbor.array(Cbor.bytes(new byte[] {(byte) 0xa1, 0x01, 0x05}), new Cbor.Map(Map.of()), Cbor.NULL, Cbor.bytes(new byte[32]));
        Cbor.Map withMac = put(deviceSigned, "deviceAuth", new Cbor.Map(Map.of(Cbor.text("deviceMac"), mac)));
        byte[] macResponse = WORLD.cbor.encode(put(response, "documents", Cbor.array(put(document, "deviceSigned", withMac))));

        assertThat(verify(macResponse).code()).isEqualTo(CredentialCode.DEVICE_MAC_UNSUPPORTED);
    }

    @Test
    void responses_with_no_or_two_documents_and_other_shapes_are_malformed() {
        Cbor.Map response = (Cbor.Map) decode(WORLD.presentMdl());
        Cbor document = ((Cbor.Array) response.get("documents").orElseThrow()).get(0);

        assertThat(verify(WORLD.cbor.encode(put(response, "documents", Cbor.array()))).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify(WORLD.cbor.encode(put(response, "documents", Cbor.array(document, document)))).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify(WORLD.cbor.encode(Cbor.array())).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify(new byte[] {(byte) 0xa1}).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        assertThat(verify("not cbor at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
    }

    // --- helpers: tamper with the CBOR of an issued mdoc ---

    private static Cbor decode(byte[] bytes) {
        try {
            return WORLD.cbor.decode(bytes, CborLimits.ENVELOPE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Cbor.Map put(Cbor.Map map, String key, Cbor value) {
        Map<Cbor, Cbor> copy = new LinkedHashMap<>(map.entries());
        copy.put(Cbor.text(key), value);
        return new Cbor.Map(copy);
    }

    private static Cbor.Map replaceItem(Cbor.Map issuerSigned, int index, java.util.function.UnaryOperator<Cbor.Map> change) {
        Cbor.Map nameSpaces = (Cbor.Map) issuerSigned.get("nameSpaces").orElseThrow();
        List<Cbor> items = new ArrayList<>(((Cbor.Array) nameSpaces.get(MdocWorld.NAMESPACE).orElseThrow()).items());
        byte[] raw = ((Cbor.Bytes) ((Cbor.Tagged) items.get(index)).value()).value();
        Cbor.Map changed = change.apply((Cbor.Map) decode(raw));
        items.set(index, Cbor.embedded(WORLD.cbor.encode(changed)));
        return put(issuerSigned, "nameSpaces", put(nameSpaces, MdocWorld.NAMESPACE, new Cbor.Array(items)));
    }

    /** A DeviceResponse whose device signs one element of its own (§8.3.2.1.2.2 DeviceNameSpaces). */
    private static byte[] withDeviceElement(Cbor.Map issuerSigned) throws Exception {
        Cbor nameSpacesBytes = Cbor.embedded(WORLD.cbor.encode(new Cbor.Map(Map.of(Cbor.text(MdocWorld.NAMESPACE),
                new Cbor.Map(Map.of(Cbor.text("age_over_21"), new Cbor.Bool(true)))))));
        byte[] deviceAuthentication = WORLD.cbor.encode(Cbor.embedded(WORLD.cbor.encode(Cbor.array(Cbor.text("DeviceAuthentication"),
                WORLD.transcript().value(), Cbor.text(MdocWorld.MDL), nameSpacesBytes))));
        byte[] protectedBytes = WORLD.cbor.encode(new Cbor.Map(Map.of(Cbor.integer(1), Cbor.integer(-7))));
        byte[] toBeSigned = WORLD.cbor.encode(Cbor.array(Cbor.text("Signature1"), Cbor.bytes(protectedBytes), Cbor.bytes(new byte[0]),
                Cbor.bytes(deviceAuthentication)));
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withPLAIN-ECDSA",
                org.qtrust.adapters.crypto.sdjwt.JwsSignatures.BOUNCY_CASTLE);
        signer.initSign(WORLD.device.getPrivate());
        signer.update(toBeSigned);
        Cbor signature = Cbor.array(Cbor.bytes(protectedBytes), new Cbor.Map(Map.of()), Cbor.NULL, Cbor.bytes(signer.sign()));
        Map<Cbor, Cbor> deviceSigned = new LinkedHashMap<>();
        deviceSigned.put(Cbor.text("nameSpaces"), nameSpacesBytes);
        deviceSigned.put(Cbor.text("deviceAuth"), new Cbor.Map(Map.of(Cbor.text("deviceSignature"), signature)));
        Map<Cbor, Cbor> document = new LinkedHashMap<>();
        document.put(Cbor.text("docType"), Cbor.text(MdocWorld.MDL));
        document.put(Cbor.text("issuerSigned"), issuerSigned);
        document.put(Cbor.text("deviceSigned"), new Cbor.Map(deviceSigned));
        Map<Cbor, Cbor> response = new LinkedHashMap<>();
        response.put(Cbor.text("version"), Cbor.text("1.0"));
        response.put(Cbor.text("documents"), Cbor.array(new Cbor.Map(document)));
        response.put(Cbor.text("status"), Cbor.integer(0));
        return WORLD.cbor.encode(new Cbor.Map(response));
    }
}
