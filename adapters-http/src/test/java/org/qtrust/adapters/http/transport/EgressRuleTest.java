package org.qtrust.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.qtrust.core.transport.HttpExchange.Purpose;

/** The egress rule itself: no network (addresses are only parsed, never connected to). */
class EgressRuleTest {

    private final EgressRule strict = EgressRule.strict();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
            "2002:a00:1::", "64:ff9b::a9fe:a9fe", "::10.0.0.1"})
    void internal_addresses_are_refused_without_an_allowance(String address) throws Exception {
        InetAddress parsed = InetAddress.getByName(address);

        assertThat(EgressRule.internalClass(parsed)).as(address).isPresent();
        assertThat(strict.refusesAddress("internal.test", parsed)).as(address).isPresent()
                .get().asString().doesNotContain(address).contains("internal.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "147.67.210.45", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2a01:4f8::1",
            "::ffff:8.8.8.8"})
    void public_addresses_are_allowed(String address) throws Exception {
        assertThat(strict.refusesAddress("public.test", InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void the_operator_allows_a_host_or_a_network_and_nothing_more() throws Exception {
        EgressRule rule = strict.allowing(List.of("10.0.0.0/8", "metadata.internal", "fd00::/8"));

        assertThat(rule.refusesAddress("internal.test", InetAddress.getByName("10.0.0.1"))).isEmpty();
        assertThat(rule.refusesAddress("metadata.internal", InetAddress.getByName("169.254.169.254"))).isEmpty();
        assertThat(rule.refusesAddress("fd.test", InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(rule.refusesAddress("other.test", InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(rule.refusesAddress("other.test", InetAddress.getByName("192.168.0.1"))).isPresent();
        assertThat(rule.refusesAddress("other.test", InetAddress.getByName("127.0.0.1"))).isPresent();
        assertThat(strict.allowing(List.of("169.254.169.254")).refusesAddress("x.test", InetAddress.getByName("169.254.169.254")))
                .isEmpty();
        assertThatThrownBy(() -> strict.allowing(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strict.allowing(List.of("http://x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_sandbox_opt_in_allows_loopback_and_only_loopback() throws Exception {
        EgressRule sandbox = EgressRule.loopbackSandbox();

        assertThat(sandbox.refusesAddress("localhost", InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(sandbox.refusesAddress("x.test", InetAddress.getByName("::1"))).isEmpty();
        assertThat(sandbox.refusesAddress("x.test", InetAddress.getByName("10.0.0.1"))).isPresent();
        assertThat(sandbox.refusesAddress("x.test", InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(sandbox.refusesUrl(URI.create("http://127.0.0.1:8099/status/list.jwt"), Purpose.STATUS_LIST)).isEmpty();
        assertThat(sandbox.refusesUrl(URI.create("http://[::1]:8099/x"), Purpose.ISSUER_METADATA)).isEmpty();
        assertThat(sandbox.refusesUrl(URI.create("http://issuer.example/x"), Purpose.ISSUER_METADATA)).isPresent();
    }

    @Test
    void https_only_except_for_documents_that_authenticate_themselves() {
        assertThat(strict.refusesUrl(URI.create("https://issuer.example/x"), Purpose.STATUS_LIST)).isEmpty();
        assertThat(strict.refusesUrl(URI.create("http://issuer.example/x"), Purpose.STATUS_LIST)).get().asString()
                .contains("https only");
        assertThat(strict.refusesUrl(URI.create("http://issuer.example/x"), Purpose.ISSUER_METADATA)).isPresent();
        assertThat(strict.refusesUrl(URI.create("http://issuer.example/x"), Purpose.OTHER)).isPresent();
        // RFC 6960 Appendix A, RFC 5280 §4.2.1.13: signed answers published over plain http
        assertThat(strict.refusesUrl(URI.create("http://ocsp.example/"), Purpose.OCSP)).isEmpty();
        assertThat(strict.refusesUrl(URI.create("http://crl.example/ca.crl"), Purpose.CRL)).isEmpty();
        assertThat(strict.refusesUrl(URI.create("http://tl.example/SK.xml"), Purpose.TRUSTED_LIST)).isEmpty();
        assertThat(strict.refusesUrl(URI.create("http://127.0.0.1/x.crl"), Purpose.CRL)).get().asString().contains("loopback");
        assertThat(strict.refusesUrl(URI.create("https://[::1]/x"), Purpose.STATUS_LIST)).isPresent();
        assertThat(strict.refusesUrl(URI.create("https://10.0.0.1/x"), Purpose.STATUS_LIST)).isPresent();
        assertThat(strict.refusesUrl(URI.create("https://169.254.169.254/latest/meta-data/"), Purpose.ISSUER_METADATA)).isPresent();
    }

    @Test
    void ports_are_443_80_for_plain_http_and_the_operators_list() {
        assertThat(strict.refusesUrl(URI.create("https://issuer.example:8443/x"), Purpose.STATUS_LIST)).get().asString()
                .contains("port 8443");
        assertThat(strict.refusesUrl(URI.create("https://issuer.example:22/x"), Purpose.STATUS_LIST)).isPresent();
        assertThat(strict.refusesUrl(URI.create("http://ocsp.example:8080/"), Purpose.OCSP)).isPresent();
        assertThat(strict.refusesUrl(URI.create("https://issuer.example:443/x"), Purpose.STATUS_LIST)).isEmpty();
        assertThat(strict.allowingPorts(Set.of(8443)).refusesUrl(URI.create("https://issuer.example:8443/x"), Purpose.STATUS_LIST))
                .isEmpty();
        assertThat(strict.allowing(List.of("issuer.internal")).refusesUrl(URI.create("https://issuer.internal:9000/x"),
                Purpose.STATUS_LIST)).isEmpty();
        assertThatThrownBy(() -> strict.allowingPorts(Set.of(70000))).isInstanceOf(IllegalArgumentException.class);
    }
}
