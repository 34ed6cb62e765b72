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
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.IssuerTrustPolicy;
import org.qtrust.core.policy.ServiceTypes;
import org.qtrust.core.policy.TimeThatCounts;
import org.qtrust.core.policy.TrustSourceRule;
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
    void key_limits_are_read_by_curve_name_or_oid_and_default_to_8192_bits() throws Exception {
        VerificationPolicy policy = parse("{\"name\": \"small\", \"crypto\": {\"keyLimits\": {\"maxRsaBits\": 4096,"
                + "\"allowedCurves\": [\"P-256\", \"brainpoolP384r1\", \"1.3.132.0.35\"]}}}");
        VerificationPolicy defaults = parse("{\"name\": \"minimal\"}");

        assertThat(policy.crypto().keyLimits().maxRsaBits()).isEqualTo(4096);
        assertThat(policy.crypto().keyLimits().allowedCurves())
                .containsExactlyInAnyOrder("1.2.840.10045.3.1.7", "1.3.36.3.3.2.8.1.1.11", "1.3.132.0.35");
        assertThat(defaults.crypto().keyLimits().maxRsaBits()).isEqualTo(8192);
        assertThatThrownBy(() -> parse("{\"crypto\": {\"keyLimits\": {\"allowedCurves\": [\"curve25519-ish\"]}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("unknown curve 'curve25519-ish'");
        assertThatThrownBy(() -> parse("{\"crypto\": {\"keyLimits\": {\"maxRsaBits\": 512}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("at least 1024");
        assertThatThrownBy(() -> parse("{\"crypto\": {\"keyLimits\": {\"maxRsaBit\": 4096}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("unknown field 'maxRsaBit'");
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

    @Test
    void credential_issuers_choose_which_lists_vouch_for_which_kind() throws Exception {
        VerificationPolicy policy = parse("{\"name\": \"pid-strict\", \"credentialIssuers\": {"
                + "\"kinds\": {\"urn:eudi:pid:\": \"pid\", \"urn:example:wua\": \"wallet-unit-attestation\"},"
                + "\"otherwise\": \"attestation\", \"statusTime\": \"both\","
                + "\"trustSources\": {\"pid\": [{\"source\": \"LoTE\", \"listType\": \"EUPIDProvidersList\", \"serviceTypes\": [\"PID/Issuance\"]}],"
                + "\"attestation\": [{\"source\": \"TL\", \"serviceTypes\": [\"EAA/Q\"]}]}}}");

        CredentialIssuerPolicy issuers = policy.credentialIssuers();
        assertThat(issuers.kinds().kindOf("urn:eudi:pid:de:1")).isEqualTo(CredentialKind.PID);
        assertThat(issuers.kinds().kindOf("urn:eu.europa.ec.eudi:pid:1")).as("the EU default prefixes are replaced")
                .isEqualTo(CredentialKind.ATTESTATION);
        assertThat(issuers.kinds().kindOf("urn:example:wua:1")).isEqualTo(CredentialKind.WALLET_UNIT_ATTESTATION);
        assertThat(issuers.trust().statusTime()).isEqualTo(TimeThatCounts.BOTH);
        assertThat(issuers.trust().rulesFor(CredentialKind.PID)).singleElement().satisfies(rule -> {
            assertThat(rule.source()).isEqualTo(TrustSourceRule.Source.LOTE);
            assertThat(rule.listType()).isEqualTo(LoteIdentifiers.EU_PID_PROVIDERS_LIST);
            assertThat(rule.serviceTypes()).containsExactly(LoteIdentifiers.PID_ISSUANCE);
            assertThat(rule.acceptedStatuses()).isEqualTo(TrustSourceRule.LOTE_ACTIVE_STATUSES);
        });
        assertThat(issuers.trust().rulesFor(CredentialKind.ATTESTATION)).singleElement().satisfies(rule -> {
            assertThat(rule.source()).isEqualTo(TrustSourceRule.Source.TRUSTED_LIST);
            assertThat(rule.serviceTypes()).containsExactly(ServiceTypes.EAA_Q);
            assertThat(rule.acceptedStatuses()).containsExactly("granted");
        });
        assertThat(issuers.trust().rulesFor(CredentialKind.WALLET_UNIT_ATTESTATION)).as("a kind the policy does not name: no issuer")
                .isEmpty();
    }

    @Test
    void the_documented_credential_issuer_rules_are_the_built_in_defaults() throws Exception {
        assertThat(reader.read(POLICIES.resolve("eu-eudi.json")).credentialIssuers())
                .isEqualTo(CredentialIssuerPolicy.euDefault());
    }

    @Test
    void without_credential_issuers_the_eu_defaults_hold() throws Exception {
        assertThat(parse("{\"name\": \"minimal\"}").credentialIssuers()).isEqualTo(CredentialIssuerPolicy.euDefault());
        VerificationPolicy onlyKinds = parse("{\"credentialIssuers\": {\"otherwise\": \"pid\"}}");
        assertThat(onlyKinds.credentialIssuers().trust().rules()).isEqualTo(IssuerTrustPolicy.euDefault().rules());
        assertThat(onlyKinds.credentialIssuers().kinds().kindOf("urn:example:anything")).isEqualTo(CredentialKind.PID);
    }

    @Test
    void a_credential_issuer_rule_that_cannot_be_meant_is_refused() {
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSource\": {}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("unknown field 'trustSource'");
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSources\": {\"pid\": [{\"source\": \"LoTE\", \"serviceTypes\": [\"PID/Issuance\"]}]}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("listType");
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSources\": {\"pid\": [{\"source\": \"DNS\", \"serviceTypes\": [\"x\"]}]}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("DNS");
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSources\": {\"passport\": []}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("passport");
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSources\": {\"pid\": [{\"source\": \"TL\", \"serviceTypes\": []}]}}}"))
                .isInstanceOf(PolicyFormatException.class);
    }

    @Test
    void plain_anchors_vouch_for_issuers_of_a_kind_only_through_an_explicit_anchor_source() throws Exception {
        VerificationPolicy widened = parse("{\"credentialIssuers\": {\"trustSources\": {\"attestation\": [{\"source\": \"anchor\"}]}}}");

        assertThat(widened.credentialIssuers().trust().rulesFor(CredentialKind.ATTESTATION)).containsExactly(TrustSourceRule.plainAnchor());
        assertThat(widened.credentialIssuers().trust().rulesFor(CredentialKind.PID)).isEmpty();
        assertThat(IssuerTrustPolicy.euDefault().rulesFrom(TrustSourceRule.Source.ANCHOR)).isEmpty();
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"trustSources\": {\"pid\": [{\"source\": \"anchor\", \"serviceTypes\": [\"CA/QC\"]}]}}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("an anchor source has no");
    }

    @Test
    void issuer_binding_and_credential_status_are_policy_keys_defaulting_to_the_strict_values() throws Exception {
        CredentialIssuerPolicy defaults = parse("{\"name\": \"minimal\"}").credentialIssuers();
        assertThat(defaults.binding()).isEqualTo(IssuerBinding.CERTIFICATE_OR_METADATA);
        assertThat(defaults.status()).isEqualTo(CredentialStatusMode.REQUIRE);

        CredentialIssuerPolicy relaxed = parse("{\"issuerBinding\": \"metadata\", \"credentialStatus\": \"prefer\","
                + " \"credentialIssuers\": {\"otherwise\": \"pid\"}}").credentialIssuers();
        assertThat(relaxed.binding()).isEqualTo(IssuerBinding.METADATA);
        assertThat(relaxed.status()).isEqualTo(CredentialStatusMode.PREFER);
        assertThat(relaxed.kinds().kindOf("urn:example:anything")).isEqualTo(CredentialKind.PID);
        assertThat(parse("{\"issuerBinding\": \"certificate\"}").credentialIssuers().binding()).isEqualTo(IssuerBinding.CERTIFICATE);
        assertThat(parse("{\"issuerBinding\": \"none\", \"credentialStatus\": \"off\"}").credentialIssuers())
                .isEqualTo(CredentialIssuerPolicy.euDefault().withBinding(IssuerBinding.NONE).withStatus(CredentialStatusMode.OFF));
    }

    @Test
    void an_issuer_binding_or_credential_status_that_cannot_be_meant_is_refused() {
        assertThatThrownBy(() -> parse("{\"issuerBinding\": \"certificate-and-metadata\"}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("issuerBinding 'certificate-and-metadata'");
        assertThatThrownBy(() -> parse("{\"issuerBinding\": false}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("issuerBinding must be a string");
        assertThatThrownBy(() -> parse("{\"credentialStatus\": \"required\"}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("credentialStatus 'required'");
        assertThatThrownBy(() -> parse("{\"credentialStatus\": null}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("credentialStatus");
        assertThatThrownBy(() -> parse("{\"credentialIssuers\": {\"issuerBinding\": \"none\"}}"))
                .isInstanceOf(PolicyFormatException.class).hasMessageContaining("unknown field 'issuerBinding'");
    }
}
