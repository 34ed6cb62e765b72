package org.qtrust.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.SubjectPublicKey;

/** Issue 14.11: the boundaries of the key limits. */
class KeyLimitsTest {

    private static SubjectPublicKey rsa(int bits, BigInteger exponent) {
        return new SubjectPublicKey(new byte[] {1}, "id", new byte[] {1}, "RSA", bits, Optional.empty(), Optional.of(exponent));
    }

    private static SubjectPublicKey ec(Optional<String> curve) {
        return new SubjectPublicKey(new byte[] {2}, "id2", new byte[] {2}, "EC", 256, curve, Optional.empty());
    }

    private final KeyLimits limits = KeyLimits.defaults();

    @Test
    void rsa_up_to_8192_bits_and_exponent_up_to_2_to_the_32_pass() {
        assertThat(limits.violation(rsa(8192, BigInteger.valueOf(65537)))).isEmpty();
        assertThat(limits.violation(rsa(2048, KeyLimits.MAX_RSA_EXPONENT))).isEmpty();
        assertThat(limits.violation(rsa(8193, BigInteger.valueOf(65537)))).hasValueSatisfying(why ->
                assertThat(why).contains("RSA-8193 key above the policy's maximum of 8192 bits"));
        assertThat(limits.violation(rsa(2048, KeyLimits.MAX_RSA_EXPONENT.add(BigInteger.ONE)))).hasValueSatisfying(why ->
                assertThat(why).contains("above 2^32"));
    }

    @Test
    void ec_keys_need_an_allowed_named_curve() {
        assertThat(limits.violation(ec(KeyLimits.curveOid("P-256")))).isEmpty();
        assertThat(limits.violation(ec(KeyLimits.curveOid("brainpoolP512r1")))).isEmpty();
        assertThat(limits.violation(ec(KeyLimits.curveOid("secp256k1")))).hasValueSatisfying(why ->
                assertThat(why).contains("curve secp256k1, which the policy does not allow"));
        assertThat(limits.violation(ec(Optional.empty()))).hasValueSatisfying(why ->
                assertThat(why).contains("explicit or unreadable curve parameters"));
        assertThat(new KeyLimits(8192, Set.of("1.3.132.0.34")).violation(ec(KeyLimits.curveOid("P-256"))))
                .hasValueSatisfying(why -> assertThat(why).contains("curve P-256"));
    }

    @Test
    void curve_names_and_oids_are_read_and_nonsense_is_not() {
        assertThat(KeyLimits.curveOid("secp384r1")).contains("1.3.132.0.34");
        assertThat(KeyLimits.curveOid("P-384")).contains("1.3.132.0.34");
        assertThat(KeyLimits.curveOid("1.2.3.4")).contains("1.2.3.4");
        assertThat(KeyLimits.curveOid("curve-of-my-own")).isEmpty();
        assertThat(KeyLimits.curveName("1.3.36.3.3.2.8.1.1.7")).isEqualTo("brainpoolP256r1");
        assertThatThrownBy(() -> new KeyLimits(512, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_eu_default_and_none_both_keep_the_default_limits() {
        assertThat(VerificationPolicy.euEidas().crypto().keyLimits()).isEqualTo(KeyLimits.defaults());
        assertThat(CryptoConstraints.NONE.keyLimits()).isEqualTo(KeyLimits.defaults());
    }
}
