package org.qtrust.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.jades.JadesListSignatureVerifier;
import org.qtrust.adapters.crypto.jades.LoteListSignatureVerifier;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.adapters.xml.lote.LoteDocumentReader;
import org.qtrust.core.lote.loading.LoteLoadRequest;
import org.qtrust.core.lote.loading.LoteLoader;
import org.qtrust.core.lote.loading.LoteVerdict;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustsource.IssuerKey;
import org.qtrust.core.trustsource.IssuerTrustQuery;
import org.qtrust.core.trustsource.IssuerTrustService;
import org.qtrust.core.trustsource.IssuerTrustVerdict;
import org.qtrust.core.trustsource.TrustSources;
import org.qtrust.adapters.crypto.keystore.OfficialJournalCertificates;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxServer;
import org.qtrust.adapters.http.fetch.FetchConfig;
import org.qtrust.adapters.http.fetch.HttpListSource;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.HttpClient5Transport;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.adapters.ocsp.OcspCrlRevocationChecker;
import org.qtrust.adapters.xml.guice.XmlAdapterModule;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.cert.CertificateFiles;
import org.qtrust.cli.wiring.ListsModule;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.revocation.RevocationPolicy;
import org.qtrust.core.revocation.RevocationProblem;
import org.qtrust.core.revocation.RevocationOutcome;
import org.qtrust.core.revocation.RevocationQuery;
import org.qtrust.core.revocation.RevocationReason;
import org.qtrust.core.revocation.RevocationSource;
import org.qtrust.core.trustedlist.ListLocation;
import org.qtrust.core.trustedlist.loading.ListAcceptancePolicy;
import org.qtrust.core.trustedlist.loading.ListVerdict;
import org.qtrust.core.trustedlist.loading.LoadRequest;
import org.qtrust.core.trustedlist.loading.LoadTrustedLists;
import org.qtrust.core.trustedlist.loading.TrustedListsReport;

/**
 * A fresh sandbox, and every artefact of its manifest checked against the verdict its README
 * table announces: offline through the {@code qtrust} command line (in process), and online
 * through {@code sandbox serve} with the real HTTP adapters (lists fetched by HttpListSource,
 * revocation by the OCSP/CRL checker over HttpClient5Transport).
 */
@Timeout(120)
class SandboxEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = SandboxLayout.VALIDATION_TIME;
    private static final Pattern README_ROW = Pattern.compile("^\\| `([^`]+)` \\| (\\w+) \\| (\\w+) \\| `(\\w+)` \\| (\\d) \\|.*`qtrust ([^`]+)` \\|$");

    @TempDir
    static Path temporary;
    static Path sandbox;
    static int port;
    static List<Expectation> expectations;
    static SandboxServer server;
    static HttpClient5Transport transport;

    /** One row of the README table (artefact, kind, trust source, code, exit, args). */
    record Expectation(String artefact, String kind, String trustSource, String code, int exit, List<String> args) {
        boolean needsRevocation() {
            return args.contains("--revocation");
        }

        boolean usesDefaultPolicyAndLists() {
            return args.contains("--offline") && !args.contains("--policy") && !args.contains("--trust-anchor");
        }
    }

    @BeforeAll
    static void createSandbox() throws IOException {
        sandbox = temporary.resolve("sandbox");
        port = freePort();
        Run init = run("sandbox", "init", sandbox.toString(), "--seed", "5", "--port", String.valueOf(port));
        assertThat(init.exit()).as(init.err()).isZero();
        expectations = readmeTable(Files.readAllLines(sandbox.resolve(SandboxLayout.README)));
        server = SandboxServer.start(sandbox, port, Clock.systemUTC());
        transport = new HttpClient5Transport(TransportConfig.defaults().withEgress(EgressRule.loopbackSandbox()));
    }

    @AfterAll
    static void stopServer() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_readme_table_and_the_manifest_say_the_same() throws IOException {
        JsonNode manifest = JSON.readTree(sandbox.resolve(SandboxLayout.MANIFEST).toFile());
        List<Expectation> fromManifest = new ArrayList<>();
        for (JsonNode entry : manifest) {
            List<String> args = new ArrayList<>();
            entry.get("args").forEach(arg -> args.add(arg.asText()));
            fromManifest.add(new Expectation(entry.get("artefact").asText(), entry.get("kind").asText(),
                    entry.get("trustSource").asText(), entry.get("expect").get("code").asText(),
                    entry.get("expect").get("exit").asInt(), args));
        }
        assertThat(fromManifest).isEqualTo(expectations);
    }

    @Test
    void the_artefacts_cover_every_rejection_code_of_certificates_lists_and_revocation() {
        List<String> everyCode = Stream.concat(Arrays.stream(VerdictCode.values()).map(VerdictCode::code),
                Arrays.stream(RevocationProblem.values()).map(RevocationProblem::code)).toList();
        assertThat(expectations).extracting(Expectation::code).containsAll(everyCode).contains("signer_not_trusted");
        assertThat(expectations).extracting(Expectation::trustSource).contains("TL", "anchor", "LoTE");
    }

    @Test
    void the_credentials_cover_every_credential_code_a_sandbox_can_produce() {
        // Not produced: not_qualified_certificate and certificate_revoked (the issuer certificate is
        // qualified and has no revocation pointers).
        Set<CredentialCode> notProduced = EnumSet.of(CredentialCode.NOT_QUALIFIED_CERTIFICATE, CredentialCode.CERTIFICATE_REVOKED);
        List<String> producible = Arrays.stream(CredentialCode.values()).filter(c -> !notProduced.contains(c))
                .map(CredentialCode::code).toList();
        assertThat(expectations).filteredOn(e -> e.kind().equals("credential")).extracting(Expectation::code)
                .containsAll(producible);
    }

    @TestFactory
    Stream<DynamicTest> every_artefact_gets_its_verdict_offline_through_the_command_line() {
        // Rows with --revocation ask the OCSP responder and CRLs of the sandbox, served on its port by createSandbox().
        return expectations.stream()
                .map(e -> DynamicTest.dynamicTest(e.artefact() + " → " + e.code(), () -> checkOffline(e)));
    }

    @TestFactory
    Stream<DynamicTest> every_artefact_gets_its_verdict_through_sandbox_serve() throws Exception {
        Injector injector = Guice.createInjector(new XmlAdapterModule(), new CryptoAdapterModule(),
                new ListsModule(new HttpListSource(transport, FetchConfig.defaults())));
        TrustedListsReport report = injector.getInstance(LoadTrustedLists.class).load(new LoadRequest(
                ListLocation.listOfLists("http://127.0.0.1:" + port + "/lists/EU.xml"),
                OfficialJournalCertificates.fromKeyStore(sandbox.resolve(SandboxLayout.OJ_KEYSTORE),
                        SandboxLayout.OJ_PASSWORD.toCharArray()),
                Optional.empty(), AT, new ListAcceptancePolicy(Duration.ZERO)));
        CertificateInspector inspector = injector.getInstance(CertificateInspector.class);
        TrustedServiceIndex index = TrustedServiceIndex.fromReport(report, List.of(), inspector);
        CertificateDecisionService decisions = new CertificateDecisionService(index, inspector,
                VerificationPolicy.euEidas().withRevocation(RevocationMode.OFF));
        CertificateDecisionService withRevocation = new CertificateDecisionService(index, inspector,
                VerificationPolicy.euEidas().withRevocation(RevocationMode.REQUIRE),
                Optional.of(new OcspCrlRevocationChecker(transport, Clock.systemUTC())), RevocationPolicy.defaults());
        // Credential rows are checked through the command line above, which fetches their status lists and issuer metadata
        // from the server (HttpClient5Transport);
        // the PID providers LoTE is a local file (lists load --lote), not served.
        return expectations.stream().filter(e -> e.kind().equals("list") && e.trustSource().equals("TL")
                        || e.kind().equals("certificate") && e.usesDefaultPolicyAndLists())
                .map(e -> DynamicTest.dynamicTest(e.artefact() + " → " + e.code(), () -> {
                    if (e.kind().equals("list")) {
                        assertThat(code(listVerdict(report, e.artefact()))).isEqualTo(e.code());
                    } else {
                        assertThat(onlineCode(e, e.needsRevocation() ? withRevocation : decisions)).isEqualTo(e.code());
                    }
                }));
    }

    @Test
    void the_issuer_metadata_is_fetched_from_sandbox_serve_and_matches_the_valid_credential() throws Exception {
        Expectation attestation = expectation(SandboxLayout.CREDENTIALS + "/attestation.sdjwt");
        JsonNode verdict = verdict(attestation.args());
        String base = "http://127.0.0.1:" + port;

        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(trace(verdict)).contains(
                "metadata: " + base + "/.well-known/jwt-vc-issuer/issuers/attestation-b matches iss and publishes the signing key",
                "metadata: " + base + "/.well-known/openid-credential-issuer/issuers/attestation-b matches iss");
    }

    @Test
    void pids_signed_with_qualified_esignature_or_website_certificates_name_the_role_needed_and_the_service_found() throws Exception {
        for (String name : List.of("pid-qualified-esig.sdjwt", "pid-website.sdjwt")) {
            JsonNode verdict = verdict(expectation(SandboxLayout.CREDENTIALS + "/" + name).args());

            assertThat(verdict.get("code").asText()).as(name).isEqualTo("issuer_not_trusted");
            assertThat(trace(verdict)).as(name).anySatisfy(line -> assertThat(line)
                    .contains("a credential of kind pid is issued only through [LoTE EUPIDProvidersList [PID/Issuance]]")
                    .contains("(CA/QC, granted at the certificate's issuance): not that role"));
        }
    }

    @Test
    void an_mdl_is_trusted_only_through_an_mdl_provider_and_a_pid_mdoc_only_through_a_pid_provider() throws Exception {
        JsonNode mdl = verdict(expectation(SandboxLayout.CREDENTIALS + "/mdoc/mdl.mdoc").args());
        assertThat(mdl.get("code").asText()).as(trace(mdl).toString()).isEqualTo("ok");
        assertThat(mdl.get("trustSource").asText()).isEqualTo("LoTE");
        assertThat(trace(mdl)).anySatisfy(line -> assertThat(line).contains("kind: mdl"));

        JsonNode mdlOfPidProvider = verdict(expectation(SandboxLayout.CREDENTIALS + "/mdoc/mdl-pid-provider-iaca.mdoc").args());
        assertThat(mdlOfPidProvider.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(trace(mdlOfPidProvider)).anySatisfy(line -> assertThat(line)
                .contains("the issuer of a mdl credential is trusted through [LoTE urn:qtrust:lote:type:mDLProvidersList"));
        JsonNode pidOfMdlProvider = verdict(expectation(SandboxLayout.CREDENTIALS + "/mdoc/pid-mdl-provider-iaca.mdoc").args());
        assertThat(pidOfMdlProvider.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(trace(pidOfMdlProvider)).anySatisfy(line -> assertThat(line)
                .contains("the issuer of a pid credential is trusted through [LoTE EUPIDProvidersList [PID/Issuance]]"));

        // Issue 13.1 through the trusted lists: a Document Signer under a CA/QC service names the role needed and the service found.
        JsonNode qualifiedCa = verdict(expectation(SandboxLayout.CREDENTIALS + "/mdoc/mdl-qualified-ca.mdoc").args());
        assertThat(qualifiedCa.get("code").asText()).isEqualTo("issuer_not_trusted");
        assertThat(trace(qualifiedCa)).anySatisfy(line -> assertThat(line)
                .contains("a credential of kind mdl is issued only through [LoTE urn:qtrust:lote:type:mDLProvidersList")
                .contains("CA/QC").contains("not that role"));
    }

    @Test
    void each_metadata_mismatch_names_what_does_not_match() throws Exception {
        String base = "http://127.0.0.1:" + port;
        JsonNode misnamed = verdict(expectation(SandboxLayout.METADATA_CREDENTIALS + "/wrong-issuer.sdjwt").args());
        JsonNode keyless = verdict(expectation(SandboxLayout.METADATA_CREDENTIALS + "/key-not-published.sdjwt").args());

        assertThat(trace(misnamed)).anySatisfy(line -> assertThat(line).startsWith("metadata: " + base
                + "/.well-known/jwt-vc-issuer/issuers/misnamed-b declares issuer " + base + "/issuers/attestation-b, not "));
        assertThat(trace(keyless)).anySatisfy(line -> assertThat(line).startsWith("metadata: " + base
                + "/.well-known/jwt-vc-issuer/issuers/key-not-published-b publishes 1 key(s), none of them the key that signed"));
    }

    @TestFactory
    Stream<DynamicTest> credentials_keep_their_verdicts_without_fetching_and_metadata_is_then_skipped() {
        // --no-fetch: nothing is asked of the server. Rows that need it for their verdict are covered by the tests above;
        // a metadata row offline is valid, as docs/credentials.md says (metadata skipped, noted in the trace).
        return expectations.stream().filter(e -> e.kind().equals("credential") && !e.artefact().startsWith(SandboxLayout.STATUS_CREDENTIALS))
                .map(e -> DynamicTest.dynamicTest(e.artefact() + " offline", () -> {
                    List<String> args = new ArrayList<>(e.args());
                    args.add("--no-fetch");
                    JsonNode verdict = verdict(args);
                    if (e.artefact().startsWith(SandboxLayout.METADATA_CREDENTIALS + "/")) {
                        assertThat(verdict.get("code").asText()).isEqualTo("ok");
                        assertThat(trace(verdict)).anySatisfy(line -> assertThat(line).startsWith("metadata: skipped (offline"));
                    } else {
                        assertThat(verdict.get("code").asText()).isEqualTo(e.code());
                    }
                }));
    }

    @Test
    void the_served_crl_alone_also_says_revoked() throws Exception {
        CertificateFiles.CertificateFile file = CertificateFiles.read(sandbox.resolve(SandboxLayout.CERTS).resolve("revoked.pem"));
        RevocationOutcome outcome = new OcspCrlRevocationChecker(transport, Clock.systemUTC()).check(
                x509(file.certificate()), x509(file.others().get(0)),
                RevocationQuery.at(AT, RevocationPolicy.defaults().withMode(RevocationMode.REQUIRE)
                        .withOrder(List.of(RevocationSource.CRL))));

        assertThat(outcome.isRevoked()).as(String.join("\n", outcome.trace())).isTrue();
        assertThat(outcome.source()).contains(RevocationSource.CRL);
        assertThat(outcome.reason()).contains(RevocationReason.KEY_COMPROMISE);
    }

    private static void checkOffline(Expectation expectation) throws Exception {
        List<String> args = new ArrayList<>(expectation.args());
        if (!expectation.kind().equals("list")) {
            args.add("--json");
        }
        Run run = run(SandboxArguments.resolve(args, sandbox));
        assertThat(run.exit()).as(run.err()).isEqualTo(expectation.exit());
        JsonNode output = JSON.readTree(run.out());
        String code = expectation.kind().equals("list") ? listCode(output, expectation.artefact()) : output.get("code").asText();
        assertThat(code).isEqualTo(expectation.code());
    }

    private static Expectation expectation(String artefact) {
        return expectations.stream().filter(e -> e.artefact().equals(artefact)).findFirst().orElseThrow();
    }

    /** The --json document of a credential verify command line (paths relative to the sandbox). */
    private static JsonNode verdict(List<String> args) throws IOException {
        List<String> withJson = new ArrayList<>(args);
        withJson.add("--json");
        Run run = run(SandboxArguments.resolve(withJson, sandbox));
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    private static List<String> trace(JsonNode verdict) {
        List<String> lines = new ArrayList<>();
        verdict.get("trace").forEach(line -> lines.add(line.asText()));
        return lines;
    }

    /** The decision over the served lists — with revocation over the served OCSP responder and CRLs when the manifest asks for it. */
    private static String onlineCode(Expectation expectation, CertificateDecisionService decisions) throws Exception {
        CertificateFiles.CertificateFile file = CertificateFiles.read(sandbox.resolve(expectation.artefact()));
        return decisions.verify(new CertificateCheck(file.certificate(), file.others(), AT)).code().code();
    }

    private static ListVerdict listVerdict(TrustedListsReport report, String artefact) {
        String file = Path.of(artefact).getFileName().toString();
        if (file.equals(SandboxLayout.LOTL_FILE)) {
            return report.listOfLists();
        }
        return Stream.concat(report.pivots().stream(), report.lists().stream())
                .filter(v -> v.location().fileName().equals(file)).findFirst().orElseThrow();
    }

    private static String code(ListVerdict verdict) {
        return verdict.rejection().map(r -> r.code()).orElse("ok");
    }

    private static String listCode(JsonNode report, String artefact) {
        String file = Path.of(artefact).getFileName().toString();
        if (file.equals(SandboxLayout.LOTL_FILE)) {
            return reason(report.get("lotl"));
        }
        for (String group : List.of("pivots", "lists", "lotes")) {
            for (JsonNode list : report.path(group)) {
                if (list.get("location").asText().endsWith("/" + file)) {
                    return reason(list);
                }
            }
        }
        throw new AssertionError("no verdict for " + artefact + " in " + report);
    }

    private static String reason(JsonNode list) {
        return list.get("reason").isNull() ? "ok" : list.get("reason").asText();
    }

    static List<Expectation> readmeTable(List<String> lines) {
        List<Expectation> rows = new ArrayList<>();
        for (String line : lines) {
            Matcher row = README_ROW.matcher(line);
            if (row.matches()) {
                rows.add(new Expectation(row.group(1), row.group(2), row.group(3), row.group(4),
                        Integer.parseInt(row.group(5)), List.of(row.group(6).split(" "))));
            }
        }
        assertThat(rows).as("rows of the README table").isNotEmpty();
        return rows;
    }

    private static X509Certificate x509(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = QtrustCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
