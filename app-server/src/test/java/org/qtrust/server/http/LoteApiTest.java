package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.server.QtrustServer;
import org.qtrust.server.RunningServer;

/**
 * A server started with {@code --lote} lists (TS 119 602 Annex D, EU PID providers) and
 * {@code --lote-anchor}: PID credentials are trusted through the list as {@code qtrust credential
 * verify --lote} trusts them, and the lists are reported beside the trusted lists. Two lists: a
 * JSON one signed by the operator (provider A in force, provider B withdrawn before the PIDs are
 * issued) and an XML one signed by someone else (listing provider C), which is never trusted.
 */
class LoteApiTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final TestPki PKI = TestPki.create("Server LoTE");
    private static final Credential OPERATOR = PKI.endEntity("PID List Operator").issue();
    private static final Credential IMPOSTOR = PKI.endEntity("Not The Operator").issue();
    private static final Credential PROVIDER_ON_FORGED_LIST = TestPki.create("Forged Listing").endEntity("PID Issuer").issue();
    /** The wallet world issues its PIDs a day before NOW (June 2026): February is before issuance. */
    private static final Instant WITHDRAWN_SINCE = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOTIFIED_SINCE = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    static Path folder;

    private static QtrustServer server;
    private static Path genuine;
    private static Path forged;

    @BeforeAll
    static void start() throws Exception {
        genuine = Files.writeString(folder.resolve("pid-providers.jws"), TestLotes.pidProviders().sequenceNumber(7)
                .entity("PID Provider Wallet Test", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE,
                        WALLET.issuer().certificate()))
                .entity("PID Provider Withdrawn", TestLotes.service("PID issuance B", TestLotes.PID_ISSUANCE,
                        WALLET.untrustedIssuer().certificate()).status(TestLotes.WITHDRAWN, WITHDRAWN_SINCE)
                        .history(TestLotes.NOTIFIED, NOTIFIED_SINCE))
                .signedJson(OPERATOR));
        forged = Files.writeString(folder.resolve("pid-providers-forged.xml"), TestLotes.pidProviders().sequenceNumber(9)
                .entity("PID Provider On A Forged List", TestLotes.service("PID issuance C", TestLotes.PID_ISSUANCE,
                        PROVIDER_ON_FORGED_LIST.certificate()))
                .signedXml(IMPOSTOR));
        Path anchor = pem("operator.pem", OPERATOR.certificate());
        Path walletProvidersOnly = Files.writeString(folder.resolve("wallet-providers-only.json"), "{\"name\": \"wallet-providers-only\","
                + " \"credentialIssuers\": {\"trustSources\": {\"pid\": [{\"source\": \"LoTE\", \"listType\": \"EUWalletProvidersList\","
                + " \"serviceTypes\": [\"WalletSolution/Issuance\"]}]}}}");
        server = QtrustServer.start(RunningServer.settings(List.of("--fetch", "off", "--lote", genuine.toString(), "--lote", forged.toString(),
                "--lote-anchor", anchor.toString(), "--revocation", "off", "--policy", "eu-eidas", "--policy", walletProvidersOnly.toString())),
                Clock.fixed(WalletCredentials.NOW, ZoneOffset.UTC));
        assertThat(server.awaitSnapshot(Duration.ofMinutes(3))).isTrue();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Path pem(String name, X509Certificate certificate) throws Exception {
        return Files.writeString(folder.resolve(name), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode verify(String presentation) throws Exception {
        return verify(presentation, null);
    }

    private static JsonNode verify(String presentation, String policy) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode request = RunningServer.JSON.createObjectNode().put("presentation", presentation)
                .put("aud", WalletCredentials.AUDIENCE).put("nonce", WalletCredentials.NONCE).put("at", WalletCredentials.NOW.toString());
        if (policy != null) {
            request.put("policy", policy);
        }
        String body = request.toString();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/credentials/verify")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private static JsonNode lotes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/trusted-lists")).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response).get("lotes");
    }

    @Test
    void a_pid_whose_provider_is_on_the_pid_providers_list_is_valid_through_lote() throws Exception {
        JsonNode verdict = verify(WALLET.present(WALLET.issue(WALLET.pid())));

        assertThat(verdict.get("valid").asBoolean()).as(verdict.toPrettyString()).isTrue();
        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(verdict.get("trustSource").asText()).isEqualTo("LoTE");
        JsonNode trust = verdict.get("issuerTrust");
        assertThat(trust.get("list").get("type").asText()).isEqualTo(TestLotes.EU_PID_PROVIDERS_LIST);
        assertThat(trust.get("list").get("sequenceNumber").asInt()).isEqualTo(7);
        assertThat(trust.get("list").get("location").asText()).isEqualTo(genuine.toString());
        assertThat(trust.get("entity").asText()).isEqualTo("PID Provider Wallet Test");
        assertThat(trust.get("service").get("type").asText()).isEqualTo(TestLotes.PID_ISSUANCE);
        assertThat(verdict.get("trace").toString()).contains("kind: pid", "EUPIDProvidersList (EU", "metadata: skipped");
    }

    @Test
    void a_provider_withdrawn_before_issuance_is_not_trusted_and_the_trace_names_the_list() throws Exception {
        JsonNode verdict = verify(WALLET.present(WALLET.signer(WALLET.untrustedIssuer()).issue(WALLET.pid())));

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).as(verdict.toPrettyString()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(verdict.get("claims").isEmpty()).isTrue();
        assertThat(verdict.get("trace").toString()).contains("EUPIDProvidersList (EU", "seq 7", "withdrawn since 2026-02-01");
    }

    @Test
    void a_provider_listed_only_on_a_list_with_a_bad_signature_is_never_trusted() throws Exception {
        JsonNode verdict = verify(WALLET.present(WALLET.signer(PROVIDER_ON_FORGED_LIST).issue(WALLET.pid())));

        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("code").asText()).as(verdict.toPrettyString()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("issuerTrust").get("code").asText()).isEqualTo("list_not_trusted");
        assertThat(verdict.get("issuerTrust").get("list").get("accepted").asBoolean()).isFalse();
        assertThat(verdict.get("trace").toString()).contains("seq 9", "not accepted (signer_not_trusted)");
    }

    @Test
    void the_lists_endpoint_reports_each_lote_like_the_other_lists() throws Exception {
        JsonNode lotes = lotes();

        assertThat(lotes).hasSize(2);
        JsonNode accepted = lotes.get(0);
        assertThat(accepted.fieldNames()).toIterable().containsExactly("trustSource", "territory", "location", "type", "format",
                "operator", "sequenceNumber", "issued", "nextUpdate", "signature", "accepted", "reason", "stale", "providers",
                "services", "freshness", "trace");
        assertThat(accepted.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(accepted.get("territory").asText()).isEqualTo("EU");
        assertThat(accepted.get("type").asText()).isEqualTo(TestLotes.EU_PID_PROVIDERS_LIST);
        assertThat(accepted.get("format").asText()).isEqualTo("JSON");
        assertThat(accepted.get("sequenceNumber").asInt()).isEqualTo(7);
        assertThat(accepted.get("issued").asText()).isEqualTo(TestLotes.DEFAULT_ISSUED.toString());
        assertThat(accepted.get("nextUpdate").asText()).isEqualTo(TestLotes.DEFAULT_NEXT_UPDATE.toString());
        assertThat(accepted.get("signature").get("status").asText()).isEqualTo("VALID");
        assertThat(accepted.get("signature").get("signer").asText()).contains("PID List Operator");
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.get("reason").isNull()).isTrue();
        assertThat(accepted.get("providers").asInt()).isEqualTo(2);
        assertThat(accepted.get("services").asInt()).isEqualTo(2);
        assertThat(accepted.get("freshness").get("fresh").asBoolean()).isTrue();
        JsonNode rejected = lotes.get(1);
        assertThat(rejected.get("format").asText()).isEqualTo("XML");
        assertThat(rejected.get("accepted").asBoolean()).isFalse();
        assertThat(rejected.get("reason").asText()).isEqualTo("signer_not_trusted");
        assertThat(rejected.get("signature").get("status").asText()).isNotEqualTo("VALID");
    }

    @Test
    void each_lote_is_judged_at_the_validation_time_asked() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v1/trusted-lists?at=" + TestLotes.DEFAULT_NEXT_UPDATE.plusSeconds(1))).GET());

        JsonNode later = RunningServer.json(response).get("lotes").get(0);
        assertThat(later.get("accepted").asBoolean()).isFalse();
        assertThat(later.get("reason").asText()).isEqualTo("list_expired");
        assertThat(later.get("freshness").get("fresh").asBoolean()).isTrue();
    }

    @Test
    void the_metrics_say_which_list_of_trusted_entities_is_accepted() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE qtrust_lote_accepted gauge",
                "qtrust_lote_accepted{location=\"" + genuine + "\"} 1",
                "qtrust_lote_accepted{location=\"" + forged + "\"} 0",
                "qtrust_lote_next_update_seconds{location=\"" + genuine + "\"} ");
    }

    @Test
    void the_request_policy_decides_which_lists_vouch_for_pid_issuers() throws Exception {
        String pid = WALLET.present(WALLET.issue(WALLET.pid()));

        JsonNode byDefault = verify(pid);
        JsonNode walletProvidersOnly = verify(pid, "wallet-providers-only");

        assertThat(byDefault.get("code").asText()).isEqualTo("ok");
        assertThat(walletProvidersOnly.get("code").asText()).as(walletProvidersOnly.toPrettyString()).isEqualTo("issuer_not_trusted");
        assertThat(walletProvidersOnly.get("trace").toString()).contains("EUWalletProvidersList");
    }
}
