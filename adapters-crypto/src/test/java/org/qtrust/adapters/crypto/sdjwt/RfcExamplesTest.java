package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.ClaimSet;
import org.qtrust.adapters.crypto.issuance.IssuedSdJwt;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.credential.CredentialCheck;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;

/**
 * Interop with the SD-JWT RFC (RFC 9901): the disclosures below are the RFC's own example
 * strings, byte for byte, with the digests the RFC gives for them. The issuer JWT around them is
 * ours (the RFC's example issuer key is not reproduced here): it carries the RFC's digests plus
 * decoys, is signed with a test key, and is verified as a plain SD-JWT with that key
 * ({@code --issuer-key} mode: no typ, no vct, no chain).
 *
 * <ul>
 * <li>{@code ["2GLC42sKQveCfGfryNRN9w", "given_name", "John"]}, digest {@code jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4}:
 *     RFC 9901 §4.2.1 (object property disclosure) and its running example (§5.1).</li>
 * <li>{@code ["lklxF5jMYlGTPUovMNIvCA", "FR"]}, digest {@code w0I8EKcdCtUPkGCNUrfwVp2xEgNjtoIDlOxc9-PlOhs}:
 *     RFC 9901 §4.2.2 (array element disclosure, "nationalities").</li>
 * </ul>
 */
class RfcExamplesTest {

    static final String GIVEN_NAME = "WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd";
    static final String GIVEN_NAME_DIGEST = "jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4";
    static final String NATIONALITY_FR = "WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIkZSIl0";
    static final String NATIONALITY_FR_DIGEST = "w0I8EKcdCtUPkGCNUrfwVp2xEgNjtoIDlOxc9-PlOhs";

    private final java.security.KeyPair issuerKey = TestPki.ecKey("rfc 9901 example issuer");
    private final CredentialVerificationService plain = CredentialVerificationService.offline(
            new IssuerTrust.FixedKey(issuerKey.getPublic().getEncoded()), new Jose4jWebTokens());

    private IssuedSdJwt issue() {
        return new SdJwtIssuer(issuerKey.getPrivate(), "ES256", List.of()).type(null).issue(ClaimSet.create()
                .claim("iss", "https://issuer.example.com")
                .claim("_sd", List.of(GIVEN_NAME_DIGEST, "C9inp6YoRaEXR427zYJP7Qrk1WH_8bdwOA_YUrUnGQU"))
                .claim("nationalities", List.of(Map.of("...", NATIONALITY_FR_DIGEST), "DE")));
    }

    @Test
    void the_rfc_disclosures_are_put_in_place_by_their_digests() {
        IssuedSdJwt credential = issue();
        CredentialVerdict verdict = plain.verify(CredentialCheck.of(credential.withDisclosures(List.of(GIVEN_NAME, NATIONALITY_FR)),
                java.time.Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.OK);
        assertThat(verdict.claims()).containsEntry("given_name", "John").containsEntry("nationalities", List.of("FR", "DE"))
                .containsEntry("iss", "https://issuer.example.com").doesNotContainKey("_sd");
        assertThat(verdict.certificate()).isEmpty();
    }

    @Test
    void withholding_the_rfc_disclosures_hides_the_claims() {
        CredentialVerdict verdict = plain.verify(CredentialCheck.of(issue().withDisclosures(List.of()),
                java.time.Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
        assertThat(verdict.claims()).doesNotContainKey("given_name").containsEntry("nationalities", List.of("DE"));
    }

    @Test
    void a_plain_sd_jwt_signed_by_another_key_is_refused() {
        CredentialVerificationService other = CredentialVerificationService.offline(
                new IssuerTrust.FixedKey(TestPki.ecKey("someone else").getPublic().getEncoded()), new Jose4jWebTokens());
        assertThat(other.verify(CredentialCheck.of(issue().issuance(), java.time.Instant.parse("2026-01-01T00:00:00Z"))).code())
                .isEqualTo(CredentialCode.INVALID_SIGNATURE);
    }
}
