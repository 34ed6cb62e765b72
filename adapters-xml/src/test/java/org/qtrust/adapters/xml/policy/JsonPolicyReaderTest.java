package org.qtrust.adapters.xml.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TimeThatCounts;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.policy.port.PolicyFormatException;
import org.qtrust.core.revocation.RevocationMode;

class JsonPolicyReaderTest {

    private static final Path POLICIES = Path.of("../docs/policies");

    private final JsonPolicyReader reader = new JsonPolicyReader();

    @TempDir
    Path folder;

    /** A real certificate (an Official Journal one) to serve as a plain anchor in tests. */
    private static Path someCertificate() throws IOException {
        String shared = System.getProperty("qtrust.shared", "../../shared");
        try (Stream<Path> files = Files.list(Path.of(shared, "trust-data", "oj-keystore"))) {
            return files.filter(f -> f.toString().endsWith(".pem")).sorted().findFirst().orElseThrow();
        }
    }

    private VerificationPolicy parse(String json) throws PolicyFormatException {
        return reader.parse(json.getBytes(StandardCharsets.UTF_8), folder, "test.json");
    }

    @Test
    void the_documented_eu_policy_is_the_built_in_default() throws Exception {
        VerificationPolicy file = reader.read(POLICIES.resolve("eu-eidas.json"));
        VerificationPolicy builtIn = VerificationPolicy.euEidas();
        assertThat(file).isEqualTo(builtIn);
    }

    @Test
    void every_documented_policy_reads_when_its_anchor_files_are_there() throws Exception {
        Path anchor = someCertificate();
        try (Stream<Path> files = Files.list(POLICIES)) {
            for (Path policy : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Path copy = folder.resolve(policy.getFileName());
                Files.copy(policy, copy);
                Files.createDirectories(folder.resolve("anchors"));
                for (String name : List.of("cca-india-2022.pem", "uae-national-root.pem")) {
                    if (!Files.exists(folder.resolve("anchors").resolve(name))) {
                        Files.copy(anchor, folder.resolve("anchors").resolve(name));
                    }
                }
                VerificationPolicy read = reader.read(copy);
                assertThat(read.name()).as(policy.toString()).isEqualTo(policy.getFileName().toString().replace(".json", ""));
            }
        }
        VerificationPolicy india = reader.read(folder.resolve("in-cca.json"));
        assertThat(india.useTrustedLists()).isFalse();
        assertThat(india.plainAnchors()).singleElement().satisfies(a -> {
            assertThat(a.jurisdiction()).isEqualTo("IN");
            assertThat(a.name()).isEqualTo("CCA India 2022");
        });
        assertThat(india.revocation()).isEqualTo(RevocationMode.REQUIRE);
        VerificationPolicy qualified = reader.read(folder.resolve("eu-qualified-esig.json"));
        assertThat(qualified.requiredQcTypes()).containsExactly(QcType.ESIGN);
        assertThat(qualified.statusTime()).isEqualTo(TimeThatCounts.BOTH);
        VerificationPolicy national = reader.read(folder.resolve("eu-national-schemes.json"));
        assertThat(national.acceptedServiceTypes()).contains(ServiceTypes.CA_PKC, ServiceTypes.NATIONAL_ROOT_CA_QC);
    }

    @Test
    void missing_fields_take_the_eu_defaults() throws Exception {
        VerificationPolicy policy = parse("{\"name\": \"minimal\"}");
        VerificationPolicy eu = VerificationPolicy.euEidas();
        assertThat(policy.acceptedServiceTypes()).isEqualTo(eu.acceptedServiceTypes());
        assertThat(policy.crypto()).isEqualTo(eu.crypto());
        assertThat(policy.statusTime()).isEqualTo(eu.statusTime());
    }

    @Test
    void an_inline_pem_anchor_and_explicit_crypto_constraints() throws Exception {
        String pem = Files.readString(someCertificate()).replace("\r", "").replace("\n", "\\n");
        VerificationPolicy policy = parse("{\"name\": \"ke\", \"jurisdiction\": \"KE\", \"useTrustedLists\": false,"
                + "\"plainAnchors\": [{\"name\": \"Kenya root\", \"pem\": \"" + pem + "\"}],"
                + "\"crypto\": {\"at\": \"issuance\", \"digests\": {\"sha1\": \"2015-01-01\"},"
                + "\"keySizes\": [{\"algorithm\": \"rsa\", \"minBits\": 2048, \"notAfter\": \"2020-01-01T00:00:00Z\"}]}}");
        assertThat(policy.plainAnchors()).singleElement().satisfies(a -> assertThat(a.jurisdiction()).isEqualTo("KE"));
        assertThat(policy.crypto().at()).isEqualTo(TimeThatCounts.ISSUANCE);
        assertThat(policy.crypto().digests()).singleElement().satisfies(d -> assertThat(d.digest()).isEqualTo("SHA-1"));
        assertThat(policy.crypto().keySizes()).singleElement().satisfies(k -> assertThat(k.algorithm()).isEqualTo("RSA"));
    }

    @Test
    void a_typo_is_refused_rather_than_ignored() {
        assertThatThrownBy(() -> parse("{\"name\": \"x\", \"acceptedStatus\": [\"granted\"]}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("unknown field 'acceptedStatus'");
        assertThatThrownBy(() -> parse("{\"statusTime\": \"whenever\"}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("whenever");
        assertThatThrownBy(() -> parse("{\"requiredQcTypes\": [\"esignature\"]}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("esignature");
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(PolicyFormatException.class);
        assertThatThrownBy(() -> parse("{\"name\": \"a\"} trailing")).isInstanceOf(PolicyFormatException.class);
        assertThatThrownBy(() -> parse("{\"plainAnchors\": [{\"name\": \"x\", \"certificate\": \"missing.pem\"}]}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("cannot read");
    }
}
