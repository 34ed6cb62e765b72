package org.qtrust.adapters.crypto.testpki;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.junit.jupiter.api.Test;

class TestPkiTest {

    private final TestPki pki = TestPki.create();

    @Test
    void the_same_name_gives_the_same_pki_and_keys() {
        assertThat(TestPki.create()).isSameAs(pki);
        assertThat(TestPki.ecKey("k")).isSameAs(TestPki.ecKey("k"));
        assertThat(pki.root().certificate().getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pki.intermediate().certificate().getBasicConstraints()).isZero();
    }

    @Test
    void an_end_entity_chains_to_the_root_under_pkix() throws Exception {
        Credential leaf = pki.endEntity("Chain Test").validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))
                .policies("0.4.0.194112.1.2").issue();

        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(pki.root().certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(leaf.chain().subList(0, 2)), parameters);

        X509Certificate certificate = leaf.certificate();
        assertThat(leaf.chain()).hasSize(3).endsWith(pki.root().certificate());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getKeyUsage()[0]).isTrue();
        assertThat(certificate.getKeyUsage()[1]).isTrue();
        assertThat(certificate.getKeyUsage()[5]).isFalse();
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(certificate.getExtensionValue("2.5.29.14")).isNotNull();
        assertThat(certificate.getExtensionValue("2.5.29.35")).isNotNull();
        assertThat(certificate.getExtensionValue("2.5.29.32")).isNotNull();
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void qc_statements_are_encoded_as_asn1() {
        byte[] value = QcStatements.create().compliance().sscd().type(QcStatements.QCT_ESIGN).pds("https://pds.test/en", "en").encoded();
        Credential qualified = pki.endEntity("Qualified Person").qcStatements(value).issue();

        byte[] extension = qualified.certificate().getExtensionValue("1.3.6.1.5.5.7.1.3");
        ASN1Sequence statements = ASN1Sequence.getInstance(ASN1OctetString.getInstance(extension).getOctets());

        assertThat(statements.size()).isEqualTo(4);
        assertThat(QCStatement.getInstance(statements.getObjectAt(0)).getStatementId().getId()).isEqualTo(QcStatements.QC_COMPLIANCE);
        assertThat(QCStatement.getInstance(statements.getObjectAt(2)).getStatementId().getId()).isEqualTo(QcStatements.QC_TYPE);
    }

    @Test
    void a_ca_with_ocsp_and_crl_urls() {
        Credential ca = pki.certificate("CN=Test QC CA,O=Test TSP,C=BE").ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)
                .ocspUrl("http://127.0.0.1:1/ocsp").crlUrl("http://127.0.0.1:1/ca.crl").issue();

        assertThat(ca.certificate().getBasicConstraints()).isZero();
        assertThat(ca.certificate().getExtensionValue("1.3.6.1.5.5.7.1.1")).isNotNull();
        assertThat(ca.certificate().getExtensionValue("2.5.29.31")).isNotNull();
    }
}
