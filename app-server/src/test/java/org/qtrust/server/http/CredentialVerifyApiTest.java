package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;

/**
 * POST /v1/credentials/verify on a server started with a policy whose plain anchor is the wallet
 * test world's root: the answer is the {@code credential verify} document.
 */
class CredentialVerifyApiTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static QtrustServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.writeString(folder.resolve("wallet-root.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(TestPki.create("Wallet Test").root().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Path policy = Files.writeString(folder.resolve("wallet-test.json"), """
                {"name": "wallet-test", "jurisdiction": "EU", "description": "the wallet test world's root as a plain anchor",
                 "useTrustedLists": false,
                 "plainAnchors": [{"jurisdiction": "EU", "name": "Wallet Test Root", "certificate": "%s"}],
                 "statusTime": "validation-time", "revocation": "off", "crypto": "ts119312"}
                """.formatted(root.getFileName()));
        server = QtrustServer.start(RunningServer.settings(List.of("--fetch", "off", "--policy", "eu-eidas", "--policy", policy.toString())),
                Clock.fixed(WalletCredentials.NOW, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(3))).isTrue();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/credentials/verify"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String question(String presentation) {
        return RunningServer.JSON.createObjectNode().put("presentation", presentation).put("aud", WalletCredentials.AUDIENCE)
                .put("nonce", WalletCredentials.NONCE).put("at", WalletCredentials.NOW.toString()).put("policy", "wallet-test").toString();
    }

    @Test
    void a_valid_presentation_is_answered_200_with_the_credential_verify_document() throws Exception {
        HttpResponse<String> response = post(question(WALLET.present(WALLET.issue(WALLET.pid()))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = RunningServer.json(response);
        assertThat(verdict.fieldNames()).toIterable()
                .containsExactly("valid", "code", "issuer", "vct", "claims", "holderBound", "certificate", "trace", "trustSource", "status");
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("holderBound").asBoolean()).isTrue();
        assertThat(verdict.get("trustSource").asText()).isEqualTo("anchor");
        assertThat(verdict.get("claims").get("address").get("locality").asText()).isEqualTo("Berlin");
        assertThat(verdict.get("certificate").get("trusted").asBoolean()).isTrue();
        assertThat(verdict.get("trace").toString()).contains("metadata: skipped");
    }

    @Test
    void a_tampered_presentation_is_answered_200_with_its_code() throws Exception {
        String presentation = WALLET.present(WALLET.issue(WALLET.pid()));
        String[] parts = presentation.split("\\.", 3);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(WalletCredentials.ISSUER, "https://forged.wallet.test");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> response = post(question(tampered));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = RunningServer.json(response);
        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("invalid_signature");
        assertThat(verdict.get("claims").isEmpty()).isTrue();
    }

    @Test
    void a_presentation_from_an_issuer_outside_the_policy_is_not_trusted() throws Exception {
        HttpResponse<String> response = post(question(WALLET.present(WALLET.signer(WALLET.untrustedIssuer()).issue(WALLET.pid()))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(response).get("code").asText()).isEqualTo("issuer_not_trusted");
    }

    @Test
    void a_body_without_a_presentation_is_a_400() throws Exception {
        HttpResponse<String> response = post("{\"aud\": \"x\", \"nonce\": \"y\"}");

        assertThat(response.statusCode()).isEqualTo(400);
    }
}
