package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;

/** Issue 13.5: strict JOSE and SD-JWT — what must not be disclosed, crit, typ, NumericDates, ES curves. */
class StrictJoseTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final CredentialVerificationService VERIFIER = WALLET.verifier();

    private static CredentialVerdict verify(String presentation) {
        return VERIFIER.verify(WALLET.check(presentation));
    }

    private static String trace(CredentialVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    /** The PID without the plain claim {@code name}, which is disclosed instead with {@code value}. */
    private static ClaimSet disclosing(String name, Object value) {
        return WALLET.pid().without(name).disclosable(name, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exp", "status", "iss", "nbf", "vct#integrity"})
    void a_claim_that_must_not_be_selectively_disclosed_arriving_through_a_disclosure_is_refused(String name) {
        Object value = switch (name) {
            case "exp" -> WalletCredentials.NOW.minusSeconds(3600).getEpochSecond();
            case "nbf" -> WalletCredentials.NOW.minusSeconds(3600).getEpochSecond();
            case "status" -> Map.of("status_list", Map.of("idx", 1, "uri", WalletCredentials.STATUS_LIST_URI));
            default -> "https://other.example";
        };
        CredentialVerdict verdict = verify(WALLET.present(WALLET.issue(disclosing(name, value))));

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        assertThat(trace(verdict)).contains(name + " arrives through a disclosure").contains("§3.2.2.2");
        assertThat(verdict.claims()).isEmpty();
    }

    @Test
    void claims_that_may_be_disclosed_still_are() {
        CredentialVerdict verdict = verify(WALLET.present(WALLET.issue(WALLET.pid().disclosable("sub", "holder-123"))));

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(verdict.claims()).containsEntry("sub", "holder-123");
    }

    @Test
    void an_unknown_crit_member_makes_the_credential_malformed() {
        String unknown = WALLET.present(WALLET.issuerSigner().header("crit", List.of("urn:example:ext"))
                .header("urn:example:ext", true).issue(WALLET.pid()));
        String absent = WALLET.present(WALLET.issuerSigner().header("crit", List.of("b64")).issue(WALLET.pid()));
        String empty = WALLET.present(WALLET.issuerSigner().header("crit", List.of()).issue(WALLET.pid()));

        for (String presentation : List.of(unknown, absent, empty)) {
            CredentialVerdict verdict = verify(presentation);
            assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            assertThat(trace(verdict)).contains("RFC 7515 §4.1.11");
        }
        assertThat(trace(verify(unknown))).contains("crit names urn:example:ext, an extension this verifier does not understand");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/dc+sd-jwt", "APPLICATION/DC+SD-JWT", "Dc+Sd-Jwt", "application/vc+sd-jwt"})
    void typ_with_the_application_prefix_or_other_case_is_the_same_media_type(String typ) {
        CredentialVerdict verdict = verify(WALLET.present(WALLET.issuerSigner().type(typ).issue(WALLET.pid())));

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/jwt", "application/dc+sd-jwt+x", "text/dc+sd-jwt", "application/"})
    void other_media_types_stay_refused(String typ) {
        assertThat(verify(WALLET.present(WALLET.issuerSigner().type(typ).issue(WALLET.pid()))).code())
                .isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
    }

    @Test
    void a_kb_jwt_typ_with_the_application_prefix_binds_the_holder() {
        String presentation = WALLET.keyBinding().type("application/kb+jwt").bind(WALLET.issue(WALLET.pid()).issuance());

        CredentialVerdict verdict = verify(presentation);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(verdict.holderBound()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "-1", "253402300800", "\"2026-06-01\"", "true"})
    void a_numeric_date_that_is_not_a_number_negative_or_beyond_9999_is_malformed_never_an_exception(String json) {
        Object value = switch (json) {
            case "1e300" -> 1e300;
            case "-1" -> -1;
            case "253402300800" -> 253402300800L;
            case "true" -> true;
            default -> "2026-06-01";
        };
        for (String claim : List.of("iat", "exp", "nbf")) {
            CredentialVerdict verdict = verify(WALLET.present(WALLET.issue(WALLET.pid().claim(claim, value))));

            assertThat(verdict.code()).as(claim + " " + json + "\n" + trace(verdict)).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            assertThat(trace(verdict)).contains(claim);
        }
    }

    @Test
    void the_last_second_of_9999_and_fractional_seconds_are_numeric_dates() {
        CredentialVerdict far = verify(WALLET.present(WALLET.issue(WALLET.pid().claim("exp", 253402300799L))));
        CredentialVerdict fraction = verify(WALLET.present(WALLET.issue(WALLET.pid()
                .claim("iat", WalletCredentials.NOW.minusSeconds(86400).getEpochSecond() + 0.5))));

        assertThat(far.code()).as(trace(far)).isEqualTo(CredentialCode.OK);
        assertThat(fraction.code()).as(trace(fraction)).isEqualTo(CredentialCode.OK);
    }

    @Test
    void a_kb_jwt_iat_of_1e300_is_a_refused_holder_binding_not_an_exception() {
        String issuance = WALLET.issue(WALLET.pid()).issuance();
        Map<String, Object> claims = Map.of("iat", 1e300, "aud", WalletCredentials.AUDIENCE, "nonce", WalletCredentials.NONCE,
                "sd_hash", "not-checked-before-iat");
        String kb = new JwsSigner(WALLET.holder().getPrivate(), "ES256", List.of()).sign("kb+jwt", Map.of(), claims);

        CredentialVerdict verdict = verify(issuance + kb);

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        assertThat(trace(verdict)).contains("iat is not a NumericDate this verifier accepts");
    }

    @Test
    void es256_requires_exactly_p_256_not_another_curve_of_the_same_size() throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        BouncyCastleProvider bc = new BouncyCastleProvider();
        for (String curve : List.of("secp256k1", "brainpoolP256r1")) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
            generator.initialize(new ECGenParameterSpec(curve));
            KeyPair key = generator.generateKeyPair();
            Signature signer = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
            signer.initSign(key.getPrivate());
            signer.update(input);
            byte[] signature = signer.sign();

            assertThat(JwsSignatures.verify("ES256", key.getPublic(), input, signature)).as(curve).isFalse();
        }
        KeyPair p256 = TestPki.ecKey("strict jose");
        Signature signer = Signature.getInstance("SHA256withPLAIN-ECDSA", bc);
        signer.initSign(p256.getPrivate());
        signer.update(input);
        assertThat(JwsSignatures.verify("ES256", p256.getPublic(), input, signer.sign())).isTrue();
        assertThat(JwsSignatures.verify("ES384", p256.getPublic(), input, new byte[96])).isFalse();
    }
}
