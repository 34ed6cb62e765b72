package org.qtrust.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactionTest {

    @Test
    void the_user_information_of_a_url_is_masked() {
        assertThat(UrlRedaction.redact("https://reader:s3cret@lists.test/eu-lotl.xml"))
                .isEqualTo("https://***@lists.test/eu-lotl.xml");
        assertThat(UrlRedaction.redact("http://token@mirror.test:8080"))
                .isEqualTo("http://***@mirror.test:8080");
    }

    @Test
    void every_url_in_a_trace_line_is_masked_and_the_rest_kept() {
        assertThat(UrlRedaction.redact("LOTL https://a:b@x.test/lotl.xml: pivot http://c:d@y.test/p.xml (HTTP 404)"))
                .isEqualTo("LOTL https://***@x.test/lotl.xml: pivot http://***@y.test/p.xml (HTTP 404)");
    }

    @Test
    void an_at_sign_outside_the_authority_is_not_user_information() {
        assertThat(UrlRedaction.redact("https://lists.test/pid.jws?from=a@b")).isEqualTo("https://lists.test/pid.jws?from=a@b");
        assertThat(UrlRedaction.redact("mailto-like text a@b with https://lists.test/x")).isEqualTo("mailto-like text a@b with https://lists.test/x");
        assertThat(UrlRedaction.redact("/lists/with@sign.jws")).isEqualTo("/lists/with@sign.jws");
        assertThat(UrlRedaction.redact(null)).isNull();
    }

    @Test
    void masking_twice_changes_nothing() {
        String once = UrlRedaction.redact("https://u:p@h.test/");
        assertThat(UrlRedaction.redact(once)).isEqualTo(once);
        assertThat(UrlRedaction.carriesUserInfo(once)).isFalse();
        assertThat(UrlRedaction.carriesUserInfo("https://u:p@h.test/")).isTrue();
    }
}
