package org.qtrust.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtrust.core.credential.metadata.HttpIssuerMetadataSource;
import org.qtrust.core.credential.metadata.IssuerMetadata.Kind;
import org.qtrust.core.credential.metadata.WellKnown;
import org.qtrust.core.credential.metadata.MetadataLookup;
import org.qtrust.core.credential.status.HttpStatusListSource;
import org.qtrust.core.credential.status.StatusListFetch;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.credential.port.SignedJwt;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;

/**
 * Issuer metadata and status lists are fetched over https; plain http only from a loopback host,
 * and only when the loopback allowance was chosen (a sandbox on this machine). Never from URLs
 * with user information.
 */
class IssuerUrlRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://issuer.example", "https://issuer.example:8443/tenant/1", "HTTPS://Issuer.Example/x",
            "https://127.0.0.1/issuers/a"})
    void https_is_always_admitted(String url) {
        assertThat(IssuerUrlRule.HTTPS_ONLY.permitted(url)).isPresent();
        assertThat(IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP.permitted(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8642/issuers/attestation-b", "http://[::1]:8642/issuers/a", "http://localhost/issuers/a",
            "http://LOCALHOST:80"})
    void http_on_loopback_is_admitted_only_when_allowed(String url) {
        assertThat(IssuerUrlRule.HTTPS_ONLY.permitted(url)).isEmpty();
        assertThat(IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP.permitted(url)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://issuer.example", "http://192.168.1.10/issuers/a", "http://10.0.0.1:8642",
            "http://127.0.0.2/", "http://127.1/", "http://2130706433/", "http://0x7f000001/", "http://[::ffff:127.0.0.1]/",
            "http://[0:0:0:0:0:0:0:1]/", "http://localhost.issuer.example/", "http://127.0.0.1.nip.io/", "http://localhost./"})
    void http_elsewhere_is_never_admitted(String url) {
        assertThat(IssuerUrlRule.HTTPS_ONLY.permitted(url)).isEmpty();
        assertThat(IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP.permitted(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://user@127.0.0.1/", "http://127.0.0.1@issuer.example/", "https://user:secret@issuer.example/",
            "http://localhost#fragment", "ftp://127.0.0.1/", "file:///etc/passwd", "http:/127.0.0.1/", "http:127.0.0.1",
            "//127.0.0.1/", "did:web:127.0.0.1", "http://127.0.0.1:8642 /x", ""})
    void user_information_odd_forms_and_other_schemes_are_refused(String url) {
        assertThat(IssuerUrlRule.HTTPS_ONLY.permitted(url)).isEmpty();
        assertThat(IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP.permitted(url)).isEmpty();
    }

    @Test
    void the_well_known_location_keeps_the_scheme_the_rule_admitted() {
        assertThat(WellKnown.location("http://127.0.0.1:8642/issuers/attestation-b", Kind.JWT_VC_ISSUER,
                IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP))
                .contains("http://127.0.0.1:8642/.well-known/jwt-vc-issuer/issuers/attestation-b");
        assertThat(WellKnown.location("http://[::1]:8642/", Kind.OPENID_CREDENTIAL_ISSUER, IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP))
                .contains("http://[::1]:8642/.well-known/openid-credential-issuer");
        assertThat(WellKnown.location("http://127.0.0.1:8642/issuers/a", Kind.JWT_VC_ISSUER)).as("https only by default").isEmpty();
        assertThat(WellKnown.location("https://user@issuer.example/t", Kind.JWT_VC_ISSUER)).isEmpty();
        assertThat(WellKnown.location("http://127.0.0.1/issuers/a?tenant=1", Kind.JWT_VC_ISSUER, IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP))
                .isEmpty();
    }

    @Test
    void an_http_loopback_issuer_is_not_contacted_unless_allowed() {
        List<String> requested = new ArrayList<>();
        HttpTransport notPublished = request -> {
            requested.add(request.url());
            return new HttpExchange.Response(404, Map.of(), new byte[0], request.url());
        };
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        String issuer = "http://127.0.0.1:8642/issuers/attestation-b";

        MetadataLookup byDefault = new HttpIssuerMetadataSource(notPublished, NO_JSON, clock, Duration.ofMinutes(15)).lookup(issuer);
        assertThat(byDefault).isInstanceOf(MetadataLookup.Skipped.class);
        assertThat(((MetadataLookup.Skipped) byDefault).reason()).contains("https URLs only");
        assertThat(requested).isEmpty();

        MetadataLookup allowed = new HttpIssuerMetadataSource(notPublished, NO_JSON, clock, Duration.ofMinutes(15),
                IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP).lookup(issuer);
        assertThat(allowed).isInstanceOf(MetadataLookup.Found.class);
        assertThat(requested).containsExactly("http://127.0.0.1:8642/.well-known/jwt-vc-issuer/issuers/attestation-b",
                "http://127.0.0.1:8642/.well-known/openid-credential-issuer/issuers/attestation-b");

        MetadataLookup remote = new HttpIssuerMetadataSource(notPublished, NO_JSON, clock, Duration.ofMinutes(15),
                IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP).lookup("http://issuer.example/a");
        assertThat(remote).isInstanceOf(MetadataLookup.Skipped.class);
        assertThat(requested).hasSize(2);
    }

    @Test
    void a_status_list_is_fetched_over_https_and_over_http_only_on_loopback_when_allowed() {
        List<String> requested = new ArrayList<>();
        HttpTransport statusServer = request -> {
            requested.add(request.url());
            return new HttpExchange.Response(200, Map.of(), "header.payload.signature".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    request.url());
        };
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        HttpStatusListSource byDefault = new HttpStatusListSource(statusServer, clock, Duration.ofMinutes(5));
        HttpStatusListSource loopbackAllowed = new HttpStatusListSource(statusServer, clock, Duration.ofMinutes(5),
                IssuerUrlRule.HTTPS_OR_LOOPBACK_HTTP);

        assertThat(byDefault.fetch("https://issuer.example/status/1")).isInstanceOf(StatusListFetch.Fetched.class);
        StatusListFetch plainHttp = byDefault.fetch("http://127.0.0.1:8642/status/1");
        assertThat(plainHttp).isInstanceOf(StatusListFetch.Failed.class);
        assertThat(((StatusListFetch.Failed) plainHttp).reason()).contains("https URLs only");
        assertThat(loopbackAllowed.fetch("http://issuer.example/status/1")).as("plain http elsewhere, never")
                .isInstanceOf(StatusListFetch.Failed.class);
        assertThat(requested).containsExactly("https://issuer.example/status/1");

        assertThat(loopbackAllowed.fetch("http://127.0.0.1:8642/status/1")).isInstanceOf(StatusListFetch.Fetched.class);
        assertThat(requested).containsExactly("https://issuer.example/status/1", "http://127.0.0.1:8642/status/1");
    }

    /** No document is served in these cases, so nothing is parsed. */
    private static final JsonWebTokens NO_JSON = new JsonWebTokens() {
        @Override
        public SignedJwt read(String compact) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean verifies(SignedJwt token, byte[] subjectPublicKeyInfo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public byte[] publicKeyInfo(Map<String, Object> jwk) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object parseJson(String json) {
            throw new UnsupportedOperationException();
        }
    };
}
