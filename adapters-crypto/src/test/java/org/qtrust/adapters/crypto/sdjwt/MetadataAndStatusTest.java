package org.qtrust.adapters.crypto.sdjwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.issuance.JwsSigner;
import org.qtrust.adapters.crypto.issuance.SdJwtIssuer;
import org.qtrust.adapters.crypto.issuance.StatusListTokens;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.crypto.testpki.WalletCredentials;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.CredentialVerdict;
import org.qtrust.core.credential.CredentialVerificationService;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.metadata.HttpIssuerMetadataSource;
import org.qtrust.core.credential.status.HttpStatusListSource;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.credential.CredentialStatusMode;
import org.qtrust.core.transport.TransportException;

/** Issuer metadata (draft-ietf-oauth-sd-jwt-vc §5) and Token Status List (draft-ietf-oauth-status-list), over a fake network. */
class MetadataAndStatusTest {

    private static final WalletCredentials WALLET = WalletCredentials.create();
    private static final String JWT_VC_ISSUER = "https://pid-issuer.wallet.test/.well-known/jwt-vc-issuer";
    private static final String OPENID = "https://pid-issuer.wallet.test/.well-known/openid-credential-issuer";

    /** A network of fixed answers; any other URL is 404. Counts requests. */
    private static final class FakeNetwork implements HttpTransport {
        final Map<String, HttpExchange.Response> answers = new HashMap<>();
        final AtomicInteger requests = new AtomicInteger();
        boolean down;

        FakeNetwork serve(String url, int status, String body) {
            answers.put(url, new HttpExchange.Response(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), url));
            return this;
        }

        @Override
        public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
            requests.incrementAndGet();
            if (down) {
                throw new TransportException(TransportException.Reason.CONNECTION_FAILED, "connection refused");
            }
            return answers.getOrDefault(request.url(), new HttpExchange.Response(404, Map.of(), new byte[0], request.url()));
        }
    }

    private static CredentialVerificationService online(FakeNetwork network) {
        Jose4jWebTokens jose = new Jose4jWebTokens();
        Clock clock = Clock.fixed(WalletCredentials.NOW, ZoneOffset.UTC);
        return new CredentialVerificationService(new IssuerTrust.CertificateChain(WALLET.decisions()), jose,
                new HttpIssuerMetadataSource(network, jose, clock, Duration.ofMinutes(15)),
                new HttpStatusListSource(network, clock, Duration.ofMinutes(5)));
    }

    private static CredentialVerdict verify(FakeNetwork network, String presentation) {
        return online(network).verify(WALLET.check(presentation));
    }

    private static String pid() {
        return WALLET.present(WALLET.issue(WALLET.pid()));
    }

    private static String jwk(java.security.PublicKey key) {
        return JsonUtil.toJson(SdJwtIssuer.confirmation(key)).replaceFirst("^\\{\"jwk\":", "").replaceFirst("}$", "");
    }

    @Nested
    class Issuer_metadata {

        @Test
        void that_names_the_issuer_and_publishes_the_signing_key_is_accepted() {
            FakeNetwork network = new FakeNetwork()
                    .serve(JWT_VC_ISSUER, 200, "{\"issuer\":\"" + WalletCredentials.ISSUER + "\",\"jwks\":{\"keys\":["
                            + jwk(TestPki.ecKey("unrelated").getPublic()) + "," + jwk(WALLET.issuer().publicKey()) + "]}}")
                    .serve(OPENID, 200, "{\"credential_issuer\":\"" + WalletCredentials.ISSUER + "\",\"credential_endpoint\":\"x\"}");

            CredentialVerdict verdict = verify(network, pid());

            assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.OK);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("jwt-vc-issuer matches iss and publishes the signing key"));
        }

        @Test
        void is_optional_when_the_key_comes_from_x5c() {
            CredentialVerdict verdict = verify(new FakeNetwork(), pid());
            assertThat(verdict.code()).isEqualTo(CredentialCode.OK);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("publishes none"));
        }

        @Test
        void naming_another_issuer_is_a_mismatch() {
            FakeNetwork network = new FakeNetwork().serve(OPENID, 200, "{\"credential_issuer\":\"https://other.test\"}");
            assertThat(verify(network, pid()).code()).isEqualTo(CredentialCode.ISSUER_METADATA_MISMATCH);
        }

        @Test
        void publishing_keys_without_the_signing_key_is_a_mismatch() {
            FakeNetwork network = new FakeNetwork().serve(JWT_VC_ISSUER, 200, "{\"issuer\":\"" + WalletCredentials.ISSUER
                    + "\",\"jwks\":{\"keys\":[" + jwk(TestPki.ecKey("unrelated").getPublic()) + "]}}");
            assertThat(verify(network, pid()).code()).isEqualTo(CredentialCode.ISSUER_METADATA_MISMATCH);
        }

        @Test
        void a_document_that_is_not_metadata_is_a_mismatch() {
            FakeNetwork network = new FakeNetwork().serve(JWT_VC_ISSUER, 200, "<html>hello</html>");
            assertThat(verify(network, pid()).code()).isEqualTo(CredentialCode.ISSUER_METADATA_MISMATCH);
        }

        @Test
        void is_fetched_once_within_its_time_to_live() {
            FakeNetwork network = new FakeNetwork();
            CredentialVerificationService verifier = online(network);
            verifier.verify(WALLET.check(pid()));
            int first = network.requests.get();
            verifier.verify(WALLET.check(pid()));
            assertThat(first).isEqualTo(2);
            assertThat(network.requests.get()).isEqualTo(first);
        }
    }

    @Nested
    class Credential_status {

        private final JwsSigner issuerJws = WALLET.issuerJws();

        private FakeNetwork listing(int bits, int... statuses) {
            return new FakeNetwork().serve(WalletCredentials.STATUS_LIST_URI, 200, StatusListTokens.token(issuerJws,
                    WalletCredentials.STATUS_LIST_URI, WalletCredentials.NOW.minusSeconds(600), WalletCredentials.NOW.plusSeconds(3600), bits, statuses));
        }

        private String atIndex(int index) {
            return WALLET.present(WALLET.issue(WALLET.pidWithStatus(index)));
        }

        @Test
        void a_valid_entry_is_accepted() {
            CredentialVerdict verdict = verify(listing(1, 1, 0, 1), atIndex(1));
            assertThat(verdict.code()).as(String.join("\n", verdict.trace())).isEqualTo(CredentialCode.OK);
            assertThat(verdict.trace()).anyMatch(line -> line.contains("is 0 (VALID)"));
        }

        @Test
        void an_invalid_entry_is_revoked_and_a_suspended_one_suspended() {
            assertThat(verify(listing(1, 1, 0, 1), atIndex(2)).code()).isEqualTo(CredentialCode.CREDENTIAL_REVOKED);
            assertThat(verify(listing(2, 0, 2, 1), atIndex(1)).code()).isEqualTo(CredentialCode.CREDENTIAL_SUSPENDED);
            assertThat(verify(listing(2, 0, 3, 1), atIndex(1)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        }

        @Test
        void an_index_beyond_the_list_is_unavailable() {
            assertThat(verify(listing(8, 0, 0), atIndex(2)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        }

        @Test
        void a_list_that_cannot_be_fetched_fails_closed() {
            FakeNetwork down = listing(1, 0);
            down.down = true;
            assertThat(verify(down, atIndex(0)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            assertThat(verify(new FakeNetwork().serve(WalletCredentials.STATUS_LIST_URI, 500, ""), atIndex(0)).code())
                    .isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        }

        @Test
        void a_token_signed_by_someone_else_or_for_another_list_is_not_used() {
            JwsSigner stranger = new JwsSigner(TestPki.ecKey("stranger").getPrivate(), "ES256", List.of());
            FakeNetwork forged = new FakeNetwork().serve(WalletCredentials.STATUS_LIST_URI, 200, StatusListTokens.token(stranger,
                    WalletCredentials.STATUS_LIST_URI, WalletCredentials.NOW, null, 1, 0));
            FakeNetwork otherList = new FakeNetwork().serve(WalletCredentials.STATUS_LIST_URI, 200, StatusListTokens.token(issuerJws,
                    "https://pid-issuer.wallet.test/status/2", WalletCredentials.NOW, null, 1, 0));
            FakeNetwork expired = new FakeNetwork().serve(WalletCredentials.STATUS_LIST_URI, 200, StatusListTokens.token(issuerJws,
                    WalletCredentials.STATUS_LIST_URI, WalletCredentials.NOW.minusSeconds(7200), WalletCredentials.NOW.minusSeconds(3600), 1, 0));

            assertThat(verify(forged, atIndex(0)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            assertThat(verify(otherList, atIndex(0)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            assertThat(verify(expired, atIndex(0)).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
        }

        @Test
        void offline_a_required_status_is_unavailable_fail_closed_and_the_trace_says_so() {
            CredentialVerdict verdict = WALLET.verifier().verify(WALLET.check(atIndex(0)));
            assertThat(verdict.code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            assertThat(verdict.trace()).anyMatch(line -> line.startsWith("status:") && line.contains("offline")
                    && line.contains("credentialStatus require"));
            assertThat(verdict.trace()).anyMatch(line -> line.startsWith("metadata: skipped (offline"));
            assertThat(verdict.status().checked()).isFalse();
            assertThat(verdict.status().uri()).contains(WalletCredentials.STATUS_LIST_URI);
            assertThat(verdict.status().index()).contains(0L);
        }

        @Test
        void prefer_tolerates_an_unavailable_status_never_a_revoked_one_and_off_checks_nothing() {
            CredentialVerdict offlinePrefer = WALLET.verifier().verify(WALLET.check(atIndex(0)).withStatusMode(CredentialStatusMode.PREFER));
            assertThat(offlinePrefer.code()).isEqualTo(CredentialCode.OK);
            assertThat(offlinePrefer.trace()).anyMatch(line -> line.contains("warning"));
            FakeNetwork revoking = listing(1, 1);
            assertThat(online(revoking).verify(WALLET.check(atIndex(0)).withStatusMode(CredentialStatusMode.PREFER)).code())
                    .isEqualTo(CredentialCode.CREDENTIAL_REVOKED);
            CredentialVerdict off = online(revoking).verify(WALLET.check(atIndex(0)).withStatusMode(CredentialStatusMode.OFF));
            assertThat(off.code()).isEqualTo(CredentialCode.OK);
            assertThat(off.status().checked()).isFalse();
        }

        @Test
        void the_verdict_reports_the_status_read() {
            CredentialVerdict verdict = verify(listing(2, 0, 2), atIndex(1));
            assertThat(verdict.code()).isEqualTo(CredentialCode.CREDENTIAL_SUSPENDED);
            assertThat(verdict.status().checked()).isTrue();
            assertThat(verdict.status().value()).contains(2);
            assertThat(verdict.status().source()).contains("fetched");
            assertThat(verdict.status().fetchedAt()).contains(WalletCredentials.NOW);
        }

        @Test
        @org.junit.jupiter.api.Timeout(30)
        void a_hanging_publisher_costs_each_request_its_budget_and_no_more_and_waits_share_the_fetch() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            HttpTransport hanging = request -> {
                sent.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new TransportException(TransportException.Reason.TIMEOUT, "released");
            };
            java.util.concurrent.ExecutorService outbound = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                Jose4jWebTokens jose = new Jose4jWebTokens();
                Clock clock = Clock.fixed(WalletCredentials.NOW, ZoneOffset.UTC);
                CredentialVerificationService verifier = new CredentialVerificationService(
                        new IssuerTrust.CertificateChain(WALLET.decisions()), jose, org.qtrust.core.credential.port.IssuerMetadataSource.offline(),
                        new HttpStatusListSource(hanging, clock, Duration.ofMinutes(5), org.qtrust.core.credential.IssuerUrlRule.HTTPS_ONLY,
                                java.util.Optional.of(jose), outbound));
                for (int i = 0; i < 3; i++) {
                    CredentialVerdict verdict = verifier.verify(WALLET.check(atIndex(0)).withFetchBudget(Duration.ofMillis(200)));
                    assertThat(verdict.code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
                    assertThat(verdict.trace()).anyMatch(line -> line.contains("could not fetch (out of budget)"));
                }
                assertThat(sent.get()).as("one fetch shared by every waiting request").isEqualTo(1);
                assertThat(verifier.verify(WALLET.check(atIndex(0)).withStatusMode(CredentialStatusMode.PREFER)
                        .withFetchBudget(Duration.ofMillis(100))).code()).isEqualTo(CredentialCode.OK);
            } finally {
                release.countDown();
                outbound.shutdownNow();
            }
        }

        @Test
        void a_failed_fetch_is_remembered_for_a_while() throws Exception {
            FakeNetwork down = listing(1, 0);
            down.down = true;
            CredentialVerificationService verifier = online(down);
            assertThat(verifier.verify(WALLET.check(atIndex(0))).code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            down.down = false;
            CredentialVerdict again = verifier.verify(WALLET.check(atIndex(0)));
            assertThat(again.code()).isEqualTo(CredentialCode.CREDENTIAL_STATUS_UNAVAILABLE);
            assertThat(again.trace()).anyMatch(line -> line.contains("not asked again before"));
        }
    }
}
