package org.qtrust.cli.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.options.ListOptions;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import picocli.CommandLine;

/**
 * The 42 certificates of the shared set against the real EU snapshot (LOTL 248) at
 * 2019-10-01: territory, service and status at issuance as certs/INDEX.md names them, and the
 * TS 119 615 qualification as EC DSS 6.4 concluded (docs/qualification-differences.md lists the
 * documented differences; there are none on this set).
 */
class RealCertificatesTest {

    private static final String AT = "2019-10-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path data;
    private static DecisionSetup setup;
    private static Map<String, CertificateVerdict> verdicts;

    static Path shared() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        return Path.of("../../shared");
    }

    private static String[] listArguments() {
        return new String[] {"--offline", data.resolve("lotl-snapshot").toString(),
            "--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password", "--at", AT};
    }

    @BeforeAll
    static void decideAll() throws IOException {
        data = shared().resolve("trust-data");
        ListOptions options = new org.qtrust.cli.options.OfflineListOptions();
        new CommandLine(options).parseArgs(listArguments());
        setup = DecisionSetup.open(options, DecisionSetup.EU_EIDAS, List.of(), Clock.systemUTC());
        verdicts = new HashMap<>();
        try (Stream<Path> files = Files.list(data.resolve("certs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
                byte[] der = CertificateFiles.read(file).certificate();
                verdicts.put(file.getFileName().toString(), setup.service().verify(CertificateCheck.of(der, Instant.parse(AT))));
            }
        }
    }

    @Test
    void every_certificate_resolves_to_the_territory_service_and_status_at_issuance_of_the_index() throws IOException {
        JsonNode expected = JSON.readTree(shared().resolve("tools/certs-expected.json").toFile());
        List<String> wrong = new ArrayList<>();
        for (JsonNode entry : expected) {
            String file = entry.get("file").asText();
            CertificateVerdict verdict = verdicts.get(file);
            String territory = entry.get("territory").isNull() ? null : entry.get("territory").asText();
            if (!java.util.Objects.equals(territory, verdict.territory().orElse(null))) {
                wrong.add(file + ": territory " + verdict.territory() + " expected " + territory);
            }
            if (!entry.get("serviceName").isNull()) {
                CertificateVerdict.ServiceSummary service = verdict.service().orElseThrow();
                if (!service.name().equals(entry.get("serviceName").asText()) || !service.type().equals(entry.get("serviceType").asText())) {
                    wrong.add(file + ": service " + service.name() + " / " + service.type());
                }
                String status = entry.get("statusAtNotBefore").asText();
                String expectedStatus = status.startsWith("not yet listed") ? null : status.substring(0, status.indexOf(' '));
                if (!java.util.Objects.equals(expectedStatus, service.statusAtIssuance().orElse(null))) {
                    wrong.add(file + ": status at issuance " + service.statusAtIssuance() + " expected " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(expected).hasSize(42);
    }

    @Test
    void qualification_agrees_with_dss_at_issuance_and_at_the_validation_time() throws IOException {
        JsonNode reference = JSON.readTree(data.resolve("certs/dss-reference.json").toFile()).get("certificates");
        List<String> differences = new ArrayList<>();
        int agreeAtIssuance = 0;
        for (JsonNode entry : reference) {
            CertificateVerdict verdict = verdicts.get(entry.get("file").asText());
            if (verdict.qualification().atIssuance().name().equals(entry.get("qualification_at_issuance").asText())) {
                agreeAtIssuance++;
            } else {
                differences.add(entry.get("file").asText() + " at issuance: " + verdict.qualification().atIssuance());
            }
            if (!verdict.qualification().atValidationTime().name().equals(entry.get("qualification_at_validation_time").asText())) {
                differences.add(entry.get("file").asText() + " at validation time: " + verdict.qualification().atValidationTime());
            }
            boolean chains = entry.get("chains_to_trusted_list").asBoolean();
            assertThat(verdict.territory().isPresent()).as(entry.get("file").asText()).isEqualTo(chains);
        }
        assertThat(differences).isEmpty();
        assertThat(agreeAtIssuance).isEqualTo(42);
    }

    @Test
    void the_sha1_certificates_chain_but_their_algorithm_no_longer_counts() {
        CertificateVerdict tonner = verdicts.get("cf23f4a085bb-Ing-Rudolf-Tonner.pem");
        assertThat(tonner.territory()).contains("CZ");
        assertThat(tonner.trace()).anyMatch(line -> line.contains("SHA1withRSA") && line.contains("TS 119 312"));
        CertificateVerdict cnect = verdicts.get("59c80dcc7429-EC-CNECT.pem");
        assertThat(cnect.code()).isEqualTo(VerdictCode.LIST_NOT_TRUSTED);
        assertThat(cnect.trace()).anyMatch(line -> line.contains("SHA-1 no longer counts"));
    }

    @Test
    void trusted_certificates_are_the_valid_ones_of_granted_ca_qc_services() {
        List<String> trusted = verdicts.entrySet().stream().filter(e -> e.getValue().trusted()).map(Map.Entry::getKey).sorted().toList();
        assertThat(trusted).containsExactly("024c1dc5b949-J-n-Proch-ska.pem", "38860679fab0-MARIE-ANGE-LIEGEOIS.pem",
                "435504bfd802-EC-DIGIT.pem", "4b9f7e2df8d3-PORTUGUESE-TRUST-LIST-SCHEME-OPERATOR.pem",
                "518c77691a42-CIUDADANO-FICTICIO-ACTIVO.pem", "59a1bf290b81-Michael-Theodoor-de-Boer.pem",
                "a1e2d4ca9c52-ELIS-MISSONI.pem", "d8aa68f23f51-ADOMAS-BIR-TUNAS.pem", "ee3c22e06087-Time-Stamping-Authority.pem");
        assertThat(verdicts.get("757f57f3694d-Yann-Tourdot-3310002748ty.pem").code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        assertThat(verdicts.get("a97de5b108c2-Laurent-Voillot-2310001153vl.pem").code()).isEqualTo(VerdictCode.CERTIFICATE_EXPIRED);
        assertThat(verdicts.get("3727ba76a855-Mathieu-JORRY-3310003898jm.pem").code()).isEqualTo(VerdictCode.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void the_cli_prints_one_json_line_per_certificate_and_exits_1_when_one_is_not_trusted() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("cert", "verify", data.resolve("certs").toString(),
                data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString()));
        arguments.addAll(List.of(listArguments()));
        arguments.addAll(List.of("--json", "--revocation", "off"));

        int exit = QtrustCli.run(arguments.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).isEqualTo(1);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(43);
        JsonNode digit = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(digit.get("file").asText()).endsWith("435504bfd802-EC-DIGIT.pem");
        assertThat(digit.get("trusted").asBoolean()).isTrue();
        assertThat(digit.get("code").asText()).isEqualTo("ok");
        assertThat(digit.get("territory").asText()).isEqualTo("BE");
        assertThat(digit.get("service").get("statusAtIssuance").asText()).isEqualTo("granted");
        assertThat(digit.get("qcStatements").get("types").get(0).asText()).isEqualTo("eseal");
        assertThat(digit.get("qualification").get("atIssuance").asText()).isEqualTo("QCERT_FOR_ESEAL_QSCD");
        assertThat(digit.get("trace").size()).isGreaterThan(5);
    }

    @Test
    void the_cli_exits_0_when_every_certificate_is_trusted_and_2_on_unusable_input() {
        List<String> good = new ArrayList<>(List.of("cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString()));
        good.addAll(List.of(listArguments()));
        good.addAll(List.of("--revocation", "off"));
        assertThat(QtrustCli.run(good.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isEqualTo(0);

        StringWriter err = new StringWriter();
        List<String> missing = new ArrayList<>(List.of("cert", "verify", "no-such-certificate.pem"));
        missing.addAll(List.of(listArguments()));
        assertThat(QtrustCli.run(missing.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-certificate.pem");

        List<String> badPolicy = new ArrayList<>(List.of("cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString(),
                "--policy", "no-such-policy"));
        badPolicy.addAll(List.of(listArguments()));
        assertThat(QtrustCli.run(badPolicy.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
                .isEqualTo(2);
    }

    /**
     * Every OCSP and CRL URL goes to a closed loopback port (allowed by the sandbox opt-in): no answer, and no
     * traffic leaves the machine.
     */
    private static List<String> unanswered() {
        return List.of("--rewrite", "http://=http://127.0.0.1:9/", "--timeout", "PT2S", "--allow-loopback-http");
    }

    @Test
    void revocation_required_but_unobtainable_is_not_trusted_with_code_revocation_unknown() throws IOException {
        StringWriter out = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString(),
                "--json", "--revocation", "require"));
        arguments.addAll(List.of(listArguments()));
        arguments.addAll(unanswered());

        int exit = QtrustCli.run(arguments.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(exit).isEqualTo(1);
        JsonNode verdict = JSON.readTree(out.toString());
        assertThat(verdict.get("code").asText()).isEqualTo("revocation_unknown");
        assertThat(verdict.get("revocation").get("status").asText()).isEqualTo("unknown");
        assertThat(verdict.get("revocation").get("checked").asBoolean()).isTrue();
        // the reason class only: neither the mirror's address nor the socket error (no port-scanning oracle)
        assertThat(verdict.get("trace").toString()).contains("could not fetch: connection failed").doesNotContain("127.0.0.1:9");
    }

    @Test
    void revocation_preferred_but_unobtainable_is_trusted_with_a_warning() throws IOException {
        StringWriter out = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString(),
                "--json", "--revocation", "prefer"));
        arguments.addAll(List.of(listArguments()));
        arguments.addAll(unanswered());

        int exit = QtrustCli.run(arguments.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(exit).isEqualTo(0);
        JsonNode verdict = JSON.readTree(out.toString());
        assertThat(verdict.get("code").asText()).isEqualTo("ok");
        assertThat(verdict.get("trace").toString()).contains("warning").contains("unknown");
    }

    @Test
    void an_unknown_revocation_mode_is_unusable_input() {
        StringWriter err = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("cert", "verify", data.resolve("certs/435504bfd802-EC-DIGIT.pem").toString(),
                "--revocation", "sometimes"));
        arguments.addAll(List.of(listArguments()));

        assertThat(QtrustCli.run(arguments.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("--revocation").contains("require, prefer or off").doesNotContain("Exception");
    }
}
