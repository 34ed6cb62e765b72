package org.qtrust.cli.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.qtrust.adapters.crypto.guice.CryptoAdapterModule;
import org.qtrust.adapters.crypto.mdoc.MdocIssuer;
import org.qtrust.adapters.crypto.pki.CertificateBuilder;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.port.CborCodec;
import org.qtrust.core.credential.mdoc.port.CoseSignatures;
import org.qtrust.core.credential.port.JsonWebTokens;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * The mdoc workload of {@code qtrust bench credentials --format mso_mdoc}: a DeviceResponse with
 * an mDL of {@value #ELEMENTS} issuer-signed elements, issuerAuth ES256 by a Document Signer
 * (x5chain DS + IACA, the IACA a plain anchor) and a deviceSignature ES256 over an OpenID4VP
 * session transcript. Each verification reads the CBOR, checks Annex B, both signatures, the
 * MSO and every digest; the chain decision is cached, as in a verifier.
 */
final class MdocBench {

    static final int ELEMENTS = 10;
    private static final String MDL = "org.iso.18013.5.1.mDL";

    private MdocBench() {
    }

    static Supplier<CredentialCode> verification(Instant time) {
        Injector crypto = Guice.createInjector(new CryptoAdapterModule());
        CborCodec cbor = crypto.getInstance(CborCodec.class);
        KeyAndCertificate iaca = CertificateBuilder.subject("CN=QTrust Bench IACA,C=XX", keys(), BigInteger.ONE).selfSigned().ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).validity(time.minusSeconds(86_400 * 30), time.plusSeconds(86_400 * 365)).issue();
        KeyAndCertificate ds = CertificateBuilder.subject("CN=QTrust Bench DS,C=XX", keys(), BigInteger.TWO).issuedBy(iaca).endEntity()
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE).extendedKeyUsage(MdocVerificationService.DS_EXTENDED_KEY_USAGE)
                .validity(time.minusSeconds(86_400 * 30), time.plusSeconds(86_400 * 365)).issue();
        KeyPair device = keys();
        CertificateInspector inspector = crypto.getInstance(CertificateInspector.class);
        // The bench's IACA is a plain anchor: its policy names the anchor source for mDLs explicitly (issue 13.1 roles).
        VerificationPolicy policy = VerificationPolicy.euEidas().withAdditionalAnchors(
                List.of(new PlainTrustAnchor("XX", "QTrust Bench IACA", ServiceCertificate.of(iaca.certificate()))))
                .withCredentialIssuers(CredentialIssuerPolicy.anchorsFor(CredentialKindRule.euDefault(), CredentialKind.MDL))
                .forCredentialIssuers();
        CertificateDecisionService decisions = new CertificateDecisionService(
                TrustedServiceIndex.build(List.of(), policy.plainAnchors(), inspector), inspector, policy);
        MdocVerificationService verifier = MdocVerificationService.offline(new IssuerTrust.CertificateChain(decisions), cbor,
                crypto.getInstance(CoseSignatures.class), crypto.getInstance(JsonWebTokens.class));

        Map<String, Cbor> elements = new LinkedHashMap<>();
        elements.put("family_name", Cbor.text("Mustermann"));
        elements.put("given_name", Cbor.text("Erika"));
        elements.put("birth_date", MdocIssuer.fullDate("1964-08-12"));
        elements.put("issue_date", MdocIssuer.fullDate("2026-01-01"));
        elements.put("expiry_date", MdocIssuer.fullDate("2031-01-01"));
        elements.put("issuing_country", Cbor.text("XX"));
        elements.put("issuing_authority", Cbor.text("QTrust Bench"));
        elements.put("document_number", Cbor.text("B-123456789"));
        elements.put("age_over_18", new Cbor.Bool(true));
        elements.put("driving_privileges", Cbor.array(new Cbor.Map(Map.of(Cbor.text("vehicle_category_code"), Cbor.text("B")))));
        MdocIssuer issuer = new MdocIssuer(cbor, ds.privateKey(), List.of(ds.certificate(), iaca.certificate()), CoseAlgorithm.ES256,
                new SecureRandom());
        SessionTranscript transcript = SessionTranscript.openId4Vp(cbor, "x509_san_dns:verifier.bench.test",
                "https://verifier.bench.test/response", "bench-nonce", Optional.empty());
        byte[] response = issuer.deviceResponse(MDL, issuer.issue(MdocIssuer.Request.of(MDL, Map.of("org.iso.18013.5.1", elements),
                time.minusSeconds(3600), time.plusSeconds(86_400), device.getPublic())), device.getPrivate(), CoseAlgorithm.ES256, transcript);
        MdocCheck check = MdocCheck.of(response, time).withTranscript(transcript).requiringDeviceAuthentication(true);
        return () -> verifier.verify(check).code();
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
