package org.qtrust.adapters.crypto.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.xades.XadesListSignatureVerifier;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;

class SandboxGeneratorTest {

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path otherSeed;

    @Test
    void the_same_seed_gives_byte_identical_lists_certificates_and_crls() throws IOException {
        SandboxGenerator.generate(first, new SandboxSettings(7, 8642));
        SandboxGenerator.generate(second, new SandboxSettings(7, 8642));

        Map<String, byte[]> a = files(first);
        Map<String, byte[]> b = files(second);
        assertThat(a.keySet()).contains("lists/EU.xml", "lists/eu-lotl-pivot-1.xml", "lists/XA.xml", "lists/XB.xml",
                "lists/XC.xml", "certs/qualified-esig.pem", "crl/issuing-ca-a.crl", "lote/pid-providers.json").isEqualTo(b.keySet());
        // Credentials and status list tokens carry random salts and ECDSA signatures (issuance package): same verdicts, other bytes.
        a.forEach((name, content) -> {
            if (!name.startsWith(SandboxLayout.CREDENTIALS + "/") && !name.startsWith(SandboxLayout.STATUS + "/")) {
                assertThat(b.get(name)).as(name).isEqualTo(content);
            }
        });
    }

    @Test
    void another_seed_gives_other_keys() throws IOException {
        SandboxGenerator.generate(first, new SandboxSettings(7, 8642));
        SandboxGenerator.generate(otherSeed, new SandboxSettings(8, 8642));

        assertThat(Files.readAllBytes(otherSeed.resolve("lists/XA.xml"))).isNotEqualTo(Files.readAllBytes(first.resolve("lists/XA.xml")));
    }

    @Test
    void the_pivot_is_signed_by_the_official_journal_certificate() throws IOException {
        SandboxPki pki = new SandboxPki(new SandboxSettings(7, 8642));
        SandboxGenerator.generate(first, pki.settings());

        byte[] pivot = Files.readAllBytes(first.resolve("lists/eu-lotl-pivot-1.xml"));
        assertThat(new XadesListSignatureVerifier().verify(new ListDocument("pivot", pivot),
                List.of(ServiceCertificate.of(pki.officialJournal().certificate()))).isValid()).isTrue();
    }

    /** Files that must be reproducible; the PKCS#12 keystore is not (its salts are random), nor need it be. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!name.endsWith(".p12")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
