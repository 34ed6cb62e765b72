package org.qtrust.cli.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.mdoc.MdocWorld;
import org.qtrust.cli.QtrustCli;

/** {@code qtrust credential verify} with an mdoc (issue 18 item 7): recognised, the handover, the JSON document, exit codes. */
class MdocVerifyCliTest {

    private static final MdocWorld WORLD = new MdocWorld();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDOVER = MdocWorld.CLIENT_ID + "," + MdocWorld.RESPONSE_URI + "," + MdocWorld.NONCE;

    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private List<String> verify(Path presentation, String... more) throws Exception {
        Path iaca = Files.writeString(folder.resolve("iaca.pem"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(WORLD.iaca.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        // The test IACA is a plain anchor: it vouches for mDL issuers only because this policy says so (issue 13.1 roles).
        Path policy = Files.writeString(folder.resolve("anchors-issue-mdls.json"), "{\"name\": \"mdl-anchors\", \"credentialIssuers\": "
                + "{\"trustSources\": {\"mdl\": [{\"source\": \"anchor\"}]}}}");
        List<String> args = new ArrayList<>(List.of("credential", "verify", presentation.toString(), "--trust-anchor", iaca.toString(),
                "--policy", policy.toString(), "--at", MdocWorld.NOW.toString(), "--no-fetch"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void a_cbor_device_response_is_recognised_and_verified_with_the_handover() throws Exception {
        Path mdoc = Files.write(folder.resolve("mdl.cbor"), WORLD.presentMdl());

        Run run = run(verify(mdoc, "--mdoc-handover", HANDOVER, "--require-key-binding", "--json"));

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.fieldNames()).toIterable().containsExactly("valid", "code", "format", "docType", "issuer", "elements",
                "deviceBound", "validity", "status", "certificate", "trace", "trustSource");
        assertThat(verdict.get("format").asText()).isEqualTo("mso_mdoc");
        assertThat(verdict.get("docType").asText()).isEqualTo(MdocWorld.MDL);
        assertThat(verdict.get("deviceBound").asBoolean()).isTrue();
        assertThat(verdict.get("trustSource").asText()).isEqualTo("anchor");
        assertThat(verdict.get("elements").get(MdocWorld.NAMESPACE).get("birth_date").asText()).isEqualTo("1964-08-12");
        assertThat(verdict.get("certificate").get("trusted").asBoolean()).isTrue();
        assertThat(verdict.get("validity").get("validUntil").asText()).isEqualTo(MdocWorld.UNTIL.toString());
    }

    @Test
    void base64url_of_the_cbor_is_recognised_too_and_the_session_transcript_can_be_given_as_a_file() throws Exception {
        Path mdoc = Files.writeString(folder.resolve("mdl.txt"), Base64.getUrlEncoder().withoutPadding().encodeToString(WORLD.presentMdl()) + "\n");
        Path transcript = Files.writeString(folder.resolve("transcript.hex"), HexFormat.of().formatHex(WORLD.cbor.encode(WORLD.transcript().value())));

        Run run = run(verify(mdoc, "--session-transcript", transcript.toString(), "--require-key-binding"));

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("VALID — mdoc " + MdocWorld.MDL).contains("device bound");
    }

    @Test
    void another_nonce_in_the_handover_is_not_holder_binding_and_exits_1() throws Exception {
        Path mdoc = Files.write(folder.resolve("mdl.cbor"), WORLD.presentMdl());

        Run run = run(verify(mdoc, "--mdoc-handover", MdocWorld.CLIENT_ID + "," + MdocWorld.RESPONSE_URI + ",other", "--json"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(JSON.readTree(run.out()).get("code").asText()).isEqualTo("invalid_holder_binding");
        assertThat(JSON.readTree(run.out()).get("elements").size()).isZero();
    }

    @Test
    void forced_mdoc_format_on_something_else_is_malformed_and_bad_options_are_unusable_input() throws Exception {
        Path text = Files.writeString(folder.resolve("x.txt"), "eyJhbGciOiJFUzI1NiJ9.e30.sig~");
        Path mdoc = Files.write(folder.resolve("mdl.cbor"), WORLD.presentMdl());

        Run forced = run(verify(text, "--format", "mso_mdoc", "--json"));
        Run badHandover = run(verify(mdoc, "--mdoc-handover", "only-one-part"));
        Run badFormat = run(verify(mdoc, "--format", "jwt"));
        Run handoverOnSdJwt = run(verify(text, "--mdoc-handover", HANDOVER));

        assertThat(forced.exit()).isEqualTo(1);
        assertThat(JSON.readTree(forced.out()).get("code").asText()).isEqualTo("malformed_credential");
        assertThat(badHandover.exit()).isEqualTo(2);
        assertThat(badHandover.err()).contains("--mdoc-handover").doesNotContain("Exception");
        assertThat(badFormat.exit()).isEqualTo(2);
        assertThat(handoverOnSdJwt.exit()).isEqualTo(2);
    }

    @Test
    void the_credentials_bench_verifies_mdocs_with_format_mso_mdoc() throws Exception {
        Run run = run(List.of("bench", "credentials", "--format", "mso_mdoc", "--seconds", "0.3", "--max-warmup", "0.5", "--threads", "1", "--json"));
        Run wrong = run(List.of("bench", "credentials", "--format", "cbor"));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode figures = JSON.readTree(run.out());
        assertThat(figures.get("verificationsPerSecond").asLong()).isPositive();
        assertThat(figures.get("format").asText()).isEqualTo("mso_mdoc");
        assertThat(figures.get("elements").asInt()).isEqualTo(10);
        assertThat(wrong.exit()).isEqualTo(2);
    }
}
