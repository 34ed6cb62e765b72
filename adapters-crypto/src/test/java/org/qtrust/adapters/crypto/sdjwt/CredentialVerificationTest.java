package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.VerifyCertificate;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.disclosure.HashAlgorithm;
import org.qtrust.core.policy.VerificationPolicy;

/** SD-JWT VC verification on the wallet test world: each rule accepts the right credential and refuses its broken variant. */
class CredentialVerificationTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final CredentialVerificationService VERIFIER = WALLET.verifier();

    private static CredentialVerdict verify(String presentation) {
        return VERIFIER.verify(WALLET.check(presentation));
    }

    private static String presentPid() {
        return WALLET.present(WALLET.issue(WALLET.pid()));
    }

    @Nested
    class A_valid_presentation {

        @Test
        void is_valid_with_every_claim_in_place_and_the_holder_bound() {
            CredentialVerdict verdict = verify(presentPid());

            assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.OK);
            assertThat(verdict.valid()).isTrue();
            assertThat(verdict.issuer()).contains(WalletCredentials.ISSUER);
            assertThat(verdict.vct()).contains(WalletCredentials.VCT);
            assertThat(verdict.holderBound()).isTrue();
            assertThat(verdict.certificate()).get().extracting(CertificateVerdict::trusted).isEqualTo(true);
            assertThat(verdict.claims()).containsEntry("given_name", "Erika").containsEntry("birthdate", "1964-08-12")
                    .containsEntry("nationalities", List.of("DE", "FR"))
                    .containsEntry("address", Map.of("locality", "Berlin", "country", "DE"))
                    .containsEntry("age_equal_or_over", Map.of("18", true, "65", false))
                    .containsKeys("iss", "vct", "cnf", "iat", "exp")
                    .doesNotContainKeys("_sd", "_sd_alg");
            assertThat(verdict.trace()).anyMatch(line -> line.startsWith("key binding: KB-JWT ES256 verifies"));
        }

        @Test
        void reveals_only_what_the_holder_discloses_and_drops_undisclosed_array_elements() {
            IssuedSdJwt pid = WALLET.issue(WALLET.pid());
            String presentation = WALLET.keyBinding().bind(pid.revealing(d -> d.name().filter("given_name"::equals).isPresent()));

            CredentialVerdict verdict = verify(presentation);

            assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
            assertThat(verdict.claims()).containsEntry("given_name", "Erika").containsEntry("nationalities", List.of())
                    .doesNotContainKeys("family_name", "address", "birthdate");
        }

        @Test
        void without_a_kb_jwt_is_valid_when_key_binding_is_not_required_but_the_holder_is_not_bound() {
            CredentialVerdict verdict = verify(WALLET.issue(WALLET.pid()).issuance());

            assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
            assertThat(verdict.holderBound()).isFalse();
        }

        @Test
        void of_the_legacy_type_vc_sd_jwt_is_accepted() {
            String presentation = WALLET.present(WALLET.issuerSigner().type("vc+sd-jwt").issue(WALLET.pid()));

            assertThat(verify(presentation).code()).isEqualTo(CredentialCode.OK);
        }

        @Test
        void with_another_sd_alg_uses_it_for_digests_and_sd_hash() {
            IssuedSdJwt pid = WALLET.issuerSigner().hash(HashAlgorithm.SHA_512).issue(WALLET.pid());
            String presentation = WALLET.keyBinding().hash(HashAlgorithm.SHA_512).bind(pid.issuance());

            assertThat(verify(presentation).code()).isEqualTo(CredentialCode.OK);
        }
    }

    @Nested
    class Malformed_credentials {

        @Test
        void a_jwt_without_the_tilde_separator() {
            String jwt = WALLET.issue(WALLET.pid()).issuerJwt();
            assertThat(verify(jwt).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        }

        @Test
        void garbage_and_empty_disclosures() {
            assertThat(verify("not.a.jwt~").code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            assertThat(verify(WALLET.issue(WALLET.pid()).issuerJwt() + "~~").code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            assertThat(verify("~").code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        }

        @Test
        void a_wrong_or_missing_typ() {
            assertThat(verify(WALLET.issuerSigner().type("JWT").issue(WALLET.pid()).issuance()).code())
                    .isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            assertThat(verify(WALLET.issuerSigner().type(null).issue(WALLET.pid()).issuance()).code())
                    .isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        }

        @Test
        void no_vct() {
            ClaimSet claims = ClaimSet.create().claim("iss", WalletCredentials.ISSUER).disclosable("given_name", "Erika");
            assertThat(verify(WALLET.issue(claims).issuance()).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        }

        @Test
        void a_presentation_over_the_size_limit() {
            String huge = WALLET.issue(WALLET.pid()).issuance() + "A".repeat(1024 * 1024) + "~";
            assertThat(verify(huge).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
        }
    }

    @Nested
    class The_issuer_certificate_chain {

        @Test
        void must_be_present() {
            IssuedSdJwt pid = WALLET.issuerSigner().header("x5c", null).issue(WALLET.pid());
            assertThat(verify(pid.issuance()).code()).isEqualTo(CredentialCode.MISSING_CERTIFICATE_CHAIN);
        }

        @Test
        void must_hold_certificates() {
            IssuedSdJwt pid = WALLET.issuerSigner().header("x5c", List.of("not base64!")).issue(WALLET.pid());
            assertThat(verify(pid.issuance()).code()).isEqualTo(CredentialCode.MALFORMED_CREDENTIAL);
            IssuedSdJwt junk = WALLET.issuerSigner().header("x5c", List.of("AAAA")).issue(WALLET.pid());
            assertThat(verify(junk.issuance()).code()).isEqualTo(CredentialCode.INVALID_CERTIFICATE_CHAIN);
        }

        @Test
        void must_be_valid_at_the_validation_time() {
            Credential expired = TestPki.create("Wallet Test").endEntity("Expired PID Issuer")
                    .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")).issue();
            CredentialVerdict verdict = verify(WALLET.present(WALLET.signer(expired).issue(WALLET.pid())));

            assertThat(verdict.code()).isEqualTo(CredentialCode.INVALID_CERTIFICATE_CHAIN);
            assertThat(verdict.certificate()).get().extracting(CertificateVerdict::code).isEqualTo(VerdictCode.CERTIFICATE_EXPIRED);
        }

        @Test
        void must_end_at_a_listed_service() {
            CredentialVerdict verdict = verify(WALLET.present(WALLET.signer(WALLET.untrustedIssuer()).issue(WALLET.pid())));
            assertThat(verdict.code()).isEqualTo(CredentialCode.ISSUER_NOT_TRUSTED);
        }

        @Test
        void must_be_qualified_when_the_policy_requires_it() {
            VerificationPolicy eu = VerificationPolicy.euEidas();
            VerificationPolicy qualified = new VerificationPolicy("qualified-only", eu.jurisdiction(), eu.description(), true,
                    eu.acceptedServiceTypes(), eu.acceptedStatuses(), eu.statusTime(), true, Set.of(), false,
                    List.of(), eu.revocation(), eu.crypto());
            CredentialVerificationService verifier = CredentialVerificationService.offline(
                    new IssuerTrust.CertificateChain(WALLET.decisions(qualified)), new Jose4jWebTokens());

            CredentialVerdict verdict = verifier.verify(WALLET.check(presentPid()));

            assertThat(verdict.code()).isEqualTo(CredentialCode.NOT_QUALIFIED_CERTIFICATE);
        }

        @Test
        void must_not_be_revoked() {
            VerifyCertificate real = WALLET.decisions();
            VerifyCertificate revoking = check -> {
                CertificateVerdict v = real.verify(check);
                return new CertificateVerdict(false, VerdictCode.CERTIFICATE_REVOKED, v.validationTime(), v.policy(), v.certificate(),
                        v.territory(), v.provider(), v.service(), v.qcStatements(), v.qualification(), v.trace());
            };
            CredentialVerificationService verifier = CredentialVerificationService.offline(
                    new IssuerTrust.CertificateChain(revoking), new Jose4jWebTokens());

            assertThat(verifier.verify(WALLET.check(presentPid())).code()).isEqualTo(CredentialCode.CERTIFICATE_REVOKED);
        }
    }

    @Nested
    class The_issuer_signature {

        @Test
        void must_verify_with_the_leaf_key() {
            // Signed by a rogue key while claiming the trusted issuer's chain.
            List<String> trustedChain = x5c(WALLET.issuer());
            IssuedSdJwt forged = WALLET.signer(WALLET.untrustedIssuer()).header("x5c", trustedChain).issue(WALLET.pid());

            assertThat(verify(WALLET.present(forged)).code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
        }

        @Test
        void must_not_be_none_or_hmac() {
            String header = "{\"alg\":\"none\",\"typ\":\"dc+sd-jwt\",\"x5c\":[\"" + x5c(WALLET.issuer()).get(0) + "\"]}";
            String payload = "{\"iss\":\"" + WalletCredentials.ISSUER + "\",\"vct\":\"" + WalletCredentials.VCT + "\"}";
            assertThat(verify(jws(header, payload) + "~").code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
            assertThat(verify(jws(header.replace("none", "HS256"), payload) + "~").code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
        }

        @Test
        void must_cover_the_payload_as_presented() {
            String issuance = WALLET.issue(WALLET.pid()).issuance();
            String[] parts = issuance.substring(0, issuance.indexOf('~')).split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("pid:1", "pid:2");
            String tampered = parts[0] + "." + b64(payload) + "." + parts[2] + issuance.substring(issuance.indexOf('~'));

            assertThat(verify(tampered).code()).isEqualTo(CredentialCode.INVALID_SIGNATURE);
        }
    }

    @Nested
    class Validity_times {

        @Test
        void an_expired_credential_is_refused() {
            ClaimSet claims = ClaimSet.create().claim("iss", WalletCredentials.ISSUER).claim("vct", WalletCredentials.VCT)
                    .claim("exp", WalletCredentials.NOW.minus(Duration.ofMinutes(2)).getEpochSecond());
            assertThat(verify(WALLET.issue(claims).issuance()).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
        }

        @Test
        void a_credential_not_yet_valid_or_issued_in_the_future_is_refused() {
            ClaimSet notYet = ClaimSet.create().claim("vct", WalletCredentials.VCT)
                    .claim("nbf", WalletCredentials.NOW.plus(Duration.ofMinutes(2)).getEpochSecond());
            ClaimSet future = ClaimSet.create().claim("vct", WalletCredentials.VCT)
                    .claim("iat", WalletCredentials.NOW.plus(Duration.ofMinutes(2)).getEpochSecond());
            assertThat(verify(WALLET.issue(notYet).issuance()).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
            assertThat(verify(WALLET.issue(future).issuance()).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
        }

        @Test
        void the_clock_skew_is_configurable() {
            ClaimSet claims = ClaimSet.create().claim("vct", WalletCredentials.VCT)
                    .claim("exp", WalletCredentials.NOW.minusSeconds(30).getEpochSecond());
            String issuance = WALLET.issue(claims).issuance();
            assertThat(verify(issuance).code()).isEqualTo(CredentialCode.OK);
            assertThat(VERIFIER.verify(WALLET.check(issuance).withClockSkew(Duration.ZERO)).code()).isEqualTo(CredentialCode.CREDENTIAL_EXPIRED);
        }
    }

    static List<String> x5c(Credential credential) {
        return credential.chain().subList(0, credential.chain().size() - 1).stream().map(c -> {
            try {
                return Base64.getEncoder().encodeToString(c.getEncoded());
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String jws(String header, String payload) {
        return b64(header) + "." + b64(payload) + ".c2lnbmF0dXJl";
    }
}
