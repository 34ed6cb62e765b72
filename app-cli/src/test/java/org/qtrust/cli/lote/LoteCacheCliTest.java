package org.qtrust.cli.lote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.cli.QtrustCli;

/**
 * Lists of trusted entities in the list cache: {@code lists refresh --lote} stores the last
 * authentic copy and refuses rollbacks across runs (TS 119 602 §6.3.2), {@code lists load} and
 * {@code credential verify} with {@code --cache} use that copy instead of what is served now.
 */
class LoteCacheCliTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final Credential OPERATOR = TestPki.create("LoTE cache").endEntity("PID List Operator").issue();
    private static final Credential IMPOSTOR = TestPki.create("LoTE impostor").endEntity("PID List Operator").issue();
    private static final String AT = "2026-03-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private HttpServer server;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path cache() {
        return folder.resolve("cache");
    }

    private Path anchor() throws IOException {
        return pem(folder.resolve("operator.pem"), OPERATOR.certificate());
    }

    private static Path pem(Path file, X509Certificate certificate) throws IOException {
        try {
            return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestLotes.LoteBuilder pidProviders(int sequence, boolean listsTheWalletIssuer) {
        TestLotes.LoteBuilder list = TestLotes.pidProviders().sequenceNumber(sequence);
        Credential provider = listsTheWalletIssuer ? WALLET.issuer() : TestPki.create("Other").endEntity("Other PID Provider").issue();
        return list.entity("PID Provider", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, provider.certificate()));
    }

    private Run refresh(String location, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("lists", "refresh", "--cache", cache().toString(), "--lote", location,
                "--lote-anchor", anchor().toString(), "--at", AT, "--json", "--allow-loopback-http"));
        args.addAll(List.of(more));
        return run(args);
    }

    private Run loadFromCache(String location) throws IOException {
        return run(List.of("lists", "load", "--cache", cache().toString(), "--lote", location, "--lote-anchor", anchor().toString(),
                "--at", AT, "--json"));
    }

    @Test
    void a_refresh_stores_the_authentic_list_in_the_lote_folder_of_the_cache() throws Exception {
        Path list = Files.writeString(folder.resolve("pid-providers.jws"), pidProviders(5, true).signedJson(OPERATOR));

        Run run = refresh(list.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = run.json();
        assertThat(report.has("lotl")).as("only LoTEs were asked for: no trusted list refresh").isFalse();
        assertThat(report.get("usable").asBoolean()).isTrue();
        assertThat(report.get("loteSummary").get("new").asInt()).isEqualTo(1);
        JsonNode entry = report.get("lotes").get(0);
        assertThat(entry.get("outcome").asText()).isEqualTo("new");
        assertThat(entry.get("type").asText()).isEqualTo(TestLotes.EU_PID_PROVIDERS_LIST);
        assertThat(entry.get("sequence").asInt()).isEqualTo(5);
        assertThat(entry.get("cacheFile").asText()).matches("lote/pid-providers-[0-9a-f]{12}\\.jws");
        assertThat(cache().resolve(entry.get("cacheFile").asText())).hasSameTextualContentAs(list);
        assertThat(report.get("load").get("lotes").get(0).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void an_older_authentic_copy_served_later_is_refused_and_the_cached_copy_still_serves_loads() throws Exception {
        Path list = folder.resolve("pid-providers.jws");
        Files.writeString(list, pidProviders(5, true).signedJson(OPERATOR));
        refresh(list.toString());
        Files.writeString(list, pidProviders(4, true).signedJson(OPERATOR)); // genuine, unexpired, older: a replay

        Run refreshed = refresh(list.toString(), "--fail-on-problems");
        Run load = loadFromCache(list.toString());

        assertThat(refreshed.exit()).as(refreshed.err()).isEqualTo(3);
        JsonNode entry = refreshed.json().get("lotes").get(0);
        assertThat(entry.get("outcome").asText()).isEqualTo("kept_last_good");
        assertThat(entry.get("problem").asText()).isEqualTo("rollback");
        assertThat(entry.get("sequence").asInt()).isEqualTo(5);
        assertThat(load.exit()).as(load.err()).isZero();
        JsonNode loaded = load.json().get("lotes").get(0);
        assertThat(loaded.get("sequenceNumber").asInt()).isEqualTo(5);
        assertThat(loaded.get("location").asText()).isEqualTo(list.toString());
        assertThat(loaded.get("trace").get(0).asText()).startsWith("from the list cache: " + cache().resolve("lote").toAbsolutePath());
    }

    @Test
    void a_copy_signed_by_someone_else_is_refused_and_the_last_good_copy_stays() throws Exception {
        Path list = folder.resolve("pid-providers.xml");
        Files.writeString(list, pidProviders(5, true).signedXml(OPERATOR));
        refresh(list.toString());
        Files.writeString(list, pidProviders(9, true).signedXml(IMPOSTOR));

        Run run = refresh(list.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode entry = run.json().get("lotes").get(0);
        assertThat(entry.get("outcome").asText()).isEqualTo("kept_last_good");
        assertThat(entry.get("problem").asText()).isEqualTo("signer_not_trusted");
        assertThat(entry.get("sequence").asInt()).isEqualTo(5);
    }

    @Test
    void over_http_a_replayed_list_is_a_rollback_across_runs() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(pidProviders(7, true).signedJson(OPERATOR));
        String url = serve(served) + "lists/pid-providers.jws";
        Run first = refresh(url);
        served.set(pidProviders(6, false).signedJson(OPERATOR));

        Run second = refresh(url);

        assertThat(first.json().get("lotes").get(0).get("outcome").asText()).as(first.err()).isEqualTo("new");
        assertThat(second.json().get("lotes").get(0).get("problem").asText()).isEqualTo("rollback");
        assertThat(loadFromCache(url).json().get("lotes").get(0).get("sequenceNumber").asInt()).isEqualTo(7);
    }

    @Test
    void a_list_never_stored_in_the_cache_is_never_trusted_from_it() throws Exception {
        Files.createDirectories(cache());
        Path list = Files.writeString(folder.resolve("pid-providers.jws"), pidProviders(5, true).signedJson(OPERATOR));

        Run run = loadFromCache(list.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("lotes").get(0).get("reason").toString()).contains("list_unavailable");
        assertThat(run.err().trim()).startsWith("qtrust: ").contains("list_unavailable").hasLineCount(1);
    }

    @Test
    void a_refresh_without_a_signer_stops_before_any_download() throws Exception {
        Run run = run(List.of("lists", "refresh", "--cache", cache().toString(), "--lote", "https://127.0.0.1:9/pid.jws"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().trim()).startsWith("qtrust: ").contains("--lote-anchor").hasLineCount(1);
        assertThat(cache()).doesNotExist();
    }

    @Test
    void credential_verify_with_the_cache_uses_the_cached_copy_not_the_one_served_now() throws Exception {
        Path list = folder.resolve("pid-providers.jws");
        Files.writeString(list, pidProviders(7, true).signedJson(OPERATOR));
        refresh(list.toString());
        // An older copy, without the provider, now sits where the list is published.
        Files.writeString(list, pidProviders(6, false).signedJson(OPERATOR));
        Path presentation = Files.writeString(folder.resolve("pid.txt"), WALLET.present(WALLET.issue(WALLET.pid())));
        List<String> verify = List.of("credential", "verify", presentation.toString(), "--lote", list.toString(),
                "--lote-anchor", anchor().toString(), "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE,
                "--at", WalletCredentials.NOW.toString(), "--presented-at", WalletCredentials.NOW.toString(), "--no-fetch", "--json");

        Run cached = run(concat(verify, "--cache", cache().toString()));
        Run served = run(verify);

        assertThat(cached.exit()).as(cached.err() + cached.out()).isZero();
        JsonNode verdict = cached.json();
        assertThat(verdict.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(verdict.get("issuerTrust").get("list").get("sequenceNumber").asInt()).isEqualTo(7);
        assertThat(verdict.get("issuerTrust").get("list").get("location").asText()).isEqualTo(list.toString());
        assertThat(served.exit()).isEqualTo(1);
        assertThat(served.json().get("code").asText()).isEqualTo("issuer_not_trusted");
    }

    private static List<String> concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    /** A publisher on loopback serving whatever {@code body} holds, at any path. */
    private String serve(AtomicReference<String> body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        server.createContext("/", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }
}
