package org.qtrust.adapters.crypto.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxOcspResponderTest {

    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    @TempDir
    static Path sandbox;
    static SandboxOcspResponder responder;
    static SandboxPki pki;

    @BeforeAll
    static void createSandbox() throws Exception {
        pki = new SandboxPki(new SandboxSettings(3, 8642));
        SandboxGenerator.generate(sandbox, pki.settings());
        responder = SandboxOcspResponder.load(sandbox);
    }

    @Test
    void a_revoked_certificate_is_revoked_with_the_crl_date_and_the_answer_is_signed_by_the_delegated_responder() throws Exception {
        BasicOCSPResp answer = ask(leaf("revoked.pem").getSerialNumber(), pki.issuingCaA().certificate());

        SingleResp single = answer.getResponses()[0];
        assertThat(single.getCertStatus()).isInstanceOf(RevokedStatus.class);
        assertThat(((RevokedStatus) single.getCertStatus()).getRevocationTime().toInstant()).isEqualTo(RevocationArtefacts.REVOKED_AT);
        assertThat(single.getThisUpdate().toInstant()).isEqualTo(NOW);
        X509CertificateHolder signer = answer.getCerts()[0];
        assertThat(signer.getEncoded()).isEqualTo(pki.ocspResponderA().certificate().getEncoded());
        assertThat(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer))).isTrue();
    }

    @Test
    void a_certificate_missing_from_the_crl_is_good() throws Exception {
        BasicOCSPResp answer = ask(leaf("qualified-esig.pem").getSerialNumber(), pki.issuingCaA().certificate());

        assertThat(answer.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
    }

    @Test
    void a_certificate_of_another_ca_is_unknown() throws Exception {
        BasicOCSPResp answer = ask(BigInteger.TEN, pki.sealCaB().certificate());

        assertThat(answer.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void garbage_gets_malformed_request_and_an_unknown_responder_nothing() throws Exception {
        byte[] answer = responder.respond(RevocationArtefacts.ISSUING_CA_A, new byte[] {1, 2, 3}, NOW).orElseThrow();

        assertThat(new OCSPResp(answer).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(responder.respond("../crl", new byte[0], NOW)).isEmpty();
        assertThat(responder.respond("nobody", new byte[0], NOW)).isEmpty();
    }

    private static BasicOCSPResp ask(BigInteger serial, X509Certificate issuer) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new X509CertificateHolder(issuer.getEncoded()), serial);
        byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
        OCSPResp response = new OCSPResp(responder.respond(RevocationArtefacts.ISSUING_CA_A, request, NOW).orElseThrow());
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    private static X509Certificate leaf(String fileName) throws Exception {
        Collection<? extends java.security.cert.Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(sandbox.resolve("certs").resolve(fileName))));
        return (X509Certificate) certificates.iterator().next();
    }
}
