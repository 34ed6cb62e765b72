package org.qtrust.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.sandbox.SandboxTrees;
import org.qtrust.cli.QtrustCli;

/**
 * "The same seed gives byte-identical lists" — and every other file of the tree: {@code sandbox init}
 * run again, in another JVM (whose hash seeds and randomness differ), writes exactly the same bytes;
 * another seed changes every file that holds a key, a signature or a salt.
 */
@Timeout(180)
class SandboxDeterminismTest {

    /**
     * Files that hold no key, signature or salt: the manifest, the policies, the plain-text "credential", OpenID4VCI
     * metadata, and the 64-byte truncated certificate (its serial and issuer name; only its length prefix may change).
     */
    private static final List<String> SEED_INDEPENDENT = List.of("manifest\\.json", "policies/.*\\.json", "credentials/malformed\\.sdjwt",
            "metadata/[^/]+/openid-credential-issuer\\.json", "certs/malformed\\.der");

    @TempDir
    static Path temporary;
    static Map<String, byte[]> seed42;

    @BeforeAll
    static void buildOnce() throws IOException {
        Path here = temporary.resolve("here");
        SandboxEndToEndTest.Run init = SandboxEndToEndTest.run("sandbox", "init", here.toString(), "--seed", "42", "--port", "8642");
        assertThat(init.exit()).as(init.err()).isZero();
        seed42 = SandboxTrees.files(here);
    }

    @Test
    void the_same_seed_in_another_jvm_gives_a_byte_identical_tree() throws Exception {
        Path there = temporary.resolve("there");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), QtrustCli.class.getName(),
                "sandbox", "init", there.toString(), "--seed", "42", "--port", "8642").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, byte[]> again = SandboxTrees.files(there);
        assertThat(again.keySet()).isEqualTo(seed42.keySet()).contains("README.md", "manifest.json", "oj-keystore.p12",
                "lists/EU.xml", "credentials/pid.sdjwt", "status/credentials.jwt", "metadata/attestation-b/jwt-vc-issuer.json");
        seed42.forEach((name, content) -> assertThat(again.get(name)).as(name).isEqualTo(content));
    }

    @Test
    void another_seed_changes_every_file_that_holds_a_key_a_signature_or_a_salt() throws IOException {
        Path other = temporary.resolve("other");
        assertThat(SandboxEndToEndTest.run("sandbox", "init", other.toString(), "--seed", "43", "--port", "8642").exit()).isZero();

        Map<String, byte[]> seed43 = SandboxTrees.files(other);
        assertThat(seed43.keySet()).isEqualTo(seed42.keySet());
        seed42.forEach((name, content) -> {
            if (SEED_INDEPENDENT.stream().noneMatch(name::matches)) {
                assertThat(seed43.get(name)).as(name).isNotEqualTo(content);
            }
        });
    }
}
