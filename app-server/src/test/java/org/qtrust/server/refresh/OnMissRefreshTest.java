package org.qtrust.server.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * The on-miss refresh end to end: a LOTL pointing to 30 territories' lists on a loopback
 * publisher (with ETags), a server on a cache folder, and certificates whose issuers name those
 * territories. A QTSP the Austrian list adds between two requests is trusted on the second after
 * one conditional refresh of that list alone; an unchanged list answers 304 and nothing swaps;
 * 1,000 requests naming 30 countries cause at most one request per territory per interval.
 */
@Timeout(240)
class OnMissRefreshTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final List<String> TERRITORIES = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES",
            "FI", "FR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");

    private final TestPki pki = TestPki.create("OnMiss");
    private final Credential lotlSigner = pki.endEntity("LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("TL signer").issue();
    private final Credential newQtsp = pki.certificate("CN=Brand-new QTSP CA,O=New QTSP,C=AT").issuedBy(pki.root()).ca(0)
            .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    private final Credential holder = pki.certificate("CN=Erika Mustermann,C=AT").issuedBy(newQtsp).endEntity()
            .validity(Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"))
            .keyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.NON_REPUDIATION)
            .qcStatements(QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).encoded()).issue();

    @TempDir
    Path cache;
    @TempDir
    Path oj;
    private Publisher publisher;
    private QtrustServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void publish() throws Exception {
        publisher = new Publisher();
        TestLists.LotlBuilder lotl = TestLists.lotl().sequenceNumber(7);
        for (String territory : TERRITORIES) {
            lotl.pointer(territory, publisher.base() + territory + ".xml", listSigner.certificate());
            publisher.put(territory + ".xml", list(territory, 1, false));
        }
        publisher.put("EU.xml", TestListSigner.with(lotlSigner).sign(lotl.build()));
        Files.writeString(oj.resolve("lotl-signer.pem"), pem(lotlSigner));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        publisher.close();
    }

    private String list(String territory, int sequence, boolean withNewQtsp) {
        TestLists.TrustedListBuilder list = TestLists.trustedList(territory).sequenceNumber(sequence).provider("Old QTSP")
                .service(TestLists.service("Old CA", TestLists.CA_QC, pki.intermediate().certificate())
                        .status(TestLists.GRANTED, Instant.parse("2017-01-01T00:00:00Z")));
        if (withNewQtsp) {
            list.provider("New QTSP").service(TestLists.service("Brand-new QTSP CA", TestLists.CA_QC, newQtsp.certificate())
                    .status(TestLists.GRANTED, Instant.parse("2020-01-01T00:00:00Z"))
                    .additionalInformation("http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures"));
        }
        return TestListSigner.with(listSigner).sign(list.build());
    }

    private static String pem(Credential credential) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(credential.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    private QtrustServer start(String interval) throws Exception {
        server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0", "--cache", cache.toString(),
                "--lotl-url", publisher.base() + "EU.xml", "--oj-certs", oj.toString(), "--revocation", "off", "--allow-loopback-http",
                "--miss-refresh-interval", interval), Map.of()).resolve(), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(java.time.Duration.ofMinutes(2))).isTrue();
        return server;
    }

    private JsonNode verify(Credential certificate) throws Exception {
        String body = RunningServer.JSON.createObjectNode().put("certificate", pem(certificate))
                .put("at", NOW.toString()).toString();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/certificates/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    @Test
    void aQtspAddedBetweenTwoRequestsIsTrustedOnTheSecondAfterOneConditionalRefreshOfItsList() throws Exception {
        start("PT1S");
        JsonNode first = verify(holder);
        assertThat(first.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(first.get("trace").toString()).contains("AT not refreshed on a miss (unchanged");
        long swaps = server.snapshots().refreshCount();

        publisher.put("AT.xml", list("AT", 2, true));
        Thread.sleep(1_100);
        publisher.requests.clear();
        JsonNode second = verify(holder);

        assertThat(second.get("trusted").asBoolean()).as(second.toString()).isTrue();
        assertThat(second.get("trace").toString()).contains("refreshed AT on a miss: new sequence 2");
        assertThat(publisher.requests).containsExactly("/AT.xml If-None-Match");
        assertThat(server.snapshots().refreshCount()).isEqualTo(swaps + 1);
        assertThat(Files.readString(cache.resolve("AT.xml"))).contains("Brand-new QTSP CA");
    }

    @Test
    void anUnchangedListAnswers304AndNothingIsSwapped() throws Exception {
        start("PT10M");
        long swaps = server.snapshots().refreshCount();
        publisher.requests.clear();

        JsonNode verdict = verify(holder);

        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(publisher.requests).containsExactly("/AT.xml If-None-Match");
        assertThat(publisher.notModified).isEqualTo(1);
        assertThat(server.snapshots().refreshCount()).isEqualTo(swaps);
    }

    @Test
    void aThousandRequestsNamingThirtyCountriesCauseAtMostOneRequestPerTerritoryPerInterval() throws Exception {
        start("PT10M");
        List<Credential> strangers = new ArrayList<>();
        for (String territory : TERRITORIES) {
            String country = territory.equals("EL") ? "GR" : territory;
            Credential ca = pki.certificate("CN=Unlisted CA " + territory + ",C=" + country).issuedBy(pki.root()).ca(0)
                    .keyUsage(KeyUsage.KEY_CERT_SIGN).issue();
            strangers.add(pki.certificate("CN=Someone,C=" + country).issuedBy(ca).endEntity()
                    .keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue());
        }
        publisher.requests.clear();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Credential certificate = strangers.get(i % strangers.size());
                answers.add(clients.submit(() -> verify(certificate)));
            }
            for (Future<JsonNode> answer : answers) {
                assertThat(answer.get().get("trusted").asBoolean()).isFalse();
            }
        } finally {
            clients.shutdownNow();
        }
        Map<String, Long> perTerritory = new java.util.TreeMap<>();
        publisher.requests.forEach(request -> perTerritory.merge(request.substring(1, 3), 1L, Long::sum));
        assertThat(perTerritory).hasSize(30).allSatisfy((territory, count) -> assertThat(count).as(territory).isEqualTo(1L));
        assertThat(publisher.requests).allMatch(request -> request.endsWith("If-None-Match"));
    }

    /** The lists on loopback, with ETags; records each request ("/AT.xml If-None-Match"). */
    static final class Publisher implements AutoCloseable {
        private final HttpServer server;
        private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
        final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile int notModified;

        Publisher() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        void put(String name, String xml) {
            documents.put(name, xml.getBytes(StandardCharsets.UTF_8));
        }

        private void handle(HttpExchange exchange) throws IOException {
            String name = exchange.getRequestURI().getPath().substring(1);
            String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add("/" + name + (condition == null ? "" : " If-None-Match"));
            byte[] content = documents.get(name);
            try (exchange) {
                if (content == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)) + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(condition)) {
                    notModified++;
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
