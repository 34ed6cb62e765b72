package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.metadata.HttpIssuerMetadataSource;
import org.qtrust.core.credential.port.IssuerMetadataSource;
import org.qtrust.core.credential.port.StatusListSource;
import org.qtrust.core.policy.IssuerBinding;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * Issue 13.2: a credential's {@code iss} is bound to the key that signed it — by a SAN URI or
 * dNSName of the leaf certificate of the same origin, or by verified issuer metadata that
 * publishes the key — as the policy's {@code issuerBinding} says; otherwise {@code issuer_not_bound}.
 */
class IssuerBindingTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final String ISS = WalletCredentials.ISSUER;
    private static final String JWT_VC_ISSUER = "https://pid-issuer.wallet.test/.well-known/jwt-vc-issuer";

    private static final Credential NAMED = WALLET.issuerNaming(ISS + "/pid");
    private static final Credential UNNAMED = WALLET.issuerNaming();
    private static final Credential OTHER_ORIGIN = WALLET.issuerNaming("https://other-issuer.wallet.test");
    private static final Credential OTHER_PORT = WALLET.issuerNaming("https://pid-issuer.wallet.test:8443");
    private static final Credential DNS = WALLET.issuerNaming("pid-issuer.wallet.test");
    private static final Credential WILDCARD = WALLET.issuerNaming("*.wallet.test");

    /** Serves the issuer's jwt-vc-issuer metadata with these keys; anything else is 404. */
    private static HttpTransport metadataPublishing(java.security.PublicKey... keys) {
        Map<String, HttpExchange.Response> answers = new HashMap<>();
        StringBuilder jwks = new StringBuilder();
        for (java.security.PublicKey key : keys) {
            String jwk = JsonUtil.toJson(SdJwtIssuer.confirmation(key)).replaceFirst("^\\{\"jwk\":", "").replaceFirst("}$", "");
            jwks.append(jwks.length() == 0 ? "" : ",").append(jwk);
        }
        String body = "{\"issuer\":\"" + ISS + "\",\"jwks\":{\"keys\":[" + jwks + "]}}";
        answers.put(JWT_VC_ISSUER, new HttpExchange.Response(200, Map.of(), body.getBytes(StandardCharsets.UTF_8), JWT_VC_ISSUER));
        return request -> answers.getOrDefault(request.url(), new HttpExchange.Response(404, Map.of(), new byte[0], request.url()));
    }

    private static CredentialVerdict verify(IssuerBinding binding, Credential signer, IssuerMetadataSource metadata) {
        VerificationPolicy policy = WalletCredentials.policy();
        policy = policy.withCredentialIssuers(policy.credentialIssuers().withBinding(binding));
        CredentialVerificationService verifier = new CredentialVerificationService(
                new IssuerTrust.CertificateChain(WALLET.decisions(policy.forCredentialIssuers())), new Jose4jWebTokens(), metadata,
                StatusListSource.offline());
        return verifier.verify(WALLET.check(WALLET.present(WALLET.signer(signer).issue(WALLET.pid()))));
    }

    private static IssuerMetadataSource online(HttpTransport network) {
        Jose4jWebTokens jose = new Jose4jWebTokens();
        return new HttpIssuerMetadataSource(network, jose, Clock.fixed(WalletCredentials.NOW, ZoneOffset.UTC), Duration.ofMinutes(15));
    }

    private static String trace(CredentialVerdict verdict) {
        return String.join("\n", verdict.trace());
    }

    @Test
    void a_san_uri_of_the_same_origin_binds_iss_offline() {
        CredentialVerdict verdict = verify(IssuerBinding.CERTIFICATE_OR_METADATA, NAMED, IssuerMetadataSource.offline());

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(trace(verdict)).contains("issuer binding: iss " + ISS + " bound by the leaf certificate's SAN URI " + ISS + "/pid"
                + " (policy issuerBinding certificate-or-metadata)");
    }

    @Test
    void a_san_of_another_origin_does_not_bind_iss_even_when_metadata_publishes_the_key() {
        for (Credential signer : new Credential[] {OTHER_ORIGIN, OTHER_PORT, WILDCARD}) {
            CredentialVerdict verdict = verify(IssuerBinding.CERTIFICATE_OR_METADATA, signer,
                    online(metadataPublishing(signer.publicKey())));

            assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.ISSUER_NOT_BOUND);
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.claims()).isEmpty();
            assertThat(trace(verdict)).contains("is not bound to the signing key").contains("none of the same origin");
        }
    }

    @Test
    void a_dns_name_binds_the_host_of_an_https_iss() {
        CredentialVerdict verdict = verify(IssuerBinding.CERTIFICATE, DNS, IssuerMetadataSource.offline());

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(trace(verdict)).contains("bound by the leaf certificate's SAN dNSName pid-issuer.wallet.test");
    }

    @Test
    void without_a_san_verified_metadata_that_publishes_the_key_binds_iss() {
        CredentialVerdict verdict = verify(IssuerBinding.CERTIFICATE_OR_METADATA, UNNAMED, online(metadataPublishing(UNNAMED.publicKey())));

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(trace(verdict)).contains("bound by verified issuer metadata " + JWT_VC_ISSUER + " publishes the signing key");
    }

    @Test
    void without_a_san_and_without_metadata_iss_is_not_bound_fail_closed() {
        CredentialVerdict offline = verify(IssuerBinding.CERTIFICATE_OR_METADATA, UNNAMED, IssuerMetadataSource.offline());
        assertThat(offline.code()).as(trace(offline)).isEqualTo(CredentialCode.ISSUER_NOT_BOUND);
        assertThat(trace(offline)).contains("no SAN URI or dNSName and no verified issuer metadata publishes the signing key (skipped:");

        CredentialVerdict absent = verify(IssuerBinding.CERTIFICATE_OR_METADATA, UNNAMED, online(request ->
                new HttpExchange.Response(404, Map.of(), new byte[0], request.url())));
        assertThat(absent.code()).as(trace(absent)).isEqualTo(CredentialCode.ISSUER_NOT_BOUND);
        assertThat(trace(absent)).contains("the issuer publishes none");
    }

    @Test
    void the_certificate_binding_ignores_metadata_and_the_metadata_binding_ignores_sans() {
        CredentialVerdict certificate = verify(IssuerBinding.CERTIFICATE, UNNAMED, online(metadataPublishing(UNNAMED.publicKey())));
        assertThat(certificate.code()).as(trace(certificate)).isEqualTo(CredentialCode.ISSUER_NOT_BOUND);
        assertThat(trace(certificate)).contains("(policy issuerBinding certificate)").contains("no SAN URI or dNSName");

        CredentialVerdict metadata = verify(IssuerBinding.METADATA, NAMED, IssuerMetadataSource.offline());
        assertThat(metadata.code()).as(trace(metadata)).isEqualTo(CredentialCode.ISSUER_NOT_BOUND);
        assertThat(trace(metadata)).contains("(policy issuerBinding metadata)");

        CredentialVerdict published = verify(IssuerBinding.METADATA, NAMED, online(metadataPublishing(NAMED.publicKey())));
        assertThat(published.code()).as(trace(published)).isEqualTo(CredentialCode.OK);
    }

    @Test
    void binding_none_accepts_any_iss_and_says_so() {
        CredentialVerdict verdict = verify(IssuerBinding.NONE, OTHER_ORIGIN, IssuerMetadataSource.offline());

        assertThat(verdict.code()).as(trace(verdict)).isEqualTo(CredentialCode.OK);
        assertThat(trace(verdict)).contains("issuer binding: not checked (policy issuerBinding none): iss " + ISS
                + " is only the issuer's claim");
    }

    @Test
    void every_built_in_policy_binds_by_certificate_or_metadata() {
        assertThat(VerificationPolicy.euEidas().credentialIssuers().binding()).isEqualTo(IssuerBinding.CERTIFICATE_OR_METADATA);
        assertThat(VerificationPolicy.euEidas().forCredentialIssuers().credentialIssuers().binding())
                .isEqualTo(IssuerBinding.CERTIFICATE_OR_METADATA);
    }
}
