package org.qtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16.3: each rough edge a new user met, with its exit code and message. */
class CliRoughEdgesTest {

    private static final Path DATA = shared().resolve("trust-data");
    private static final String SNAPSHOT = DATA.resolve("lotl-snapshot").toString();
    private static final String KEYSTORE = DATA.resolve("oj-keystore/keystore.p12").toString();
    private static final String AT = "2019-10-01T00:00:00Z";

    @TempDir
    Path folder;

    static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        return Path.of("../../shared");
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** No third-party class name, package or exception type reaches the user. */
    static void assertNoLibraryNames(String message) {
        assertThat(message).doesNotContainIgnoringCase("exception").doesNotContain("org.", "com.", "jose4j", "picocli",
                "java.", "Caused by");
    }

    @Test
    void offline_and_cache_together_are_refused_naming_both() {
        Run run = run("lists", "load", "--offline", SNAPSHOT, "--cache", folder.toString(), "--oj-keystore", KEYSTORE,
                "--oj-password", "dss-password", "--at", AT);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--offline and --cache cannot be used together");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void a_keystore_and_a_certificate_folder_together_are_refused_naming_both() {
        Run run = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--oj-certs", folder.toString(), "--at", AT);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--oj-keystore and --oj-certs cannot be used together");
    }

    @Test
    void a_password_for_a_certificate_folder_is_refused_naming_both() {
        Run run = run("cert", "verify", "x.pem", "--offline", SNAPSHOT, "--oj-certs", folder.toString(), "--oj-password", "pw");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--oj-certs and --oj-password cannot be used together");
    }

    @Test
    void an_issuer_key_with_a_trust_anchor_is_refused_naming_both() {
        Run run = run("credential", "verify", "x.sdjwt", "--issuer-key", "k.jwk", "--trust-anchor", "a.pem");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--issuer-key and --trust-anchor cannot be used together");
    }

    @Test
    void the_same_options_apart_are_accepted() {
        Run run = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password", "--at", AT);

        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void a_missing_password_is_said_to_be_missing_and_a_wrong_one_wrong() {
        Run missing = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--at", AT);
        Run wrong = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "guess", "--at", AT);

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--oj-password is missing").doesNotContain("wrong");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--oj-password is wrong");
    }

    @Test
    void the_top_level_help_lists_serve() {
        Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\s+serve\\s+Run the relying-party server");
    }

    @Test
    void an_issuer_key_in_pem_form_is_explained_without_a_parser_class_name() throws IOException {
        Path presentation = Files.writeString(folder.resolve("p.sdjwt"), "eyJhbGciOiJFUzI1NiJ9.e30.c2ln~");
        Path pem = Files.writeString(folder.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n");
        Path garbage = Files.writeString(folder.resolve("key.txt"), "kty=EC");

        Run asPem = run("credential", "verify", presentation.toString(), "--issuer-key", pem.toString(), "--no-fetch");
        Run notJson = run("credential", "verify", presentation.toString(), "--issuer-key", garbage.toString(), "--no-fetch");

        assertThat(asPem.exit()).isEqualTo(2);
        assertThat(asPem.err()).contains("--issuer-key", "a PEM file, not a JWK");
        assertNoLibraryNames(asPem.err());
        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err()).contains("--issuer-key", "not JSON");
        assertNoLibraryNames(notJson.err());
    }

    @Test
    void a_bad_proxy_names_the_option_and_never_echoes_its_password() throws IOException {
        Path certificate = Files.copy(DATA.resolve("certs").resolve(firstCertificate()), folder.resolve("c.pem"));

        Run notUrl = run("cert", "verify", certificate.toString(), "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE,
                "--oj-password", "dss-password", "--at", AT, "--revocation", "prefer", "--proxy", "not a url");
        Run noPort = run("cert", "verify", certificate.toString(), "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE,
                "--oj-password", "dss-password", "--at", AT, "--revocation", "prefer", "--proxy", "http://alice:s3cret@proxy");

        assertThat(notUrl.exit()).isEqualTo(2);
        assertThat(notUrl.err()).startsWith("qtrust: --proxy:");
        assertNoLibraryNames(notUrl.err());
        assertThat(noPort.exit()).isEqualTo(2);
        assertThat(noPort.err()).contains("--proxy").doesNotContain("s3cret");
    }

    @Test
    void an_unusable_tls_trust_store_names_the_option_and_says_what_is_wrong() throws IOException {
        Path garbage = Files.writeString(folder.resolve("trust.p12"), "not a keystore");
        String[] common = {"lists", "refresh", "--cache", folder.resolve("cache").toString(), "--oj-keystore", KEYSTORE,
            "--oj-password", "dss-password", "--tls-trust"};

        Run notKeystore = run(concat(common, garbage.toString()));
        Run missing = run(concat(common, folder.resolve("none.p12").toString()));
        Run noPassword = run(concat(common, KEYSTORE));
        Run wrongPassword = run(concat(common, KEYSTORE, "--tls-trust-password", "wrong"));

        assertThat(notKeystore.exit()).isEqualTo(2);
        assertThat(notKeystore.err()).startsWith("qtrust: --tls-trust " + garbage + ": not a PKCS#12 or JKS keystore")
                .doesNotContain("null");
        assertNoLibraryNames(notKeystore.err());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("qtrust: --tls-trust ").contains("no such file");
        assertThat(noPassword.exit()).isEqualTo(2);
        assertThat(noPassword.err()).contains("give it with --tls-trust-password");
        assertThat(wrongPassword.exit()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("the --tls-trust-password is wrong").doesNotContain("wrong\n", "dss-password");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void other_option_errors_name_their_option() {
        assertThat(run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--at", "yesterday").err()).startsWith("qtrust: --at 'yesterday'");
        assertThat(run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--at", AT, "--expiry-grace", "week").err()).startsWith("qtrust: --expiry-grace 'week'");
        assertThat(run("lists", "load", "--offline", folder.resolve("none").toString(), "--oj-keystore", KEYSTORE,
                "--oj-password", "dss-password").err()).startsWith("qtrust: --offline ");
        assertThat(run("lists", "load", "--offline", SNAPSHOT, "--oj-certs", folder.resolve("none").toString()).err())
                .startsWith("qtrust: --oj-certs: ");
        Run timeout = run("lists", "refresh", "--cache", folder.toString(), "--oj-certs", folder.toString(), "--timeout", "soon");
        assertThat(timeout.exit()).isEqualTo(2);
        assertThat(timeout.err()).contains("--");
    }

    @Test
    void at_accepts_an_instant_without_seconds_an_offset_and_a_plain_date() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String at : new String[] {"2019-10-01T00:00Z", "2019-10-01", "2019-10-01T02:00+02:00", "2019-10-01T00:00:00.000Z"}) {
            Run run = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                    "--at", at, "--json");
            assertThat(run.exit()).as(at + ": " + run.err()).isZero();
            assertThat(json.readTree(run.out()).get("validationTime").asText()).as(at).isEqualTo(AT);
        }
        Run local = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--at", "2019-10-01T00:00");
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.err()).contains("--at '2019-10-01T00:00' has no time zone");
    }

    @Test
    void refresh_help_lists_no_offline_option_and_refuses_it_while_load_takes_it() {
        Run refreshHelp = run("lists", "refresh", "--help");
        Run loadHelp = run("lists", "load", "--help");
        Run refresh = run("lists", "refresh", "--offline", folder.toString());

        assertThat(refreshHelp.out()).doesNotContain("--offline=").contains("--cache=");
        assertThat(loadHelp.out()).contains("--offline=", "--cache=");
        assertThat(refresh.exit()).isEqualTo(2);
        assertThat(refresh.err()).contains("--offline", "--cache DIR");
    }

    @Test
    void the_lotl_location_is_the_file_read_and_the_declared_location_is_separate() throws IOException {
        Run run = run("lists", "load", "--offline", SNAPSHOT, "--oj-keystore", KEYSTORE, "--oj-password", "dss-password",
                "--at", AT, "--json");

        JsonNode lotl = new ObjectMapper().readTree(run.out()).get("lotl");
        assertThat(lotl.get("location").asText()).isEqualTo(Path.of(SNAPSHOT, "EU.xml").toAbsolutePath().normalize().toString());
        assertThat(lotl.get("declaredLocation").asText()).isEqualTo("https://ec.europa.eu/tools/lotl/eu-lotl.xml");
        JsonNode austria = new ObjectMapper().readTree(run.out()).get("lists").get(0);
        assertThat(austria.get("location").asText()).endsWith(".xml").startsWith(Path.of(SNAPSHOT).toAbsolutePath().normalize().toString());
        assertThat(austria.get("declaredLocation").asText()).startsWith("http");
    }

    @Test
    void verbose_is_recognised_anywhere_before_the_end_of_options() {
        assertThat(Logging.verbose(new String[] {"lists", "load", "-v"})).isTrue();
        assertThat(Logging.verbose(new String[] {"--verbose", "lists", "load"})).isTrue();
        assertThat(Logging.verbose(new String[] {"lists", "load"})).isFalse();
        assertThat(Logging.verbose(new String[] {"credential", "verify", "--", "-v"})).isFalse();
        assertThat(run("lists", "load", "--help").out()).contains("--verbose");
    }

    private static String firstCertificate() throws IOException {
        try (var files = Files.list(DATA.resolve("certs"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pem")).sorted().findFirst().orElseThrow();
        }
    }
}
