package org.qtrust.adapters.crypto.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;

class SandboxGeneratorTest {

    /**
     * Files that hold no key, signature or salt: the policies, the plain-text "credential", OpenID4VCI metadata, and the
     * 64-byte truncated certificate (its serial and issuer name; only its length prefix may change with the seed).
     */
    private static final List<String> SEED_INDEPENDENT = List.of("policies/.*\\.json", "credentials/malformed\\.sdjwt",
            "metadata/[^/]+/openid-credential-issuer\\.json", "certs/malformed\\.der");

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path otherSeed;

    @Test
    void the_same_seed_gives_byte_identical_files() throws IOException {
        SandboxGenerator.generate(first, new SandboxSettings(7, 8642));
        SandboxGenerator.generate(second, new SandboxSettings(7, 8642));

        Map<String, byte[]> a = SandboxTrees.files(first);
        Map<String, byte[]> b = SandboxTrees.files(second);
        assertThat(a.keySet()).contains("lists/EU.xml", "lists/eu-lotl-pivot-1.xml", "lists/XA.xml", "lists/XB.xml",
                "lists/XC.xml", "certs/qualified-esig.pem", "crl/issuing-ca-a.crl", "lote/pid-providers.json",
                SandboxLayout.OJ_KEYSTORE, "credentials/pid.sdjwt", "status/credentials.jwt",
                "metadata/attestation-b/jwt-vc-issuer.json").isEqualTo(b.keySet());
        a.forEach((name, content) -> assertThat(b.get(name)).as(name).isEqualTo(content));
    }

    @Test
    void another_seed_gives_other_keys_and_so_other_signed_files() throws IOException {
        SandboxGenerator.generate(first, new SandboxSettings(7, 8642));
        SandboxGenerator.generate(otherSeed, new SandboxSettings(8, 8642));

        Map<String, byte[]> a = SandboxTrees.files(first);
        Map<String, byte[]> b = SandboxTrees.files(otherSeed);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, content) -> {
            if (SEED_INDEPENDENT.stream().noneMatch(name::matches)) {
                assertThat(b.get(name)).as(name).isNotEqualTo(content);
            }
        });
    }

    @Test
    void the_official_journal_keystore_opens_with_its_password_and_holds_the_pivot_signer() throws Exception {
        SandboxPki pki = new SandboxPki(new SandboxSettings(7, 8642));
        SandboxGenerator.generate(first, pki.settings());

        KeyStore keyStore = KeyStore.getInstance(first.resolve(SandboxLayout.OJ_KEYSTORE).toFile(), SandboxLayout.OJ_PASSWORD.toCharArray());
        assertThat(Collections.list(keyStore.aliases())).containsExactly("sandbox-oj-2020");
        assertThat(keyStore.isCertificateEntry("sandbox-oj-2020")).isTrue();
        assertThat(keyStore.getCertificate("sandbox-oj-2020")).isEqualTo(pki.officialJournal().certificate());
        assertThatThrownBy(() -> KeyStore.getInstance(first.resolve(SandboxLayout.OJ_KEYSTORE).toFile(), "wrong".toCharArray()))
                .as("the integrity MAC is checked").isInstanceOf(IOException.class);
    }

    @Test
    void the_pivot_is_signed_by_the_official_journal_certificate() throws IOException {
        SandboxPki pki = new SandboxPki(new SandboxSettings(7, 8642));
        SandboxGenerator.generate(first, pki.settings());

        byte[] pivot = Files.readAllBytes(first.resolve("lists/eu-lotl-pivot-1.xml"));
        assertThat(new XadesListSignatureVerifier().verify(new ListDocument("pivot", pivot),
                List.of(ServiceCertificate.of(pki.officialJournal().certificate()))).isValid()).isTrue();
    }
}
