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
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.KeyBinding;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.TestListSigner;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;
import org.qtrust.server.config.SettingsResolver;

/**
 * Issue 19.1 for credentials: an SD-JWT VC whose x5c chain finds no listed key makes the server
 * refresh the list of the chain's issuer's territory, under the same rate limit as certificates;
 * an attestation issuer the Austrian list adds (an EAA/Q service) after the server loaded it is trusted
 * once its list is refreshed on the miss; another unlisted issuer of that territory within the
 * interval causes no request.
 */
@Timeout(180)
class CredentialOnMissRefreshTest {

    private static final Instant NOW = Instant.parse("2024-03-01T00:00:00Z");
    private static final String AUDIENCE = "https://verifier.example";
    private static final String NONCE = "n-0S6_WzA2Mj";

    private final TestPki pki = TestPki.create("CredentialOnMiss");
    private final Credential lotlSigner = pki.endEntity("LOTL signer").issue();
    private final Credential listSigner = pki.endEntity("TL signer").issue();
    private final Credential eaaCa = pki.certificate("CN=New EAA CA,O=New QTSP,C=AT").issuedBy(pki.root()).ca(0)
            .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    /** Issued after the EAA service was granted (its status is judged at the certificate's issuance). */
    private final Credential issuer = pki.certificate("CN=Diploma Issuer,O=New QTSP,C=AT").issuedBy(eaaCa).endEntity()
            .validity(Instant.parse("2021-01-01T00:00:00Z"), TestPki.NOT_AFTER).ecKey("diploma issuer").keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue();
    private final Credential unlisted = pki.certificate("CN=Unlisted Issuer,O=Elsewhere,C=AT").issuedBy(
            pki.certificate("CN=Unlisted CA,O=Elsewhere,C=AT").issuedBy(pki.root()).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN).issue())
            .endEntity().ecKey("unlisted issuer").keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue();
    private final KeyPair holder = TestPki.ecKey("diploma holder");

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

    private String presentation(Credential issuer) {
        ClaimSet claims = ClaimSet.create().claim("iss", "https://diplomas.example").claim("vct", "https://diplomas.example/msc")
                .claim("iat", NOW.minus(Duration.ofDays(1)).getEpochSecond())
                .claim("exp", NOW.plus(Duration.ofDays(365)).getEpochSecond())
                .claim("cnf", SdJwtIssuer.confirmation(holder.getPublic()))
                .disclosable("degree", "MSc");
        String issued = new SdJwtIssuer(issuer.privateKey(), "ES256", List.of(issuer.certificate())).issue(claims).issuance();
        return KeyBinding.signedWith(holder.getPrivate(), "ES256").audience(AUDIENCE).nonce(NONCE).issuedAt(NOW).bind(issued);
    }

    private JsonNode verify(String presentation) throws Exception {
        String body = RunningServer.JSON.createObjectNode().put("presentation", presentation).put("aud", AUDIENCE)
                .put("nonce", NONCE).put("at", NOW.toString()).toString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/v1/credentials/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    @Test
    void anAttestationIssuerAddedBetweenTwoRequestsIsTrustedOnTheSecondAfterARefreshOfItsTerritorysList() throws Exception {
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

        // The Austrian list adds the attestation issuer's CA after the server loaded it.
        publisher.put("AT.xml", list(2, true));
        publisher.requests.clear();
        JsonNode first = verify(presentation(issuer));

        // The x5c chain is now trusted through the refreshed list (the verdict's later checks, such as the
        // issuer binding of issue 13.2 — this leaf has no SAN — are not this test's concern).
        assertThat(first.at("/certificate/trusted").asBoolean()).as(first.toPrettyString()).isTrue();
        assertThat(first.get("code").asText()).isNotEqualTo("issuer_not_trusted");
        assertThat(first.get("trace").toString()).contains("certificate decision: trusted via AT / New QTSP");
        assertThat(first.get("trace").toString()).contains("refreshed AT on a miss: new sequence 2");
        assertThat(publisher.requests).containsExactly("/AT.xml If-None-Match");

        // Another unlisted Austrian issuer within the interval: no request, the trace says why.
        JsonNode stranger = verify(presentation(unlisted));
        assertThat(stranger.get("code").asText()).as(stranger.toPrettyString()).isEqualTo("issuer_not_trusted");
        assertThat(stranger.get("trace").toString()).contains("AT not refreshed on a miss (rate limit");
        assertThat(publisher.requests).hasSize(1);
    }
}
