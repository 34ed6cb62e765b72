package org.qtrust.adapters.crypto.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.core.credential.port.SignedJwt;

/** Sandbox issuance is reproducible: RFC 6979 JWS signatures and seed-derived salts; real issuance stays random. */
class ReproducibleIssuanceTest {

    private final Jose4jWebTokens jose = new Jose4jWebTokens();

    @Test
    void a_deterministic_es256_jws_is_the_same_each_time_and_verifies() throws Exception {
        KeyPair key = ecKey("secp256r1");
        JwsSigner signer = JwsSigner.deterministic(key.getPrivate(), "ES256", List.of());

        String once = signer.sign("JWT", Map.of(), Map.of("sub", "sandbox"));
        String again = signer.sign("JWT", Map.of(), Map.of("sub", "sandbox"));
        String random = new JwsSigner(key.getPrivate(), "ES256", List.of()).sign("JWT", Map.of(), Map.of("sub", "sandbox"));

        assertThat(again).isEqualTo(once);
        assertThat(random).as("the JDK's ECDSA draws a fresh nonce").isNotEqualTo(once);
        assertThat(once.substring(0, once.lastIndexOf('.'))).isEqualTo(random.substring(0, random.lastIndexOf('.')));
        SignedJwt token = jose.read(once);
        assertThat(jose.verifies(token, key.getPublic().getEncoded())).isTrue();
        assertThat(jose.verifies(token, ecKey("secp256r1").getPublic().getEncoded())).isFalse();
    }

    @Test
    void es384_gets_its_96_byte_jose_signature() throws Exception {
        KeyPair key = ecKey("secp384r1");
        String jws = JwsSigner.deterministic(key.getPrivate(), "ES384", List.of()).sign("JWT", Map.of(), Map.of("sub", "s"));

        assertThat(java.util.Base64.getUrlDecoder().decode(jws.substring(jws.lastIndexOf('.') + 1))).hasSize(96);
        assertThat(jose.verifies(jose.read(jws), key.getPublic().getEncoded())).isTrue();
    }

    @Test
    void randomised_algorithms_have_no_deterministic_signer() throws Exception {
        KeyPair key = ecKey("secp256r1");

        assertThatThrownBy(() -> JwsSigner.deterministic(key.getPrivate(), "PS256", List.of()).sign("JWT", Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PS256");
    }

    @Test
    void derived_salts_repeat_for_the_same_secret_and_differ_within_a_credential() {
        byte[] secret = new byte[32];
        Salts first = Salts.derivedFrom(secret);
        Salts second = Salts.derivedFrom(secret);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String salt = first.next();
            assertThat(second.next()).isEqualTo(salt);
            assertThat(java.util.Base64.getUrlDecoder().decode(salt)).hasSize(Salts.BYTES);
            assertThat(seen.add(salt)).as("salt %d is new", i).isTrue();
        }
        secret[0] = 1;
        assertThat(Salts.derivedFrom(secret).next()).isNotEqualTo(Salts.derivedFrom(new byte[32]).next());
        assertThat(Salts.random().next()).isNotEqualTo(Salts.random().next());
    }

    @Test
    void the_same_claims_with_the_same_salts_and_key_give_the_same_sd_jwt() throws Exception {
        KeyPair key = ecKey("secp256r1");
        ClaimSet claims = ClaimSet.create().claim("vct", "urn:eudi:pid:1").disclosable("given_name", "Erika").decoys(2);

        String once = new SdJwtIssuer(JwsSigner.deterministic(key.getPrivate(), "ES256", List.of()))
                .salts(Salts.derivedFrom(new byte[32])).issue(claims).issuance();
        String again = new SdJwtIssuer(JwsSigner.deterministic(key.getPrivate(), "ES256", List.of()))
                .salts(Salts.derivedFrom(new byte[32])).issue(claims).issuance();

        assertThat(again).isEqualTo(once);
        assertThat(new SdJwtIssuer(key.getPrivate(), "ES256", List.of()).issue(claims).issuance()).isNotEqualTo(once);
    }

    private static KeyPair ecKey(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }
}
