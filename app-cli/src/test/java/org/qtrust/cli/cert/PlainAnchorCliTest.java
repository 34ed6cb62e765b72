package org.qtrust.cli.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.cli.QtrustCli;

/** A non-EU policy file with a plain anchor given on the command line: no trusted list needed. */
class PlainAnchorCliTest {

    @TempDir
    Path folder;

    private Path pem(String name, X509Certificate... certificates) throws IOException, CertificateEncodingException {
        StringBuilder text = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void a_certificate_of_a_scheme_without_a_list_is_trusted_through_its_anchor() throws Exception {
        TestPki kenya = TestPki.create("Kenya Test Root");
        Credential leaf = kenya.endEntity("Wanjiru").issue();
        Path root = pem("root.pem", kenya.root().certificate());
        Path withChain = pem("leaf-and-chain.pem", leaf.certificate(), kenya.intermediate().certificate());
        Path policy = Files.writeString(folder.resolve("ke.json"),
                "{\"name\": \"ke-test\", \"jurisdiction\": \"KE\", \"useTrustedLists\": false, \"revocation\": \"off\"}");
        StringWriter out = new StringWriter();

        int exit = QtrustCli.run(new String[] {"cert", "verify", withChain.toString(), "--policy", policy.toString(),
            "--trust-anchor", root.toString(), "--at", "2025-01-01T00:00:00Z", "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));

        assertThat(exit).isEqualTo(0);
        JsonNode verdict = new ObjectMapper().readTree(out.toString().trim());
        assertThat(verdict.get("territory").asText()).isEqualTo("KE");
        assertThat(verdict.get("service").get("type").asText()).isEqualTo("urn:qtrust:plain-trust-anchor");
        assertThat(verdict.get("qualification").get("atIssuance").asText()).isEqualTo("NA");
        assertThat(verdict.get("certificate").get("path").size()).isEqualTo(2);
    }

    @Test
    void without_the_anchor_it_is_not_trusted() throws Exception {
        TestPki kenya = TestPki.create("Kenya Test Root");
        Path leaf = pem("leaf.pem", kenya.endEntity("Otieno").issue().certificate());
        Path otherRoot = pem("other.pem", TestPki.create("Somewhere Else").root().certificate());
        int exit = QtrustCli.run(new String[] {"cert", "verify", leaf.toString(), "--trust-anchor", "KE=" + otherRoot,
            "--policy", Files.writeString(folder.resolve("p.json"), "{\"name\": \"ke\", \"jurisdiction\": \"KE\", \"useTrustedLists\": false}").toString(),
            "--at", "2025-01-01T00:00:00Z"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(exit).isEqualTo(1);
    }
}
