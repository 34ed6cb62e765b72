package org.qtrust.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13.2: which SAN entries bind which iss (same origin; dNSName for the host of an https iss). */
class LeafNamesTest {

    @Test
    void a_uri_binds_an_iss_of_the_same_scheme_host_and_port_whatever_the_path() {
        LeafNames names = new LeafNames(List.of("https://Issuer.Example/pid"), List.of());

        assertThat(names.matching("https://issuer.example")).contains("the leaf certificate's SAN URI https://Issuer.Example/pid");
        assertThat(names.matching("https://issuer.example:443/other")).isPresent();
        assertThat(new LeafNames(List.of("http://127.0.0.1:8458/issuers/a"), List.of()).matching("http://127.0.0.1:8458/issuers/b"))
                .isPresent();
    }

    @Test
    void another_scheme_host_or_port_or_user_information_binds_nothing() {
        LeafNames names = new LeafNames(List.of("https://issuer.example"), List.of());

        assertThat(names.matching("http://issuer.example")).isEmpty();
        assertThat(names.matching("https://issuer.example:8443")).isEmpty();
        assertThat(names.matching("https://issuer.example.evil")).isEmpty();
        assertThat(names.matching("https://evil@issuer.example")).isEmpty();
        assertThat(names.matching("urn:issuer.example")).isEmpty();
        assertThat(names.matching("not a uri")).isEmpty();
        assertThat(new LeafNames(List.of("http://127.0.0.1:8458/issuers/a"), List.of()).matching("http://localhost:8458/issuers/a"))
                .isEmpty();
    }

    @Test
    void a_dns_name_binds_only_the_exact_host_of_an_https_iss_never_through_a_wildcard() {
        assertThat(new LeafNames(List.of(), List.of("issuer.example")).matching("https://ISSUER.example/pid"))
                .contains("the leaf certificate's SAN dNSName issuer.example");
        assertThat(new LeafNames(List.of(), List.of("issuer.example")).matching("http://issuer.example")).isEmpty();
        assertThat(new LeafNames(List.of(), List.of("issuer.example")).matching("https://sub.issuer.example")).isEmpty();
        assertThat(new LeafNames(List.of(), List.of("*.example")).matching("https://issuer.example")).isEmpty();
    }

    @Test
    void a_certificate_that_cannot_be_read_names_nothing() {
        assertThat(LeafNames.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})).isEqualTo(LeafNames.NONE);
        assertThat(LeafNames.NONE.describe()).isEqualTo("no SAN URI or dNSName");
    }
}
