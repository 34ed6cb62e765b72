package org.qtrust.cli.oj;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.cli.QtrustCli;

/** Issue 16.2: {@code qtrust oj show}, and the one line that says the OJ certificates are outdated. */
class OfficialJournalCliTest {

    /** The certificate that signs the 2019 snapshot's LOTL (MANIFEST.md), among the 8 of OJ C 276/2019. */
    private static final String KREMER = "d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474";

    @TempDir
    Path folder;

    static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        return Path.of("../../shared");
    }

    private static final Path DATA = shared().resolve("trust-data");
    private static final String KEYSTORE = DATA.resolve("oj-keystore/keystore.p12").toString();
    /** DSS's synthetic OJ keystore: two test "LOTL signer" certificates, neither of which signs the real LOTL. */
    private static final String OTHER_OJ = DATA.resolve("pivots/synthetic/keystore_OJ1.p12").toString();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void oj_show_prints_subject_validity_and_sha256_of_each_certificate() {
        Run run = run("oj", "show", "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at", "2019-10-01");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 Official Journal certificates in the keystore", "CN=Patrick Kremer (Signature)",
                "SHA-256  " + KREMER, "valid    ");
        assertThat(run.out().lines().filter(line -> line.strip().startsWith("SHA-256")).count()).isEqualTo(8);
    }

    @Test
    void a_pem_folder_shows_the_same_certificates_as_the_keystore_and_json_says_which_are_valid() throws IOException {
        Run keystore = run("oj", "show", "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--json", "--at", "2019-10-01");
        Run pems = run("oj", "show", "--oj-certs", DATA.resolve("oj-keystore").toString(), "--json", "--at", "2030-01-01T00:00Z");

        JsonNode fromKeystore = new ObjectMapper().readTree(keystore.out());
        JsonNode fromPems = new ObjectMapper().readTree(pems.out());
        assertThat(digests(fromPems)).isEqualTo(digests(fromKeystore)).contains(KREMER).hasSize(8);
        assertThat(fromPems.get("at").asText()).isEqualTo("2030-01-01T00:00:00Z");
        fromPems.get("certificates").forEach(c -> assertThat(c.get("validAt").asBoolean()).as(c.get("subject").asText()).isFalse());
        JsonNode kremer = find(fromKeystore, KREMER);
        assertThat(kremer.get("validAt").asBoolean()).isTrue();
        assertThat(kremer.get("notBefore").asText()).endsWith("Z");
    }

    @Test
    void oj_show_refuses_a_missing_password_a_conflict_and_no_source() {
        Run missing = run("oj", "show", "--oj-keystore", KEYSTORE);
        Run both = run("oj", "show", "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--oj-certs", folder.toString());
        Run none = run("oj", "show");

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--oj-password is missing");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--oj-keystore and --oj-certs cannot be used together");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("--oj-keystore", "--oj-certs");
    }

    @Test
    void lists_load_says_in_one_line_that_the_oj_certificates_are_outdated_naming_the_signer() {
        Run run = run("lists", "load", "--offline", DATA.resolve("lotl-snapshot").toString(), "--oj-keystore", OTHER_OJ,
                "--oj-password", "password", "--at", "2019-10-01");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("the LOTL is signed by", "CN=Patrick Kremer (Signature)",
                "none of the 2 Official Journal certificates given", "no pivot LOTL leads to it", "newer Official Journal publication",
                "--oj-url");
    }

    @Test
    void the_right_certificates_give_no_such_line() {
        Run run = run("lists", "load", "--offline", DATA.resolve("lotl-snapshot").toString(), "--oj-keystore", KEYSTORE,
                "--oj-password", "dss-password", "--at", "2019-10-01");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).doesNotContain("Official Journal");
    }

    @Test
    void lists_refresh_says_the_same_when_the_downloaded_lotl_is_signed_by_another_key() throws IOException {
        byte[] lotl = Files.readAllBytes(DATA.resolve("lotl-snapshot/EU.xml"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 8);
        server.createContext("/eu-lotl.xml", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, lotl.length);
                exchange.getResponseBody().write(lotl);
            }
        });
        server.start();
        try {
            Run run = run("lists", "refresh", "--cache", folder.resolve("cache").toString(), "--lotl-url",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/eu-lotl.xml", "--oj-keystore", OTHER_OJ,
                    "--oj-password", "password", "--at", "2019-10-01", "--allow-loopback-http");

            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.err().strip().lines().filter(line -> line.startsWith("qtrust:"))).hasSize(1);
            assertThat(run.err()).contains("the LOTL is signed by", "Patrick Kremer", "none of the 2 Official Journal certificates",
                    "--oj-url");
        } finally {
            server.stop(0);
        }
    }

    private static Set<String> digests(JsonNode document) {
        Set<String> digests = new HashSet<>();
        document.get("certificates").forEach(c -> digests.add(c.get("sha256").asText()));
        return digests;
    }

    private static JsonNode find(JsonNode document, String sha256) {
        for (JsonNode certificate : document.get("certificates")) {
            if (certificate.get("sha256").asText().equals(sha256)) {
                return certificate;
            }
        }
        throw new AssertionError("no certificate " + sha256);
    }
}
