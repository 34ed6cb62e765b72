package org.qtrust.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxServer;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.sandbox.SandboxEndToEndTest.Run;

@Timeout(60)
class SandboxCommandsTest {

    @TempDir
    static Path temporary;
    static Path sandbox;

    @BeforeAll
    static void createSandbox() {
        sandbox = temporary.resolve("sandbox");
        assertThat(SandboxEndToEndTest.run("sandbox", "init", sandbox.toString()).exit()).isZero();
    }

    @Test
    void init_refuses_a_folder_that_is_not_empty() {
        Run run = SandboxEndToEndTest.run("sandbox", "init", sandbox.toString());

        assertThat(run.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(run.err()).startsWith("qtrust: ").contains("is not empty").doesNotContain("Exception");
    }

    @Test
    void serve_refuses_a_folder_that_is_not_a_sandbox() {
        Run run = SandboxEndToEndTest.run("sandbox", "serve", temporary.resolve("nothing").toString(), "--port", "0");

        assertThat(run.exit()).isEqualTo(QtrustCli.EXIT_UNUSABLE_INPUT);
        assertThat(run.err().strip()).startsWith("qtrust: ").contains("is not a sandbox").doesNotContain("\n");
    }

    @Test
    void the_server_publishes_lists_and_crls_and_nothing_outside_them() throws Exception {
        try (SandboxServer server = SandboxServer.start(sandbox, 0, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.port();

            HttpResponse<byte[]> lotl = get(base + "/lists/EU.xml");
            assertThat(lotl.statusCode()).isEqualTo(200);
            assertThat(lotl.body()).isEqualTo(Files.readAllBytes(sandbox.resolve("lists/EU.xml")));
            assertThat(get(base + "/crl/issuing-ca-a.crl").statusCode()).isEqualTo(200);
            assertThat(get(base + "/lists/..%2F" + SandboxLayout.OJ_KEYSTORE).statusCode()).isEqualTo(404);
            assertThat(get(base + "/crl/..%2Focsp%2Fissuing-ca-a%2Fresponder.key").statusCode()).isEqualTo(404);
            assertThat(get(base + "/ocsp/unavailable").statusCode()).isEqualTo(503);
            assertThat(get(base + "/ocsp/issuing-ca-a").statusCode()).as("GET without a request").isEqualTo(400);
            assertThat(get(base + "/.well-known/jwt-vc-issuer").statusCode()).isEqualTo(404);
            HttpResponse<byte[]> metadata = get(base + "/.well-known/jwt-vc-issuer/issuers/attestation-b");
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(metadata.body()).isEqualTo(Files.readAllBytes(sandbox.resolve("metadata/attestation-b/jwt-vc-issuer.json")));
            assertThat(get(base + "/.well-known/openid-credential-issuer/issuers/pid-a").statusCode()).isEqualTo(200);
            assertThat(get(base + "/.well-known/jwt-vc-issuer/issuers/nobody").statusCode()).isEqualTo(404);
            assertThat(get(base + "/.well-known/jwt-vc-issuer/issuers/..%2F..%2Focsp%2Fissuing-ca-a").statusCode()).isEqualTo(404);
            assertThat(get(base + "/.well-known/oauth-authorization-server/issuers/attestation-b").statusCode()).isEqualTo(404);
            HttpResponse<byte[]> statusList = get(base + "/status/credentials.jwt");
            assertThat(statusList.statusCode()).isEqualTo(200);
            assertThat(statusList.headers().firstValue("Content-Type")).contains("application/statuslist+jwt");
            assertThat(statusList.body()).isEqualTo(Files.readAllBytes(sandbox.resolve("status/credentials.jwt")));
            assertThat(get(base + "/status/withdrawn.jwt").statusCode()).as("the list the unavailable credential names").isEqualTo(404);
        }
    }

    @Test
    void the_demo_builds_a_sandbox_serves_it_while_it_runs_and_prints_verdicts_with_traces() {
        Run run = SandboxEndToEndTest.run("demo");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("XA   accepted", "XC   REJECTED", "verdict: trusted",
                "verdict: not trusted (issuer_not_trusted)", "credentials/pid.sdjwt: VALID", "verdict: valid",
                "demo: every verdict is the expected one");
        // Issue 16.3: its own server answers, so revocation is good (OCSP) for the trusted certificate and revoked for the other.
        assertThat(run.out()).contains("qualified-esig.pem: TRUSTED", "revocation good (ocsp)",
                "revoked.pem: NOT TRUSTED (certificate_revoked)");
        assertThat(run.out() + run.err()).doesNotContain("Connection refused", "CONNECTION_FAILED", "revocation unknown");
    }

    private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
