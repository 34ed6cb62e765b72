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
import java.util.List;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.cli.QtrustCli;

/** {@code qtrust credential verify}: exit codes, the JSON document and unusable input, on the wallet test world. */
class CredentialVerifyCliTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    private Path walletRoot() throws Exception {
        return file("root.pem", "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(TestPki.create("Wallet Test").root().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    /** The wallet scheme has no list: its root vouches for PID issuers only because this policy says so (issue 13). */
    private Path anchorPolicy() throws Exception {
        return file("anchors-issue-pids.json", "{\"name\": \"wallet-anchors\", \"credentialIssuers\": "
                + "{\"trustSources\": {\"pid\": [{\"source\": \"anchor\"}]}}}");
    }

    private String[] verify(Path presentation, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("credential", "verify", presentation.toString(), "--trust-anchor", walletRoot().toString(),
                "--policy", anchorPolicy().toString(),
                "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE, "--at", WalletCredentials.NOW.toString(), "--presented-at", WalletCredentials.NOW.toString(), "--no-fetch"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void a_valid_presentation_exits_0_with_the_issue_4_json_document() throws Exception {
        Path presentation = file("pid.txt", WALLET.present(WALLET.issue(WALLET.pid())) + "\n");

        Run run = run(verify(presentation, "--require-key-binding", "--json"));

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.fieldNames()).toIterable()
                .containsExactly("valid", "code", "issuer", "vct", "claims", "holderBound", "certificate", "trace", "trustSource", "status");
        assertThat(verdict.get("trustSource").asText()).isEqualTo("anchor");
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(verdict.get("issuer").asText()).isEqualTo(WalletCredentials.ISSUER);
        assertThat(verdict.get("vct").asText()).isEqualTo(WalletCredentials.VCT);
        assertThat(verdict.get("holderBound").asBoolean()).isTrue();
        assertThat(verdict.get("claims").get("address").get("locality").asText()).isEqualTo("Berlin");
        assertThat(verdict.get("claims").has("_sd")).isFalse();
        JsonNode certificate = verdict.get("certificate");
        assertThat(certificate.get("trusted").asBoolean()).isTrue();
        assertThat(certificate.get("code").asText()).isEqualTo("ok");
        assertThat(certificate.get("service").get("type").asText()).isEqualTo("urn:qtrust:plain-trust-anchor");
        assertThat(verdict.get("trace").toString()).contains("metadata: skipped (offline");
    }

    /**
     * Issue 13.7 on the CLI: with fetching on, the issuer's chain is checked for revocation as {@code cert verify} checks a
     * certificate. The wallet issuer's certificates name no OCSP or CRL location, so no answer can be had: under require the
     * chain is not trusted, under prefer it is with a warning, off (or --no-fetch) asks nobody. Everything the verifier
     * would fetch is rewritten to a closed loopback port, so nothing leaves this machine.
     */
    @Test
    void the_issuer_chain_is_checked_for_revocation_in_the_mode_asked_for() throws Exception {
        Path presentation = file("pid.txt", WALLET.present(WALLET.issue(WALLET.pid())) + "\n");
        java.util.function.Function<String, String[]> fetching = mode -> {
            try {
                List<String> args = new ArrayList<>(List.of(verify(presentation, "--json", "--credential-status", "off",
                        "--rewrite", WalletCredentials.ISSUER + "=http://127.0.0.1:1", "--allow-loopback-http", "--revocation", mode)));
                args.remove("--no-fetch");
                return args.toArray(String[]::new);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        Run required = run(fetching.apply("require"));
        Run preferred = run(fetching.apply("prefer"));
        Run off = run(fetching.apply("off"));
        Run offline = run(verify(presentation, "--json", "--revocation", "require"));

        JsonNode notTrusted = JSON.readTree(required.out());
        assertThat(required.exit()).as(required.err() + required.out()).isEqualTo(1);
        assertThat(notTrusted.get("valid").asBoolean()).isFalse();
        assertThat(notTrusted.get("certificate").get("code").asText()).isEqualTo("revocation_unknown");
        JsonNode warned = JSON.readTree(preferred.out());
        assertThat(preferred.exit()).as(preferred.err() + preferred.out()).isZero();
        assertThat(warned.get("certificate").get("trace").toString())
                .contains("revocation (certificate): OCSP: the certificate names no OCSP responder")
                .contains("accepted because the policy prefers but does not require it");
        assertThat(JSON.readTree(off.out()).get("certificate").get("trace").toString()).contains("revocation: mode off");
        assertThat(offline.exit()).as("--no-fetch asks nobody: mode off").isZero();
        assertThat(JSON.readTree(offline.out()).get("certificate").get("trace").toString()).contains("revocation: mode off");
        assertThat(run(verify(presentation, "--revocation", "sometimes")).exit()).isEqualTo(2);
    }

    @Test
    void a_plain_anchor_vouches_for_no_pid_issuer_under_the_default_policy() throws Exception {
        Path presentation = file("pid.txt", WALLET.present(WALLET.issue(WALLET.pid())));

        Run run = run("credential", "verify", presentation.toString(), "--trust-anchor", walletRoot().toString(),
                "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE, "--at", WalletCredentials.NOW.toString(),
                "--no-fetch", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("certificate").get("policy").asText()).isEqualTo("eu-eidas/credential-issuers");
        assertThat(verdict.get("trace").toString()).contains("a credential of kind pid is issued only through [LoTE EUPIDProvidersList")
                .contains("(a plain trust anchor): not that role");
    }

    @Test
    void a_past_at_does_not_make_an_old_kb_jwt_fresh() throws Exception {
        Path presentation = file("old.txt", WALLET.present(WALLET.issue(WALLET.pid())));

        // The KB-JWT was made at NOW (2026-06-01); the verifier's clock is today: --at moves trust and status only.
        Run run = run("credential", "verify", presentation.toString(), "--trust-anchor", walletRoot().toString(),
                "--policy", anchorPolicy().toString(), "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE,
                "--at", WalletCredentials.NOW.toString(), "--no-fetch", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("code").asText()).isEqualTo("invalid_holder_binding");
        assertThat(verdict.get("trace").toString()).contains("s before it was received").contains("verifier's clock");
    }

    @Test
    void an_invalid_presentation_exits_1_with_its_code() throws Exception {
        Path rogue = file("rogue.txt", WALLET.present(WALLET.signer(WALLET.untrustedIssuer()).issue(WALLET.pid())));
        Path unbound = file("unbound.txt", WALLET.issue(WALLET.pid()).issuance());

        Run untrusted = run(verify(rogue, "--json"));
        Run withoutBinding = run(verify(unbound, "--require-key-binding"));

        assertThat(untrusted.exit()).isEqualTo(1);
        assertThat(JSON.readTree(untrusted.out()).get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(withoutBinding.exit()).isEqualTo(1);
        assertThat(withoutBinding.out()).contains("NOT VALID (invalid_holder_binding)");
    }

    @Test
    void issuer_key_verifies_a_plain_sd_jwt_without_chain_typ_or_vct() throws Exception {
        var key = TestPki.ecKey("interop issuer");
        String sdJwt = new SdJwtIssuer(key.getPrivate(), "ES256", List.of()).type(null)
                .issue(ClaimSet.create().claim("iss", "https://issuer.example.com").disclosable("given_name", "John")).issuance();
        Path presentation = file("plain.txt", sdJwt);
        Path jwk = file("issuer.jwk", JsonUtil.toJson(SdJwtIssuer.confirmation(key.getPublic())).replaceFirst("^\\{\"jwk\":", "").replaceFirst("}$", ""));

        Run run = run("credential", "verify", presentation.toString(), "--issuer-key", jwk.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("claims").get("given_name").asText()).isEqualTo("John");
        assertThat(verdict.get("certificate").isNull()).isTrue();
    }

    @Test
    void unusable_input_is_one_line_and_exit_2() throws Exception {
        Run missing = run("credential", "verify", folder.resolve("nope.txt").toString(), "--no-fetch");
        Path badJwk = file("bad.jwk", "{\"kty\": \"oct\", \"k\": \"c2VjcmV0\"}");
        Run secretKey = run("credential", "verify", file("x.txt", "a~").toString(), "--issuer-key", badJwk.toString());
        Run both = run("credential", "verify", file("y.txt", "a~").toString(), "--issuer-key", badJwk.toString(),
                "--trust-anchor", walletRoot().toString());

        for (Run run : List.of(missing, secretKey, both)) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("qtrust: ").doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void the_credentials_bench_prints_its_contract() throws Exception {
        Run run = run("bench", "credentials", "--seconds", "0.3", "--max-warmup", "0.5", "--threads", "1", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode figures = JSON.readTree(run.out());
        assertThat(figures.get("verificationsPerSecond").asLong()).isPositive();
        assertThat(figures.get("threads").asInt()).isEqualTo(1);
    }

    /** The anchor policy with more top-level keys (issue 13.2, 13.3). */
    private Path anchorPolicyWith(String name, String keys) throws Exception {
        return file(name + ".json", "{\"name\": \"" + name + "\", " + keys + ", \"credentialIssuers\": "
                + "{\"trustSources\": {\"pid\": [{\"source\": \"anchor\"}]}}}");
    }

    @Test
    void the_policy_files_credential_status_is_the_default_and_the_option_replaces_it() throws Exception {
        Path presentation = file("status.txt", WALLET.present(WALLET.issue(WALLET.pidWithStatus(0))));
        Path off = anchorPolicyWith("status-off", "\"credentialStatus\": \"off\"");

        Run required = run(verify(presentation, "--json"));
        assertThat(required.exit()).as(required.err()).isEqualTo(1);
        assertThat(JSON.readTree(required.out()).get("code").asText()).isEqualTo("credential_status_unavailable");

        List<String> args = new ArrayList<>(List.of(verify(presentation, "--json")));
        args.set(args.indexOf(anchorPolicyPath()), off.toString());
        Run byPolicy = run(args.toArray(String[]::new));
        assertThat(byPolicy.exit()).as(byPolicy.err() + byPolicy.out()).isZero();
        assertThat(JSON.readTree(byPolicy.out()).get("trace").toString()).contains("not checked (credentialStatus off)");

        args.addAll(List.of("--credential-status", "require"));
        Run byOption = run(args.toArray(String[]::new));
        assertThat(byOption.exit()).isEqualTo(1);
        assertThat(JSON.readTree(byOption.out()).get("code").asText()).isEqualTo("credential_status_unavailable");
    }

    @Test
    void an_iss_the_certificate_does_not_name_is_not_bound_unless_the_policy_file_says_none() throws Exception {
        Path presentation = file("unnamed.txt", WALLET.present(WALLET.signer(WALLET.issuerNaming()).issue(WALLET.pid())));

        Run refused = run(verify(presentation, "--json"));
        assertThat(refused.exit()).as(refused.err()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(refused.out());
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_bound");
        assertThat(verdict.get("trace").toString()).contains("(policy issuerBinding certificate-or-metadata)")
                .contains("no SAN URI or dNSName");

        List<String> args = new ArrayList<>(List.of(verify(presentation, "--json")));
        args.set(args.indexOf(anchorPolicyPath()), anchorPolicyWith("binding-none", "\"issuerBinding\": \"none\"").toString());
        Run accepted = run(args.toArray(String[]::new));
        assertThat(accepted.exit()).as(accepted.err() + accepted.out()).isZero();
        assertThat(JSON.readTree(accepted.out()).get("trace").toString()).contains("issuer binding: not checked (policy issuerBinding none)");
    }

    private String anchorPolicyPath() {
        return folder.resolve("anchors-issue-pids.json").toString();
    }
}
