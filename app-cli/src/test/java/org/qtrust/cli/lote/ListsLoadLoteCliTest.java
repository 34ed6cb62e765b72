package org.qtrust.cli.lote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.cli.QtrustCli;

/** {@code qtrust lists load --lote FILE --lote-anchor FILE}: lists of trusted entities reported like the other lists. */
class ListsLoadLoteCliTest {

    private static final TestPki PKI = TestPki.create("LoTE CLI");
    private static final Credential OPERATOR = PKI.endEntity("PID List Operator").issue();
    private static final Credential PROVIDER = PKI.endEntity("PID Provider").issue();
    private static final String AT = "2026-03-01T00:00:00Z";

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QtrustCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private TestLotes.LoteBuilder list(int sequence) {
        return TestLotes.pidProviders().sequenceNumber(sequence)
                .entity("PID Provider", TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate()));
    }

    @Test
    void json_and_xml_lists_are_reported_with_their_verdict() throws Exception {
        Path json = Files.writeString(folder.resolve("pid.jws"), list(3).signedJson(OPERATOR));
        Path xml = Files.writeString(folder.resolve("pid.xml"), list(4).signedXml(OPERATOR));
        Path anchor = pem("operator.pem", OPERATOR.certificate());

        int exit = run("lists", "load", "--lote", json.toString(), "--lote", xml.toString(), "--lote-anchor", anchor.toString(),
                "--at", AT, "--json");

        assertThat(exit).as(err.toString()).isEqualTo(0);
        JsonNode lotes = new ObjectMapper().readTree(out.toString()).get("lotes");
        assertThat(lotes).hasSize(2);
        assertThat(lotes.get(0).get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(lotes.get(0).get("type").asText()).isEqualTo(TestLotes.EU_PID_PROVIDERS_LIST);
        assertThat(lotes.get(0).get("format").asText()).isEqualTo("JSON");
        assertThat(lotes.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(lotes.get(0).get("signature").get("status").asText()).isEqualTo("VALID");
        assertThat(lotes.get(0).get("providers").asInt()).isEqualTo(1);
        assertThat(lotes.get(1).get("format").asText()).isEqualTo("XML");
        assertThat(lotes.get(1).get("sequenceNumber").asInt()).isEqualTo(4);
    }

    @Test
    void a_replayed_older_list_after_a_newer_one_is_a_rollback_and_exits_1() throws Exception {
        Path newer = Files.writeString(folder.resolve("newer.jws"), list(5).signedJson(OPERATOR));
        Path older = Files.writeString(folder.resolve("older.jws"), list(4).signedJson(OPERATOR));
        Path anchor = pem("operator.pem", OPERATOR.certificate());

        int exit = run("lists", "load", "--lote", newer.toString(), "--lote", older.toString(), "--lote-anchor", anchor.toString(),
                "--at", AT);

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("EUPIDProvidersList (EU)", "REJECTED", "rollback");
        assertThat(err.toString().trim().lines()).singleElement().satisfies(line -> assertThat(line).startsWith("qtrust: ").contains("rollback"));
    }

    @Test
    void without_a_signer_certificate_nothing_is_loaded_and_the_exit_is_2() throws Exception {
        Path json = Files.writeString(folder.resolve("pid.jws"), list(3).signedJson(OPERATOR));

        int exit = run("lists", "load", "--lote", json.toString(), "--at", AT);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("qtrust: ").contains("--lote-anchor").doesNotContain("Exception");
    }

    @Test
    void a_missing_list_file_is_unusable_input() throws Exception {
        Path anchor = pem("operator.pem", OPERATOR.certificate());

        int exit = run("lists", "load", "--lote", folder.resolve("absent.json").toString(), "--lote-anchor", anchor.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void a_list_url_carrying_credentials_is_refused_without_repeating_them() throws Exception {
        Path anchor = pem("operator.pem", OPERATOR.certificate());

        int exit = run("lists", "load", "--lote", "https://reader:s3cret@lists.test/pid.jws", "--lote-anchor", anchor.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("qtrust: ").contains("user information").doesNotContain("s3cret");
        assertThat(out.toString()).doesNotContain("s3cret");
    }

    private Path pem(String name, X509Certificate certificate) throws IOException, CertificateEncodingException {
        return Files.writeString(folder.resolve(name), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }
}
