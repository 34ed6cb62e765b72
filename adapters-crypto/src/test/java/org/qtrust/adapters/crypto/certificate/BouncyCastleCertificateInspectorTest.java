package org.qtrust.adapters.crypto.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.SharedTrustData;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.KeyUsageBit;
import org.qtrust.core.certificate.QcType;
import org.qtrust.core.certificate.port.MalformedCertificateException;

/** Reading real certificates of the shared set and test-PKI certificates with every QcStatements variant. */
class BouncyCastleCertificateInspectorTest {

    private final BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();

    static byte[] pem(Path file) {
        try {
            String text = Files.readString(file);
            return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> sharedCertificates() {
        try (Stream<Path> files = Files.list(SharedTrustData.trustData("certs"))) {
            return files.filter(f -> f.toString().endsWith(".pem")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** file → [qc_compliance, qc_types] from DSS's reference, read without a JSON library. */
    private static Map<String, String[]> dssReference() throws IOException {
        String json = Files.readString(SharedTrustData.trustData("certs/dss-reference.json"));
        Pattern entry = Pattern.compile("\"file\":\\s*\"([^\"]+)\".*?\"qc_compliance\":\\s*(true|false),\\s*\"qc_types\":\\s*\\[([^\\]]*)\\]",
                Pattern.DOTALL);
        Map<String, String[]> reference = new HashMap<>();
        Matcher matcher = entry.matcher(json);
        while (matcher.find()) {
            reference.put(matcher.group(1), new String[] {matcher.group(2), matcher.group(3).replaceAll("[\"\\s]", "")});
        }
        return reference;
    }

    @Test
    void every_shared_certificate_reads_with_the_qc_statements_dss_reads() throws Exception {
        Map<String, String[]> reference = dssReference();
        List<String> disagreements = new ArrayList<>();
        List<Path> files = sharedCertificates();
        assertThat(files).hasSize(42);
        for (Path file : files) {
            CertificateFacts facts = inspector.inspect(pem(file));
            String[] expected = reference.get(file.getFileName().toString());
            String types = String.join(",", facts.qcStatements().types().stream().map(t -> "QCT_" + t.name()).toList());
            if (!String.valueOf(facts.qcStatements().compliance()).equals(expected[0]) || !types.equals(expected[1])) {
                disagreements.add(file.getFileName() + ": " + facts.qcStatements() + " vs " + String.join(" ", expected));
            }
            assertThat(facts.sha256()).startsWith(file.getFileName().toString().substring(0, 12));
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void a_qc_statements_extension_that_wraps_a_whole_extension_is_unreadable_and_claims_nothing() throws Exception {
        CertificateFacts tsu = inspector.inspect(pem(SharedTrustData.trustData("certs/2645fbad445d-TSU5-2021.pem")));
        assertThat(tsu.qcStatements().compliance()).isFalse();
        assertThat(tsu.qcStatements().problem()).isPresent();
        assertThat(tsu.notes()).anyMatch(note -> note.startsWith("QcStatements:"));
        assertThat(tsu.extendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    }

    @Test
    void real_certificates_give_their_policies_pds_key_usage_and_algorithms() throws Exception {
        CertificateFacts ecDigit = inspector.inspect(pem(SharedTrustData.trustData("certs/435504bfd802-EC-DIGIT.pem")));
        assertThat(ecDigit.policies()).contains("0.4.0.194112.1.3");
        assertThat(ecDigit.qcStatements().sscd()).isTrue();
        assertThat(ecDigit.qcStatements().types()).containsExactly(QcType.ESEAL);
        assertThat(ecDigit.qcStatements().pds()).isNotEmpty();
        assertThat(ecDigit.qcStatements().semanticsIds()).contains("0.4.0.194121.1.2");
        assertThat(ecDigit.subjectAttributeTypes()).contains("2.5.4.97");
        assertThat(ecDigit.subjectCountry()).contains("BE");
        assertThat(ecDigit.authorityKeyIdentifier()).isPresent();

        CertificateFacts sha1 = inspector.inspect(pem(SharedTrustData.trustData("certs/59c80dcc7429-EC-CNECT.pem")));
        assertThat(sha1.signatureAlgorithm().digest()).isEqualTo("SHA-1");
        assertThat(sha1.signatureAlgorithm().scheme()).isEqualTo("RSA");
        assertThat(sha1.policies()).contains("0.4.0.1456.1.2");
    }

    @Test
    void the_same_bytes_are_read_once() throws Exception {
        byte[] der = pem(SharedTrustData.trustData("certs/435504bfd802-EC-DIGIT.pem"));
        assertThat(inspector.inspect(der)).isSameAs(inspector.inspect(der.clone()));
    }

    @Test
    void every_qc_statement_variant_is_read() throws Exception {
        ASN1Encodable psd2 = new DERSequence(new ASN1Encodable[] {
            new DERSequence(new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("0.4.0.19495.1.2"), new DERUTF8String("PSP_PI")})),
            new DERUTF8String("Banque de France"), new DERUTF8String("FR-BDF")});
        byte[] statements = QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESEAL, QcStatements.QCT_WEB)
                .pds("https://pds.test/en", "en").legislation("CH").statement("0.4.0.19495.2", psd2)
                .statement("0.4.0.1862.1.8", new ASN1ObjectIdentifier("0.4.0.1862.1.8.3"))
                .statement("1.2.3.4.5").encoded();
        Credential credential = TestPki.create().endEntity("QcStatements Variants").qcStatements(statements)
                .policies("0.4.0.194112.1.3").extendedKeyUsage("1.3.6.1.5.5.7.3.1").issue();

        CertificateFacts facts = inspector.inspect(credential.certificate().getEncoded());
        org.qtrust.core.certificate.QcStatements qc = facts.qcStatements();

        assertThat(qc.compliance()).isTrue();
        assertThat(qc.sscd()).isTrue();
        assertThat(qc.types()).containsExactly(QcType.ESEAL, QcType.WEB);
        assertThat(qc.pds()).containsExactly(new org.qtrust.core.certificate.QcStatements.PdsLocation("https://pds.test/en", "en"));
        assertThat(qc.legislation()).containsExactly("CH");
        assertThat(qc.identMethods()).containsExactly("0.4.0.1862.1.8.3");
        assertThat(qc.psd2()).get().satisfies(p -> {
            assertThat(p.roles()).containsExactly("PSP_PI");
            assertThat(p.authorityName()).isEqualTo("Banque de France");
            assertThat(p.authorityId()).isEqualTo("FR-BDF");
        });
        assertThat(qc.otherStatements()).containsExactly("1.2.3.4.5");
        assertThat(facts.keyUsage()).contains(java.util.Set.of(KeyUsageBit.DIGITAL_SIGNATURE, KeyUsageBit.NON_REPUDIATION));
        assertThat(facts.policies()).containsExactly("0.4.0.194112.1.3");
        assertThat(facts.extendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(facts.publicKey().algorithm()).isEqualTo("EC");
        assertThat(facts.publicKey().bits()).isEqualTo(256);
    }

    @Test
    void a_certificate_without_qc_statements_claims_nothing() throws Exception {
        Credential plain = TestPki.create().endEntity("Plain").keyUsage(KeyUsage.DIGITAL_SIGNATURE).issue();
        CertificateFacts facts = inspector.inspect(plain.certificate().getEncoded());
        assertThat(facts.qcStatements().present()).isFalse();
        assertThat(facts.qcStatements().compliance()).isFalse();
        assertThat(facts.isCa()).isFalse();
        assertThat(facts.unhandledCriticalExtensions()).isEmpty();
    }

    @Test
    void a_critical_extension_it_does_not_process_is_named() throws Exception {
        Credential odd = TestPki.create().endEntity("Odd Critical").extension("1.2.3.4.5.6", true, new byte[] {0x05, 0x00}).issue();
        assertThat(inspector.inspect(odd.certificate().getEncoded()).unhandledCriticalExtensions()).containsExactly("1.2.3.4.5.6");
    }

    @Test
    void bytes_that_are_no_certificate_are_malformed_and_stay_so() {
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x01};
        assertThatThrownBy(() -> inspector.inspect(garbage)).isInstanceOf(MalformedCertificateException.class);
        assertThatThrownBy(() -> inspector.inspect(garbage)).isInstanceOf(MalformedCertificateException.class);
        assertThatThrownBy(() -> inspector.inspect(new byte[0])).isInstanceOf(MalformedCertificateException.class);
    }

    @Test
    void signatures_verify_only_with_the_issuers_key() throws Exception {
        TestPki pki = TestPki.create();
        CertificateFacts leaf = inspector.inspect(pki.endEntity("Signed").issue().certificate().getEncoded());
        CertificateFacts intermediate = inspector.inspect(pki.intermediate().certificate().getEncoded());
        CertificateFacts root = inspector.inspect(pki.root().certificate().getEncoded());
        assertThat(inspector.signatureVerifies(leaf, intermediate.publicKey())).isTrue();
        assertThat(inspector.signatureVerifies(leaf, root.publicKey())).isFalse();
        assertThat(inspector.signatureVerifies(intermediate, root.publicKey())).isTrue();
    }
}
