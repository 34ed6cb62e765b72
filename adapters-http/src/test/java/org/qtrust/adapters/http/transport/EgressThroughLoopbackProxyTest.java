package org.qtrust.adapters.http.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.TransportException;
import org.qtrust.core.transport.TransportException.Reason;

/**
 * Issue 13.6, both sides of the allowance for internal addresses a test cannot listen on
 * (10.0.0.1, 169.254.169.254): the transport goes through an operator's proxy that is a loopback
 * listener, so what would leave the transport shows as the proxy's {@code CONNECT} line while no
 * packet goes anywhere but loopback (the proxy never tunnels). Without an allowance the
 * destination is refused before the proxy hears anything; with {@code --fetch-allow ADDRESS} the
 * transport asks the proxy for exactly that destination.
 */
class EgressThroughLoopbackProxyTest {

    private ServerSocket proxy;
    private Thread acceptor;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<HttpClient5Transport> closing = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!proxy.isClosed()) {
                try (Socket client = proxy.accept()) {
                    client.setSoTimeout(5_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    String line = in.readLine();
                    if (line != null) {
                        requestLines.add(line);
                    }
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the listener closed at the end of the test, or a client that went away
                }
            }
        }, "loopback-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (HttpClient5Transport transport : closing) {
            transport.close();
        }
        proxy.close();
        acceptor.join(5_000);
    }

    private HttpClient5Transport transport(EgressRule rule) {
        HttpClient5Transport transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(rule)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withProxy(ProxySetting.parse("http://127.0.0.1:" + proxy.getLocalPort())));
        closing.add(transport);
        return transport;
    }

    private static HttpExchange.Request statusList(String address) {
        return HttpExchange.Request.get("https://" + address + "/statuslists/1", 64 * 1024)
                .forPurpose(HttpExchange.Purpose.STATUS_LIST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "169.254.169.254"})
    void an_internal_address_is_refused_before_anything_is_sent(String address) {
        assertThatThrownBy(() -> transport(EgressRule.strict()).send(statusList(address)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED));

        assertThat(requestLines).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "169.254.169.254"})
    void the_operators_allowance_lets_exactly_that_destination_through(String address) {
        HttpClient5Transport allowed = transport(EgressRule.strict().allowing(List.of(address)));
        try {
            // The proxy refuses to tunnel: HttpClient answers with its 403 or fails the exchange; either way it was asked.
            assertThat(allowed.send(statusList(address)).status()).isEqualTo(403);
        } catch (TransportException e) {
            assertThat(e.reason()).isNotEqualTo(Reason.EGRESS_REFUSED);
        }

        assertThat(requestLines).containsExactly("CONNECT " + address + ":443 HTTP/1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "169.254.169.254"})
    void an_allowance_for_another_network_does_not_reach_it(String address) {
        assertThatThrownBy(() -> transport(EgressRule.strict().allowing(List.of("192.168.0.0/16"))).send(statusList(address)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EGRESS_REFUSED));

        assertThat(requestLines).isEmpty();
    }
}
