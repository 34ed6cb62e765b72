package org.qtrust.adapters.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.adapters.crypto.SharedTrustData;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.trustedlist.ServiceCertificate;

class OfficialJournalCertificatesTest {

    private static final Path OJ = SharedTrustData.trustData("oj-keystore");
    private static final char[] PASSWORD = "dss-password".toCharArray();
    private static final String KREMER = "d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474";

    @Test
    void the_pkcs12_keystore_holds_the_eight_official_journal_certificates() throws CertificateSourceException {
        List<ServiceCertificate> certificates = OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.p12"), PASSWORD);

        assertThat(certificates).hasSize(8).doesNotHaveDuplicates();
        assertThat(certificates).extracting(ServiceCertificate::sha256Hex).contains(KREMER);
    }

    @Test
    void the_jks_twin_and_the_pem_files_hold_the_same_certificates() throws CertificateSourceException {
        List<ServiceCertificate> p12 = OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.p12"), PASSWORD);

        List<ServiceCertificate> jks = OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.jks"), PASSWORD);
        List<ServiceCertificate> pem = OfficialJournalCertificates.fromDirectory(OJ);

        assertThat(jks).containsExactlyInAnyOrderElementsOf(p12);
        assertThat(pem).containsExactlyInAnyOrderElementsOf(p12);
    }

    @Test
    void the_synthetic_keystore_uses_its_own_password() throws CertificateSourceException {
        Path file = SharedTrustData.trustData("pivots/synthetic/keystore_OJ1.p12");

        List<ServiceCertificate> certificates = OfficialJournalCertificates.fromKeyStore(file, "password".toCharArray());

        assertThat(certificates).isNotEmpty();
        assertThat(certificates).extracting(c -> c.toX509().getSubjectX500Principal().getName())
                .anyMatch(subject -> subject.contains("LOTL signer"));
        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(file, PASSWORD))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("wrong password");
    }

    @Test
    void a_wrong_password_says_so() {
        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.p12"), "nope".toCharArray()))
                .isInstanceOf(CertificateSourceException.class)
                .hasMessage("keystore " + OJ.resolve("keystore.p12") + ": wrong password");
        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.jks"), "nope".toCharArray()))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("wrong password");
    }

    @Test
    void a_missing_keystore_says_so(@TempDir Path folder) {
        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(folder.resolve("none.p12"), PASSWORD))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("does not exist");
    }

    @Test
    void a_file_that_is_no_keystore_says_so(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("keystore.p12"), "this is not a keystore");

        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(file, PASSWORD))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("neither PKCS#12 nor JKS");
    }

    @Test
    void an_empty_keystore_has_no_certificates(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("empty.p12");
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        try (var out = Files.newOutputStream(file)) {
            empty.store(out, PASSWORD);
        }

        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(file, PASSWORD))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("holds no X.509 certificate");
    }

    @Test
    void a_key_entry_contributes_its_certificate(@TempDir Path folder) throws Exception {
        Credential signer = TestPki.create().endEntity("LOTL Signer In A Key Entry").issue();
        Path file = folder.resolve("keys.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", signer.privateKey(), PASSWORD, signer.chain().toArray(new java.security.cert.Certificate[0]));
        store.setCertificateEntry("root", TestPki.create().root().certificate());
        try (var out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }

        List<ServiceCertificate> certificates = OfficialJournalCertificates.fromKeyStore(file, PASSWORD);

        assertThat(certificates).containsExactlyInAnyOrder(signer.serviceCertificate(), TestPki.create().root().serviceCertificate());
    }

    @Test
    void a_folder_reads_pem_and_der_and_ignores_other_files(@TempDir Path folder) throws Exception {
        Credential one = TestPki.create().endEntity("Folder One").issue();
        Credential two = TestPki.create().endEntity("Folder Two").issue();
        Files.write(folder.resolve("one.der"), one.certificate().getEncoded());
        Files.writeString(folder.resolve("two.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(two.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Files.writeString(folder.resolve("README.txt"), "not a certificate");

        assertThat(OfficialJournalCertificates.fromDirectory(folder))
                .containsExactly(one.serviceCertificate(), two.serviceCertificate());
    }

    @Test
    void a_broken_certificate_file_is_an_error_not_skipped(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        assertThatThrownBy(() -> OfficialJournalCertificates.fromDirectory(folder))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("bad.pem");
    }

    @Test
    void a_missing_or_empty_folder_says_so(@TempDir Path folder) {
        assertThatThrownBy(() -> OfficialJournalCertificates.fromDirectory(folder.resolve("nothing")))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OfficialJournalCertificates.fromDirectory(folder))
                .isInstanceOf(CertificateSourceException.class).hasMessageContaining("holds no");
    }

    @Test
    void messages_are_one_line() {
        assertThatThrownBy(() -> OfficialJournalCertificates.fromKeyStore(OJ.resolve("keystore.p12"), "x".toCharArray()))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
