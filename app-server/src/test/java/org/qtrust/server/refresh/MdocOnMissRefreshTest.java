package org.qtrust.server.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.mdoc.MdocIssuer;
import org.qtrust.adapters.crypto.mdoc.MdocWorld;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.mdoc.JacksonCborCodec;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * Issue 19.1 for mdocs: a Document Signer whose x5chain finds no listed key makes the server
 * refresh the list of the territory its chain names, under the same limiter as certificates and
 * SD-JWT VCs; an mdoc whose DS chains to a CA the Austrian list adds after the server loaded it is
 * valid once the list is refreshed on the miss; another unlisted Austrian issuer within the interval causes no request.
 */
@Timeout(180)
class MdocOnMissRefreshTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final String DOC_TYPE = "org.example.diploma.1";

    private final TestPki pki = TestPki.create("MdocOnMiss");
    private final Credential lotlSigner = pki.endEntity("LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("TL signer").issue();
    private final Credential eaaCa = pki.certificate("CN=New EAA CA,O=New QTSP,C=AT").issuedBy(pki.root()).ca(0)
            .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    private final Credential signer = documentSigner("CN=Diploma DS,O=New QTSP,C=AT", eaaCa, "ds");
    private final Credential unlisted = documentSigner("CN=Unlisted DS,O=Elsewhere,C=AT",
            pki.certificate("CN=Unlisted CA,O=Elsewhere,C=AT").issuedBy(pki.root()).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN).issue(), "unlisted");
    private final KeyPair device = TestPki.ecKey("mdoc device");

    @TempDir
    Path cache;
    @TempDir
    Path oj;
    private OnMissRefreshTest.Publisher publisher;
    private QtrustServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    private Credential documentSigner(String subject, Credential issuer, String key) {
        return pki.certificate(subject).issuedBy(issuer).endEntity().ecKey("mdoc " + key)
                .validity(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE).extendedKeyUsage(MdocVerificationService.DS_EXTENDED_KEY_USAGE).issue();
    }

    private String list(int sequence, boolean withEaa) {
        TestLists.TrustedListBuilder list = TestLists.trustedList("AT").sequenceNumber(sequence).provider("Old QTSP")
                .service(TestLists.service("Old CA", TestLists.CA_QC, pki.intermediate().certificate())
                        .status(TestLists.GRANTED, Instant.parse("2017-01-01T00:00:00Z")));
        if (withEaa) {
            list.provider("New QTSP").service(TestLists.service("New EAA CA", ServiceTypes.EAA_Q, eaaCa.certificate())
                    .status(TestLists.GRANTED, Instant.parse("2020-01-01T00:00:00Z")));
        }
        return TestListSigner.with(listSigner).sign(list.build());
    }

    private String presentation(Credential ds) {
        JacksonCborCodec cbor = new JacksonCborCodec();
        MdocIssuer issuer = new MdocIssuer(cbor, ds.privateKey(), List.of(ds.certificate()), CoseAlgorithm.ES256, new SecureRandom());
        MdocIssuer.Request request = MdocIssuer.Request.of(DOC_TYPE, Map.of("org.example.diploma",
                Map.of("degree", org.qtrust.core.credential.mdoc.cbor.Cbor.text("MSc"))), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(365)), device.getPublic());
        SessionTranscript transcript = SessionTranscript.openId4Vp(cbor, MdocWorld.CLIENT_ID, MdocWorld.RESPONSE_URI, MdocWorld.NONCE,
                Optional.empty());
        byte[] response = issuer.deviceResponse(DOC_TYPE, issuer.issue(request), device.getPrivate(), CoseAlgorithm.ES256, transcript);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(response);
    }

    private JsonNode verify(String presentation) throws Exception {
        ObjectNode body = RunningServer.JSON.createObjectNode().put("format", "mso_mdoc").put("presentation", presentation)
                .put("at", NOW.toString()).put("credentialStatus", "off");
        body.putObject("handover").put("client_id", MdocWorld.CLIENT_ID).put("response_uri", MdocWorld.RESPONSE_URI)
                .put("nonce", MdocWorld.NONCE);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/credentials/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    @Test
    void aDocumentSignerWhoseCaIsAddedBetweenTwoRequestsIsFoundAfterARefreshOfItsTerritorysList() throws Exception {
        publisher = new OnMissRefreshTest.Publisher();
        publisher.put("EU.xml", TestListSigner.with(lotlSigner).sign(TestLists.lotl().sequenceNumber(7)
                .pointer("AT", publisher.base() + "AT.xml", listSigner.certificate()).build()));
        publisher.put("AT.xml", list(1, false));
        Files.writeString(oj.resolve("lotl-signer.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        lotlSigner.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0", "--cache", cache.toString(),
                "--lotl-url", publisher.base() + "EU.xml", "--oj-certs", oj.toString(), "--revocation", "off",
                "--allow-loopback-http", "--fetch", "off", "--miss-refresh-interval", "PT10M"), Map.of()).resolve(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(2))).isTrue();

        // The Austrian list adds the Document Signer's CA after the server loaded it.
        publisher.put("AT.xml", list(2, true));
        publisher.requests.clear();
        JsonNode first = verify(presentation(signer));

        assertThat(first.get("valid").asBoolean()).as(first.toPrettyString()).isTrue();
        assertThat(first.at("/certificate/trusted").asBoolean()).isTrue();
        assertThat(first.at("/certificate/provider").asText()).isEqualTo("New QTSP");
        assertThat(first.get("trace").toString()).contains("refreshed AT on a miss: new sequence 2");
        assertThat(publisher.requests).containsExactly("/AT.xml If-None-Match");

        // Another unlisted Austrian Document Signer within the interval: no request, the trace says why.
        JsonNode stranger = verify(presentation(unlisted));
        assertThat(stranger.get("code").asText()).as(stranger.toPrettyString()).isEqualTo("issuer_not_trusted");
        assertThat(stranger.get("trace").toString()).contains("AT not refreshed on a miss (rate limit");
        assertThat(publisher.requests).hasSize(1);
    }
}
