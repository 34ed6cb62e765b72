package org.qtrust.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qtrust.core.credential.disclosure.HashAlgorithm;
import org.qtrust.core.credential.metadata.IssuerMetadata.Kind;
import org.qtrust.core.credential.metadata.WellKnown;
import org.qtrust.core.credential.port.MalformedTokenException;
import org.qtrust.core.credential.presentation.SdJwtPresentation;

/** Where metadata lives, how digests are made (RFC 9901 examples) and how a presentation splits. */
class WellKnownAndDigestTest {

    @Test
    void the_well_known_segment_goes_between_host_and_path() {
        assertThat(WellKnown.location("https://example.com/tenant/1234", Kind.JWT_VC_ISSUER))
                .contains("https://example.com/.well-known/jwt-vc-issuer/tenant/1234");
        assertThat(WellKnown.location("https://example.com", Kind.OPENID_CREDENTIAL_ISSUER))
                .contains("https://example.com/.well-known/openid-credential-issuer");
        assertThat(WellKnown.location("https://example.com:8443/", Kind.JWT_VC_ISSUER))
                .contains("https://example.com:8443/.well-known/jwt-vc-issuer");
        assertThat(WellKnown.location("http://example.com", Kind.JWT_VC_ISSUER)).isEmpty();
        assertThat(WellKnown.location("https://example.com/?q=1", Kind.JWT_VC_ISSUER)).isEmpty();
        assertThat(WellKnown.location("did:example:123", Kind.JWT_VC_ISSUER)).isEmpty();
    }

    @Test
    void a_disclosure_digest_is_over_its_base64url_text_as_in_rfc_9901() {
        // RFC 9901 §4.2.1 and §4.2.2 examples.
        assertThat(HashAlgorithm.SHA_256.digest("WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd"))
                .isEqualTo("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4");
        assertThat(HashAlgorithm.SHA_256.digest("WyJsa2x4RjVqTVlsR1RQVW92TU5JdkNBIiwgIkZSIl0"))
                .isEqualTo("w0I8EKcdCtUPkGCNUrfwVp2xEgNjtoIDlOxc9-PlOhs");
        assertThat(HashAlgorithm.named("sha-256")).contains(HashAlgorithm.SHA_256);
        assertThat(HashAlgorithm.named("SHA-256")).isEmpty();
    }

    @Test
    void a_presentation_splits_into_jwt_disclosures_and_kb_jwt() throws MalformedTokenException {
        SdJwtPresentation withKb = SdJwtPresentation.parse("a.b.c~d1~d2~x.y.z\n");
        assertThat(withKb.issuerJwt()).isEqualTo("a.b.c");
        assertThat(withKb.disclosures()).containsExactly("d1", "d2");
        assertThat(withKb.keyBindingJwt()).contains("x.y.z");
        assertThat(withKb.sdHashInput()).isEqualTo("a.b.c~d1~d2~");
        SdJwtPresentation issuance = SdJwtPresentation.parse("a.b.c~");
        assertThat(issuance.disclosures()).isEmpty();
        assertThat(issuance.keyBindingJwt()).isEmpty();
    }
}
