package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.adapters.crypto.sdjwt.CredentialVerificationTest.b64;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.issuance.KeyBinding;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.disclosure.HashAlgorithm;

/** RFC 9901 §7.1 (disclosures) and §7.3 (key binding), each rule with the presentation that breaks it. */
class DisclosureAndBindingTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final CredentialVerificationService VERIFIER = WALLET.verifier();

    private static CredentialVerdict verify(String presentation) {
        return VERIFIER.verify(WALLET.check(presentation));
    }

    /** A disclosure made by hand from its JSON text. */
    private static String disclosure(String json) {
        return b64(json);
    }

    private static String digest(String disclosure) {
        return HashAlgorithm.SHA_256.digest(disclosure);
    }

    private static ClaimSet base() {
        return ClaimSet.create().claim("iss", WalletCredentials.ISSUER).claim("vct", WalletCredentials.VCT);
    }

    @Nested
    class Disclosures {

        @Test
        void a_disclosure_no_digest_references_is_refused() {
            IssuedSdJwt pid = WALLET.issue(WALLET.pid());
            String stranger = disclosure("[\"salt-stranger\", \"nickname\", \"Eri\"]");
            CredentialVerdict verdict = verify(pid.withDisclosures(List.of(pid.disclosure("given_name").encoded(), stranger)));

            assertThat(verdict.code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("not referenced"));
        }

        @Test
        void a_nested_disclosure_without_its_parent_is_refused() {
            IssuedSdJwt pid = WALLET.issue(WALLET.pid());
            String locality = pid.disclosure("locality").encoded();
            assertThat(verify(pid.withDisclosures(List.of(locality))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            assertThat(verify(pid.withDisclosures(List.of(pid.disclosure("address").encoded(), locality))).code())
                    .isEqualTo(CredentialCode.OK);
        }

        @Test
        void the_same_disclosure_presented_twice_is_refused() {
            IssuedSdJwt pid = WALLET.issue(WALLET.pid());
            String given = pid.disclosure("given_name").encoded();
            assertThat(verify(pid.withDisclosures(List.of(given, given))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void a_digest_that_appears_twice_is_refused() {
            String given = disclosure("[\"salt-1\", \"given_name\", \"Erika\"]");
            IssuedSdJwt twice = WALLET.issue(base().claim("_sd", List.of(digest(given), digest(given))));
            IssuedSdJwt nested = WALLET.issue(base().claim("_sd", List.of(digest(given))).claim("other", Map.of("_sd", List.of(digest(given)))));

            assertThat(verify(twice.withDisclosures(List.of(given))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            assertThat(verify(nested.withDisclosures(List.of(given))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void a_disclosed_name_that_collides_with_a_claim_is_refused() {
            String vct = disclosure("[\"salt-2\", \"vct\", \"urn:other\"]");
            IssuedSdJwt credential = WALLET.issue(base().claim("_sd", List.of(digest(vct))));
            assertThat(verify(credential.withDisclosures(List.of(vct))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void the_reserved_names_are_never_disclosed() {
            String sd = disclosure("[\"salt-3\", \"_sd\", [\"x\"]]");
            String dots = disclosure("[\"salt-4\", \"...\", \"x\"]");
            IssuedSdJwt credential = WALLET.issue(base().claim("_sd", List.of(digest(sd), digest(dots))));
            assertThat(verify(credential.withDisclosures(List.of(sd))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            assertThat(verify(credential.withDisclosures(List.of(dots))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void an_element_disclosure_is_not_a_property_and_a_property_disclosure_is_not_an_element() {
            String element = disclosure("[\"salt-5\", \"DE\"]");
            String property = disclosure("[\"salt-6\", \"given_name\", \"Erika\"]");
            IssuedSdJwt elementInSd = WALLET.issue(base().claim("_sd", List.of(digest(element))));
            IssuedSdJwt propertyInArray = WALLET.issue(base().claim("list", List.of(Map.of("...", digest(property)))));
            assertThat(verify(elementInSd.withDisclosures(List.of(element))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            assertThat(verify(propertyInArray.withDisclosures(List.of(property))).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void malformed_disclosures_are_refused() {
            for (String bad : List.of(disclosure("{\"a\": 1}"), disclosure("[\"only-salt\"]"), disclosure("[1, \"name\", 2]"),
                    disclosure("[\"s\", \"a\", 1, 2]"), "%%%", disclosure("[\"s\", \"n\", {\"a\": 1, \"a\": 2}]"))) {
                IssuedSdJwt credential = WALLET.issue(base().claim("_sd", List.of(digest(bad))));
                assertThat(verify(credential.withDisclosures(List.of(bad))).code()).as(bad).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            }
        }

        @Test
        void an_unknown_sd_alg_is_refused_and_an_absent_one_means_sha_256() {
            IssuedSdJwt unknown = WALLET.issuerSigner().withoutHashDeclaration().issue(base().claim("_sd_alg", "md5"));
            assertThat(verify(unknown.issuance()).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
            IssuedSdJwt undeclared = WALLET.issuerSigner().withoutHashDeclaration().issue(WALLET.pid());
            CredentialVerdict verdict = verify(WALLET.present(undeclared));
            assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("with sha-256"));
        }

        @Test
        void a_payload_nested_beyond_the_limit_is_refused() {
            Object nested = "deep";
            for (int i = 0; i < 40; i++) {
                nested = Map.of("n", nested);
            }
            assertThat(verify(WALLET.issue(base().claim("nested", nested)).issuance()).code()).isEqualTo(CredentialCode.INVALID_DISCLOSURE);
        }

        @Test
        void the_claims_of_a_refused_credential_are_not_handed_out() {
            CredentialVerdict verdict = verify(WALLET.keyBinding().nonce("replayed").bind(WALLET.issue(WALLET.pid()).issuance()));
            assertThat(verdict.code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            assertThat(verdict.claims()).isEmpty();
        }

        @Test
        void decoys_are_ignored_and_removed() {
            CredentialVerdict verdict = verify(WALLET.issue(base().disclosable("a", 1).decoys(5)).issuance());
            assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
            assertThat(verdict.claims()).containsEntry("a", 1L).doesNotContainKey("_sd");
        }
    }

    @Nested
    class Key_binding {

        private String bind(KeyBinding binding) {
            return binding.bind(WALLET.issue(WALLET.pid()).issuance());
        }

        private CredentialCode code(String presentation) {
            return verify(presentation).code();
        }

        @Test
        void is_refused_when_required_and_missing() {
            CredentialCheck check = WALLET.check(WALLET.issue(WALLET.pid()).issuance()).requiringKeyBinding(true);
            assertThat(VERIFIER.verify(check).code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }

        @Test
        void must_be_for_this_verifier_and_this_nonce() {
            assertThat(code(bind(WALLET.keyBinding().audience("https://someone-else.test")))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            assertThat(code(bind(WALLET.keyBinding().nonce("replayed")))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            assertThat(code(bind(WALLET.keyBinding().audience(null)))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            CredentialCheck noExpectations = CredentialCheck.of(bind(WALLET.keyBinding()), WalletCredentials.NOW);
            assertThat(VERIFIER.verify(noExpectations).code()).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }

        @Test
        void must_have_the_kb_jwt_type() {
            assertThat(code(bind(WALLET.keyBinding().type("JWT")))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }

        @Test
        void must_be_signed_by_the_key_in_cnf() {
            KeyBinding stranger = KeyBinding.signedWith(TestPki.ecKey("stranger").getPrivate(), "ES256")
                    .audience(WalletCredentials.AUDIENCE).nonce(WalletCredentials.NONCE).issuedAt(WalletCredentials.NOW);
            assertThat(code(bind(stranger))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }

        @Test
        void needs_a_cnf_key_in_the_credential() {
            ClaimSet noCnf = base().disclosable("given_name", "Erika");
            assertThat(code(WALLET.keyBinding().bind(WALLET.issue(noCnf).issuance()))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }

        @Test
        void must_be_recent_and_not_from_the_future() {
            assertThat(code(bind(WALLET.keyBinding().issuedAt(WalletCredentials.NOW.minus(Duration.ofMinutes(10))))))
                    .isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            assertThat(code(bind(WALLET.keyBinding().issuedAt(WalletCredentials.NOW.plus(Duration.ofMinutes(3))))))
                    .isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            assertThat(code(bind(WALLET.keyBinding().issuedAt(WalletCredentials.NOW.minus(Duration.ofMinutes(4))))))
                    .isEqualTo(CredentialCode.OK);
            String tenMinutesOld = bind(WALLET.keyBinding().issuedAt(WalletCredentials.NOW.minus(Duration.ofMinutes(10))));
            assertThat(VERIFIER.verify(WALLET.check(tenMinutesOld).withKeyBindingMaxAge(Duration.ofMinutes(15))).code())
                    .isEqualTo(CredentialCode.OK);
        }

        @Test
        void must_cover_exactly_the_presented_sd_jwt() {
            assertThat(code(bind(WALLET.keyBinding().sdHash("not-the-hash")))).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
            IssuedSdJwt pid = WALLET.issue(WALLET.pid());
            // Bound to the full presentation, then a disclosure is dropped: the hash no longer matches.
            String full = WALLET.keyBinding().bind(pid.issuance());
            String kb = full.substring(full.lastIndexOf('~') + 1);
            String fewer = pid.revealing(d -> d.name().filter("given_name"::equals).isPresent()) + kb;
            assertThat(code(fewer)).isEqualTo(CredentialCode.INVALID_HOLDER_BINDING);
        }
    }
}
