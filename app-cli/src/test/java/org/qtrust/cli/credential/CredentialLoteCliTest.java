package org.qtrust.cli.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLists;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.lote.AcceptedTrustedList;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.core.trustsource.TrustSources;

/**
 * {@code qtrust credential verify --lote FILE --lote-anchor FILE}: a PID's issuer is trusted
 * because its provider is on the EU PID providers list (TS 119 602 Annex D) in force when the
 * credential was issued, not because a trusted list names its CA.
 */
class CredentialLoteCliTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Credential OPERATOR = TestPki.create("Credential LoTE").endEntity("PID List Operator").issue();
    /** The wallet world issues its PIDs a day before NOW (June 2026): February is before issuance. */
    private static final Instant WITHDRAWN_SINCE = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant NOTIFIED_SINCE = Instant.parse("2025-01-01T00:00:00Z");

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

    private Path file(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    private Path pem(String name, X509Certificate certificate) throws Exception {
        return file(name, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static TestLotes.ServiceBuilder pidIssuance() {
        return TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, WALLET.issuer().certificate());
    }

    private static TestLotes.LoteBuilder listing(TestLotes.ServiceBuilder service) {
        return TestLotes.pidProviders().sequenceNumber(7).entity("PID Provider Wallet Test", service);
    }

    private Run verify(String presentation, Path list, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("credential", "verify", file("pid.txt", presentation).toString(),
                "--lote", list.toString(), "--lote-anchor", pem("operator.pem", OPERATOR.certificate()).toString(),
                "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE,
                "--at", WalletCredentials.NOW.toString(), "--presented-at", WalletCredentials.NOW.toString(), "--no-fetch", "--json"));
        args.addAll(List.of(more));
        return run(args);
    }

    private String pid() {
        return WALLET.present(WALLET.issue(WALLET.pid()));
    }

    @Test
    void a_pid_whose_provider_is_on_the_json_pid_providers_list_is_valid_through_lote() throws Exception {
        Path list = file("pid-providers.jws", listing(pidIssuance()).signedJson(OPERATOR));

        Run run = verify(pid(), list);

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(verdict.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(verdict.get("certificate").isNull()).isTrue();
        JsonNode trust = verdict.get("issuerTrust");
        assertThat(trust.get("list").get("type").asText()).isEqualTo(TestLotes.EU_PID_PROVIDERS_LIST);
        assertThat(trust.get("list").get("territory").asText()).isEqualTo("EU");
        assertThat(trust.get("list").get("sequenceNumber").asInt()).isEqualTo(7);
        assertThat(trust.get("list").get("location").asText()).isEqualTo(list.toString());
        assertThat(trust.get("entity").asText()).isEqualTo("PID Provider Wallet Test");
        assertThat(trust.get("service").get("name").asText()).isEqualTo("PID issuance");
        assertThat(trust.get("service").get("type").asText()).isEqualTo(TestLotes.PID_ISSUANCE);
        assertThat(verdict.get("trace").toString()).contains("kind: pid", "EUPIDProvidersList (EU");
    }

    @Test
    void a_policy_decides_which_lists_vouch_for_pid_issuers() throws Exception {
        Path list = file("pid-providers.jws", listing(pidIssuance()).signedJson(OPERATOR));
        Path walletProvidersOnly = file("wallet-providers-only.json", "{\"name\": \"wallet-providers-only\", \"credentialIssuers\": "
                + "{\"trustSources\": {\"pid\": [{\"source\": \"LoTE\", \"listType\": \"EUWalletProvidersList\","
                + " \"serviceTypes\": [\"WalletSolution/Issuance\"]}]}}}");
        Path explicitPidList = file("pid-list.json", "{\"name\": \"pid-list\", \"credentialIssuers\": "
                + "{\"trustSources\": {\"pid\": [{\"source\": \"LoTE\", \"listType\": \"EUPIDProvidersList\","
                + " \"serviceTypes\": [\"PID/Issuance\"]}]}}}");

        Run refused = verify(pid(), list, "--policy", walletProvidersOnly.toString());
        Run accepted = verify(pid(), list, "--policy", explicitPidList.toString());

        assertThat(refused.exit()).as(refused.err() + refused.out()).isEqualTo(1);
        assertThat(JSON.readTree(refused.out()).get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(JSON.readTree(refused.out()).get("trace").toString()).contains("EUWalletProvidersList");
        assertThat(accepted.exit()).as(accepted.err() + accepted.out()).isZero();
        assertThat(JSON.readTree(accepted.out()).get("trustSource").asText()).isEqualTo("LoTE");
    }

    @Test
    void the_same_holds_for_the_xml_form_of_the_list() throws Exception {
        Path list = file("pid-providers.xml", listing(pidIssuance()).signedXml(OPERATOR));

        Run run = verify(pid(), list);

        assertThat(run.exit()).as(run.err() + run.out()).isZero();
        assertThat(JSON.readTree(run.out()).get("trustSource").asText()).isEqualTo("LoTE");
    }

    @Test
    void a_provider_withdrawn_before_issuance_is_not_trusted_and_the_trace_names_the_list() throws Exception {
        Path list = file("pid-providers.jws", listing(pidIssuance().status(TestLotes.WITHDRAWN, WITHDRAWN_SINCE)
                .history(TestLotes.NOTIFIED, NOTIFIED_SINCE)).signedJson(OPERATOR));

        Run run = verify(pid(), list);

        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(verdict.get("claims").isEmpty()).isTrue();
        assertThat(verdict.get("trace").toString()).contains("EUPIDProvidersList (EU", "seq 7", "withdrawn since 2026-02-01");
    }

    @Test
    void an_iat_after_the_key_binding_time_does_not_choose_when_the_issuer_status_counts() throws Exception {
        // Listed from NOW + 1 day, withdrawn at NOW + 2.5 days; the validation time is NOW + 3 days.
        Instant listed = WalletCredentials.NOW.plus(Duration.ofDays(1));
        Instant withdrawn = WalletCredentials.NOW.plus(Duration.ofHours(60));
        Path list = file("pid-providers.jws", listing(pidIssuance().status(TestLotes.WITHDRAWN, withdrawn)
                .history(TestLotes.NOTIFIED, listed)).signedJson(OPERATOR));
        String at = WalletCredentials.NOW.plus(Duration.ofDays(3)).toString();
        // iat NOW + 2 days (while listed) but the holder presented it at NOW: the issuer's iat cannot be after that.
        String forwardDated = WALLET.present(WALLET.issue(WALLET.pid().claim("iat", WalletCredentials.NOW.plus(Duration.ofDays(2)).getEpochSecond())));
        String honest = WALLET.keyBinding().issuedAt(WalletCredentials.NOW.plus(Duration.ofDays(2)).plusSeconds(60))
                .bind(WALLET.issue(WALLET.pid().claim("iat", WalletCredentials.NOW.plus(Duration.ofDays(2)).getEpochSecond())).issuance());

        JsonNode refused = JSON.readTree(run(List.of("credential", "verify", file("forward.txt", forwardDated).toString(),
                "--lote", list.toString(), "--lote-anchor", pem("operator.pem", OPERATOR.certificate()).toString(),
                "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE, "--at", at,
                "--presented-at", WalletCredentials.NOW.toString(), "--no-fetch", "--json")).out());
        JsonNode accepted = JSON.readTree(run(List.of("credential", "verify", file("honest.txt", honest).toString(),
                "--lote", list.toString(), "--lote-anchor", pem("operator.pem", OPERATOR.certificate()).toString(),
                "--aud", WalletCredentials.AUDIENCE, "--nonce", WalletCredentials.NONCE, "--at", at,
                "--presented-at", WalletCredentials.NOW.plus(Duration.ofDays(2)).plusSeconds(60).toString(), "--no-fetch", "--json")).out());

        assertThat(refused.get("code").asText()).as(refused.toString()).isEqualTo("issuer_not_trusted");
        assertThat(refused.get("trace").toString()).contains("is after the KB-JWT's iat");
        assertThat(accepted.get("code").asText()).as(accepted.toString()).isEqualTo("ok");
        assertThat(accepted.get("trace").toString()).contains("(issuer-asserted; not after the validation time nor the KB-JWT's iat)");
    }

    @Test
    void a_pid_issuer_not_on_the_pid_list_is_not_trusted_even_when_its_chain_ends_at_a_trust_anchor() throws Exception {
        Credential other = TestPki.create("Another PID Provider").endEntity("Other Signer").issue();
        Path list = file("pid-providers.jws", listing(TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE,
                other.certificate())).signedJson(OPERATOR));
        Path walletRoot = pem("root.pem", TestPki.create("Wallet Test").root().certificate());

        Run run = verify(pid(), list, "--trust-anchor", walletRoot.toString());

        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(run.out());
        assertThat(verdict.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(verdict.get("trace").toString()).contains("no service on it holds the issuer's key");
    }

    @Test
    void a_pid_issuer_listed_only_as_a_ca_qc_on_a_trusted_list_is_not_a_pid_provider() throws Exception {
        X509Certificate issuingCa = WALLET.issuer().chain().get(1);
        String be = TestLists.trustedList("BE").service(TestLists.service("Wallet Test CA", TestLists.CA_QC, issuingCa)
                .status(TestLists.GRANTED, NOTIFIED_SINCE)).build();
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        TrustSources sources = TrustSources.of(List.of(), Optional.of(AcceptedTrustedList.report("BE", be, WalletCredentials.NOW)),
                inspector);
        CredentialVerificationService verifier = CredentialVerificationService.offline(new IssuerTrust.TrustSourceLists(
                new IssuerTrustService(sources, IssuerTrustPolicy.euDefault(), inspector), CredentialKindRule.euDefault(),
                Optional.empty()), new Jose4jWebTokens());

        CredentialVerdict verdict = verifier.verify(WALLET.check(pid()));

        assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.trace()).anySatisfy(line -> assertThat(line).contains("LoTE EUPIDProvidersList", "no such list loaded"));
    }

    @Test
    void the_vct_decides_the_kind_by_policy() {
        CredentialKindRule rule = CredentialKindRule.euDefault();

        assertThat(rule.kindOf("urn:eudi:pid:1").code()).isEqualTo("pid");
        assertThat(rule.kindOf("urn:eu.europa.ec.eudi:pid:1").code()).isEqualTo("pid");
        assertThat(rule.kindOf("urn:eudi:pid").code()).isEqualTo("attestation");
        assertThat(rule.kindOf("https://example.com/diploma").code()).isEqualTo("attestation");
    }

    @Test
    void lote_with_an_issuer_key_is_unusable_input() throws Exception {
        Path jwk = file("issuer.jwk", "{\"kty\":\"EC\"}");
        Run run = run(List.of("credential", "verify", file("x.txt", "a~").toString(), "--issuer-key", jwk.toString(),
                "--lote", "list.json", "--lote-anchor", "operator.pem"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("qtrust: ").contains("--lote").hasLineCount(1);
    }
}
