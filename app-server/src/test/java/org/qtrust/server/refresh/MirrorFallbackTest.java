package org.qtrust.server.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * Issue 19.2 in the server: the LOTL's location is dead and the cache empty at start-up; a
 * mirror (laid out like the cache folder) is up, so the lists are loaded from it, verified like
 * the originals, and {@code /ready} says which source each list came from. A mirror that serves
 * a list signed by a key the LOTL does not announce gets nothing accepted for it.
 */
@Timeout(180)
class MirrorFallbackTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");

    private final TestPki pki = TestPki.create("Mirror");
    private final Credential lotlSigner = pki.endEntity("LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("TL signer").issue();
    private final Credential forger = pki.endEntity("Forger").issue();

    @TempDir
    Path cache;
    @TempDir
    Path oj;
    private OnMissRefreshTest.Publisher dead;
    private OnMissRefreshTest.Publisher mirror;
    private QtrustServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (dead != null) {
            dead.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    private String list(String territory, Credential signer) {
        return TestListSigner.with(signer).sign(TestLists.trustedList(territory).sequenceNumber(3).provider("A QTSP")
                .service(TestLists.service("A CA", TestLists.CA_QC, pki.intermediate().certificate())
                        .status(TestLists.GRANTED, Instant.parse("2017-01-01T00:00:00Z"))).build());
    }

    private JsonNode ready() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return RunningServer.JSON.readTree(response.body());
    }

    @Test
    void withTheLotlLocationDeadAndAnEmptyCacheTheListsAreLoadedFromTheMirrorAndReadySaysSo() throws Exception {
        dead = new OnMissRefreshTest.Publisher();
        mirror = new OnMissRefreshTest.Publisher();
        // The LOTL points to the (dead) publishers' locations; the mirror holds the same documents by cache-folder name.
        TestLists.LotlBuilder lotl = TestLists.lotl().sequenceNumber(9);
        for (String territory : List.of("AT", "BE")) {
            lotl.pointer(territory, dead.base() + "lists/" + territory + "-TSL.xml", listSigner.certificate());
        }
        mirror.put("EU.xml", TestListSigner.with(lotlSigner).sign(lotl.build()));
        mirror.put("AT.xml", list("AT", listSigner));
        mirror.put("BE.xml", list("BE", forger));
        Files.writeString(oj.resolve("lotl-signer.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        lotlSigner.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");

        server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0", "--cache", cache.toString(),
                "--lotl-url", dead.base() + "eu-lotl.xml", "--oj-certs", oj.toString(), "--revocation", "off",
                "--allow-loopback-http", "--lotl-mirror", mirror.base()), Map.of()).resolve(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(java.time.Duration.ofMinutes(2))).isTrue();

        JsonNode ready = ready();
        assertThat(ready.get("status").asText()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.get("listsAccepted").asInt()).isEqualTo(1);
        assertThat(ready.at("/sources/EU").asText()).isEqualTo(mirror.base());
        assertThat(ready.at("/sources/AT").asText()).isEqualTo(mirror.base());
        // BE's mirror copy is signed by a key the LOTL does not announce: refused, nothing cached, no source.
        assertThat(ready.has("sources") && ready.get("sources").has("BE")).isFalse();
        assertThat(cache.resolve("BE.xml")).doesNotExist();
        assertThat(Files.readString(cache.resolve("AT.meta.properties"))).contains("mirror=");
        // The publisher's locations were asked first, the mirror only after they failed.
        assertThat(dead.requests).contains("/eu-lotl.xml", "/lists/AT-TSL.xml");
        assertThat(mirror.requests).contains("/EU.xml", "/AT.xml", "/BE.xml");
    }
}
