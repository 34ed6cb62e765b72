package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.port.SignedJwt;

/** The JWS algorithms the verifier accepts (RFC 7518 §3, RFC 8037), each with the key it is defined for only. */
class JwsAlgorithmsTest {

    private final Jose4jWebTokens jose = new Jose4jWebTokens();

    private SignedJwt signed(KeyPair key, String algorithm) throws MalformedTokenException {
        return jose.read(new JwsSigner(key.getPrivate(), algorithm, List.of()).sign("JWT", Map.of(), Map.of("sub", "x")));
    }

    private static KeyPair generate(String algorithm, String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        }
        return generator.generateKeyPair();
    }

    @Test
    void ecdsa_rsa_pss_and_eddsa_signatures_verify_with_their_keys() throws Exception {
        KeyPair p384 = generate("EC", "secp384r1");
        KeyPair rsa = TestPki.rsaKey("jws algorithms");
        KeyPair ed = generate("Ed25519", null);

        assertThat(jose.verifies(signed(TestPki.ecKey("jws"), "ES256"), TestPki.ecKey("jws").getPublic().getEncoded())).isTrue();
        assertThat(jose.verifies(signed(p384, "ES384"), p384.getPublic().getEncoded())).isTrue();
        assertThat(jose.verifies(signed(rsa, "RS256"), rsa.getPublic().getEncoded())).isTrue();
        assertThat(jose.verifies(signed(rsa, "PS256"), rsa.getPublic().getEncoded())).isTrue();
        assertThat(jose.verifies(signed(ed, "EdDSA"), ed.getPublic().getEncoded())).isTrue();
    }

    @Test
    void a_key_of_another_type_or_curve_never_verifies() throws Exception {
        KeyPair p384 = generate("EC", "secp384r1");
        KeyPair rsa = TestPki.rsaKey("jws algorithms");
        SignedJwt es256 = signed(TestPki.ecKey("jws"), "ES256");

        assertThat(jose.verifies(es256, p384.getPublic().getEncoded())).isFalse();
        assertThat(jose.verifies(es256, rsa.getPublic().getEncoded())).isFalse();
        assertThat(jose.verifies(es256, TestPki.ecKey("other").getPublic().getEncoded())).isFalse();
        assertThat(jose.verifies(es256, new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void json_with_duplicate_members_and_jwks_with_private_parts_are_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jose.parseJson("{\"a\": 1, \"a\": 2}"))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("duplicate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jose.parseJson("[1] trailing"))
                .isInstanceOf(MalformedTokenException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jose.publicKeyInfo(Map.of("kty", "oct", "k", "c2VjcmV0")))
                .isInstanceOf(MalformedTokenException.class);
    }

    @Test
    void a_jwk_gives_the_same_key_bytes_as_a_certificate_every_time() throws Exception {
        java.security.PublicKey key = TestPki.ecKey("jwk").getPublic();
        Map<String, Object> jwk = new java.util.HashMap<>(org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(key)
                .toParams(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        jwk.put("kid", null);

        assertThat(jose.publicKeyInfo(jwk)).isEqualTo(key.getEncoded());
        assertThat(jose.publicKeyInfo(jwk)).isEqualTo(key.getEncoded());
    }
}
