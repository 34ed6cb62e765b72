package org.qtrust.adapters.crypto.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.port.MalformedCertificateException;

/** Issue 15 item 3: the inspector's caches are bounded in bytes, whatever the inputs weigh. */
class InspectorCacheBoundTest {

    @Test
    void a_flood_of_large_distinct_inputs_stays_within_the_cache_bound() {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector(1024 * 1024);
        for (int i = 0; i < 300; i++) {
            byte[] input = new byte[175_000];
            input[0] = 0x30;
            input[1] = (byte) i;
            input[2] = (byte) (i >> 8);
            assertThatThrownBy(() -> inspector.inspect(input)).isInstanceOf(MalformedCertificateException.class);
            assertThat(inspector.cachedCertificateBytes()).isLessThanOrEqualTo(1024 * 1024 / 4 * 3);
        }
        assertThat(inspector.cachedCertificateBytes()).as("the latest answers are kept").isPositive();
    }

    @Test
    void the_same_input_is_answered_from_the_cache() {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector(1024 * 1024);
        byte[] input = {0x30, 0x03, 0x02, 0x01, 0x01};
        assertThatThrownBy(() -> inspector.inspect(input)).isInstanceOf(MalformedCertificateException.class);
        long held = inspector.cachedCertificateBytes();
        assertThatThrownBy(() -> inspector.inspect(input.clone())).isInstanceOf(MalformedCertificateException.class);

        assertThat(inspector.cachedCertificateBytes()).isEqualTo(held).isPositive();
    }
}
