package org.qtrust.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qtrust.adapters.http.testing.ListServer;
import org.qtrust.adapters.http.testing.ListServer.Fault;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpExchange.Purpose;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.transport.TransportException.Reason;

/**
 * The egress rule in the transport, against a listener on 127.0.0.1 — the only address ever
 * connected to. Names are mapped to addresses by a test resolver: a name that resolves to a
 * refused address is refused at connect time, before any connection (DNS rebinding).
 */
@Timeout(60)
class EgressTransportTest {

    private static final byte[] BODY = "token".getBytes(StandardCharsets.US_ASCII);

    private final ListServer server = ListServer.http();
    private final List<AutoCloseable> closing = new ArrayList<>();
    /** What each test name resolves to; the resolver records every name it was asked. */
    private final List<String> resolved = new ArrayList<>();

    private final DnsResolver names = new DnsResolver() {
        private final Map<String, String> table = Map.of("rebind.test", "127.0.0.1", "allowed.test", "127.0.0.1",
                "other.test", "127.0.0.1");

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            resolved.add(host);
            String address = table.get(host);
            if (address == null && host.matches("[0-9.]+")) {
                return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no lookup
            }
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    private HttpClient5Transport transport(EgressRule rule) {
        HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withProxy(ProxySetting.direct())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)).withEgress(rule), names);
        closing.add(transport);
        return transport;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
        server.close();
    }

    private String on(String host, String path) {
        return server.url(path).replace("127.0.0.1", host);
    }

    @Test
    void loopback_is_refused_by_default_and_fetched_with_the_sandbox_opt_in_or_an_allowance() throws Exception {
        server.serve("list.jwt", BODY);
        HttpExchange.Request statusList = HttpExchange.Request.get(server.url("list.jwt"), 1000).forPurpose(Purpose.STATUS_LIST);
        HttpExchange.Request crl = HttpExchange.Request.get(server.url("list.jwt"), 1000).forPurpose(Purpose.CRL);

        assertThatThrownBy(() -> transport(EgressRule.strict()).send(statusList))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED));
        assertThatThrownBy(() -> transport(EgressRule.strict()).send(crl))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED));
        assertThat(server.requests()).isEmpty();

        assertThat(transport(EgressRule.loopbackSandbox()).send(statusList).body()).isEqualTo(BODY);
        assertThat(transport(EgressRule.strict().allowing(List.of("127.0.0.1"))).send(crl).body()).isEqualTo(BODY);
        assertThat(transport(EgressRule.strict().allowing(List.of("127.0.0.0/8"))).send(crl).body()).isEqualTo(BODY);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void a_name_that_resolves_to_loopback_is_refused_at_connect_time_before_any_connection() throws Exception {
        server.serve("AT.xml", BODY);
        HttpExchange.Request list = HttpExchange.Request.get(on("rebind.test", "AT.xml"), 1000).forPurpose(Purpose.TRUSTED_LIST);

        assertThatThrownBy(() -> transport(EgressRule.strict().allowingPorts(java.util.Set.of(server.port()))).send(list))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED);
                    assertThat(e.getMessage()).contains("rebind.test", "loopback").doesNotContain("127.0.0.1");
                });
        assertThat(resolved).contains("rebind.test");
        assertThat(server.requests()).isEmpty();

        assertThat(transport(EgressRule.strict().allowing(List.of("rebind.test"))).send(list).body()).isEqualTo(BODY);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void every_redirect_is_checked_again() throws Exception {
        server.serve("AT.xml", BODY);
        server.fault("moved.xml", new Fault.Redirect(302, on("other.test", "AT.xml")));
        HttpExchange.Request list = HttpExchange.Request.get(on("allowed.test", "moved.xml"), 1000).forPurpose(Purpose.TRUSTED_LIST);

        assertThatThrownBy(() -> transport(EgressRule.strict().allowing(List.of("allowed.test"))).send(list))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED));
        assertThat(server.requests()).extracting(ListServer.Request::path).containsExactly("/moved.xml");

        assertThat(transport(EgressRule.strict().allowing(List.of("allowed.test", "other.test"))).send(list).body()).isEqualTo(BODY);
    }

    @Test
    void more_than_three_redirects_are_not_configurable() {
        assertThatThrownBy(() -> TransportConfig.defaults().withMaxRedirects(4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransportConfig.defaults().maxRedirects()).isEqualTo(3);
        assertThat(TransportConfig.defaults().egress()).isEqualTo(EgressRule.strict());
    }
}
