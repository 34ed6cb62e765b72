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
import org.qtrust.adapters.crypto.mdoc.MdocWorld;
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
    private static final MdocWorld MDOC = new MdocWorld();

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
                 "statusTime": "validation-time", "revocation": "off", "crypto": "ts119312",
                 "credentialIssuers": {"trustSources": {"pid": [{"source": "anchor"}]}}}
                """.formatted(root.getFileName()));
        // issue 18: an mdoc policy whose plain anchor is the mdoc test world's IACA.
        Path iaca = Files.writeString(folder.resolve("mdoc-iaca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(MDOC.iaca.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Path mdocPolicy = Files.writeString(folder.resolve("mdoc-test.json"), """
                {"name": "mdoc-test", "jurisdiction": "UT", "description": "the mdoc test world's IACA as a plain anchor",
                 "useTrustedLists": false,
                 "plainAnchors": [{"jurisdiction": "UT", "name": "Utopia Test IACA", "certificate": "%s"}],
                 "statusTime": "validation-time", "revocation": "off", "crypto": "ts119312",
                 "credentialIssuers": {"trustSources": {"mdl": [{"source": "anchor"}]}}}
                """.formatted(iaca.getFileName()));
        // The same anchor without the explicit widening: a plain anchor vouches for no PID issuer (issue 13).
        Path roleless = Files.writeString(folder.resolve("wallet-roleless.json"), """
                {"name": "wallet-roleless", "jurisdiction": "EU", "useTrustedLists": false,
                 "plainAnchors": [{"jurisdiction": "EU", "name": "Wallet Test Root", "certificate": "%s"}],
                 "statusTime": "validation-time", "revocation": "off"}
                """.formatted(root.getFileName()));
        server = QtrustServer.start(RunningServer.settings(List.of("--fetch", "off", "--policy", "eu-eidas", "--policy", policy.toString(),
                        "--policy", mdocPolicy.toString(), "--policy", roleless.toString())),
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
    void a_pid_whose_chain_ends_at_an_anchor_without_the_pid_role_is_not_valid() throws Exception {
        String body = RunningServer.JSON.createObjectNode().put("presentation", WALLET.present(WALLET.issue(WALLET.pid())))
                .put("aud", WalletCredentials.AUDIENCE).put("nonce", WalletCredentials.NONCE).put("at", WalletCredentials.NOW.toString())
                .put("policy", "wallet-roleless").toString();

        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = RunningServer.JSON.readTree(response.body());
        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("trace").toString()).contains("a credential of kind pid is issued only through")
                .contains("(a plain trust anchor): not that role");
    }

    @Test
    void a_replayed_presentation_is_refused() throws Exception {
        String presentation = WALLET.present(WALLET.issue(WALLET.pid()));

        JsonNode first = RunningServer.JSON.readTree(post(question(presentation)).body());
        HttpResponse<String> again = post(question(presentation));

        assertThat(first.get("code").asText()).isEqualTo("ok");
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode replayed = RunningServer.JSON.readTree(again.body());
        assertThat(replayed.get("valid").asBoolean()).isFalse();
        assertThat(replayed.get("code").asText()).isEqualTo("invalid_holder_binding");
        assertThat(replayed.get("trace").toString()).contains("key binding: replayed");
    }

    @Test
    void a_past_at_does_not_make_a_stale_kb_jwt_fresh() throws Exception {
        // The server's clock is NOW; a KB-JWT made an hour ago stays stale even when the request asks about an hour ago.
        String presentation = WALLET.keyBinding().issuedAt(WalletCredentials.NOW.minus(Duration.ofHours(1)))
                .bind(WALLET.issue(WALLET.pid()).issuance());
        String body = RunningServer.JSON.createObjectNode().put("presentation", presentation).put("aud", WalletCredentials.AUDIENCE)
                .put("nonce", WalletCredentials.NONCE).put("at", WalletCredentials.NOW.minus(Duration.ofHours(1)).toString())
                .put("policy", "wallet-test").toString();

        JsonNode verdict = RunningServer.JSON.readTree(post(body).body());

        assertThat(verdict.get("code").asText()).isEqualTo("invalid_holder_binding");
        assertThat(verdict.get("trace").toString()).contains("verifier's clock");
    }

    @Test
    void a_credential_whose_iat_is_1e300_is_answered_200_malformed_never_500() throws Exception {
        HttpResponse<String> response = post(question(WALLET.present(WALLET.issue(WALLET.pid().claim("iat", 1e300)))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode verdict = RunningServer.JSON.readTree(response.body());
        assertThat(verdict.get("code").asText()).isEqualTo("malformed_credential");
        assertThat(verdict.get("trace").toString()).contains("iat is not a NumericDate this verifier accepts");
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

    private static com.fasterxml.jackson.databind.node.ObjectNode mdocQuestion(byte[] presentation, String nonce) {
        com.fasterxml.jackson.databind.node.ObjectNode body = RunningServer.JSON.createObjectNode().put("format", "mso_mdoc")
                .put("presentation", Base64.getUrlEncoder().withoutPadding().encodeToString(presentation))
                .put("at", MdocWorld.NOW.toString()).put("policy", "mdoc-test");
        body.putObject("handover").put("client_id", MdocWorld.CLIENT_ID).put("response_uri", MdocWorld.RESPONSE_URI).put("nonce", nonce);
        return body;
    }

    @Test
    void an_mdoc_with_its_handover_is_answered_200_with_the_mdoc_document() throws Exception {
        HttpResponse<String> response = post(mdocQuestion(MDOC.presentMdl(), MdocWorld.NONCE).toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode verdict = RunningServer.json(response);
        assertThat(verdict.fieldNames()).toIterable().containsExactly("valid", "code", "format", "docType", "issuer", "elements",
                "deviceBound", "validity", "status", "certificate", "trace", "trustSource");
        assertThat(verdict.get("valid").asBoolean()).as(response.body()).isTrue();
        assertThat(verdict.get("deviceBound").asBoolean()).isTrue();
        assertThat(verdict.get("elements").get(MdocWorld.NAMESPACE).get("family_name").asText()).isEqualTo("Mustermann");
    }

    @Test
    void an_mdoc_signed_for_another_nonce_is_not_valid_and_bad_mdoc_questions_are_400() throws Exception {
        HttpResponse<String> replayed = post(mdocQuestion(MDOC.presentMdl(), "another-nonce").toString());
        com.fasterxml.jackson.databind.node.ObjectNode noHandover = mdocQuestion(MDOC.presentMdl(), MdocWorld.NONCE);
        noHandover.remove("handover");
        com.fasterxml.jackson.databind.node.ObjectNode notBase64 = mdocQuestion(MDOC.presentMdl(), MdocWorld.NONCE).put("presentation", "~~~");
        com.fasterxml.jackson.databind.node.ObjectNode withAud = mdocQuestion(MDOC.presentMdl(), MdocWorld.NONCE).put("aud", "x");
        com.fasterxml.jackson.databind.node.ObjectNode unknownFormat = mdocQuestion(MDOC.presentMdl(), MdocWorld.NONCE).put("format", "jwt_vc");

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(RunningServer.json(replayed).get("code").asText()).isEqualTo("invalid_holder_binding");
        assertThat(post(noHandover.toString()).statusCode()).isEqualTo(400);
        assertThat(post(notBase64.toString()).statusCode()).isEqualTo(400);
        assertThat(post(withAud.toString()).statusCode()).isEqualTo(400);
        assertThat(post(unknownFormat.toString()).statusCode()).isEqualTo(400);
    }

    @Test
    void an_mdoc_naming_a_status_list_is_unavailable_offline_under_require_and_the_request_may_lower_credential_status() throws Exception {
        byte[] withStatus = MDOC.present(MDOC.issuer().issue(MDOC.mdl().withStatusList("https://status.utopia.example/mdl/1", 3)));

        // --fetch off: the status list cannot be read, and the server's credentialStatus is require (fail closed, issue 13.3).
        HttpResponse<String> required = post(mdocQuestion(withStatus, MdocWorld.NONCE).toString());
        assertThat(required.statusCode()).as(required.body()).isEqualTo(200);
        JsonNode refused = RunningServer.json(required);
        assertThat(refused.get("code").asText()).isEqualTo("credential_status_unavailable");
        assertThat(refused.get("status").asText()).isEqualTo("unavailable");
        assertThat(refused.get("elements").isEmpty()).isTrue();

        HttpResponse<String> lowered = post(mdocQuestion(withStatus, MdocWorld.NONCE).put("credentialStatus", "prefer").toString());
        JsonNode accepted = RunningServer.json(lowered);
        assertThat(accepted.get("valid").asBoolean()).as(lowered.body()).isTrue();
        assertThat(accepted.get("trace").toString()).contains("status: warning: the status could not be established");
        assertThat(post(mdocQuestion(withStatus, MdocWorld.NONCE).put("credentialStatus", "sometimes").toString()).statusCode())
                .isEqualTo(400);
    }
}
