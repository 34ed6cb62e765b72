package org.qtrust.adapters.crypto.mdoc;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qtrust.adapters.crypto.certificate.BouncyCastleCertificateInspector;
import org.qtrust.adapters.crypto.pki.CertificateBuilder;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.qtrust.adapters.crypto.pki.KeyUsage;
import org.qtrust.adapters.crypto.sdjwt.Jose4jWebTokens;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.credential.IssuerTrust;
import org.qtrust.core.credential.mdoc.CoseAlgorithm;
import org.qtrust.core.credential.mdoc.MdocCheck;
import org.qtrust.core.credential.mdoc.MdocVerificationService;
import org.qtrust.core.credential.mdoc.SessionTranscript;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.policy.CredentialIssuerPolicy;
import org.qtrust.core.policy.CredentialKind;
import org.qtrust.core.policy.CredentialKindRule;
import org.qtrust.core.policy.PlainTrustAnchor;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceCertificate;

/**
 * An mdoc test world: an IACA (country UT) and its Document Signer with the mdlDS extended key
 * usage, a holder (device) key, an mDL issued with them, and a verifier that trusts the IACA as a
 * plain anchor. Each piece can be made wrong.
 */
public final class MdocWorld {

    public static final String MDL = "org.iso.18013.5.1.mDL";
    public static final String NAMESPACE = "org.iso.18013.5.1";
    public static final Instant SIGNED = Instant.parse("2026-11-01T10:00:00Z");
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    public static final Instant UNTIL = Instant.parse("2027-11-01T10:00:00Z");
    public static final String CLIENT_ID = "x509_san_dns:verifier.example";
    public static final String RESPONSE_URI = "https://verifier.example/response";
    public static final String NONCE = "n-0S6_WzA2Mj";

    public final JacksonCborCodec cbor = new JacksonCborCodec();
    public final BouncyCastleCoseSignatures cose = new BouncyCastleCoseSignatures();
    public final Jose4jWebTokens jose = new Jose4jWebTokens();
    public final KeyAndCertificate iaca;
    public final KeyAndCertificate documentSigner;
    public final KeyPair device;

    public MdocWorld() {
        iaca = CertificateBuilder.subject("CN=Utopia Test IACA, C=UT", keys("secp256r1"), BigInteger.ONE).selfSigned()
                .validity(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z")).ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
        documentSigner = ds("CN=Utopia Test DS, C=UT", iaca, MdocVerificationService.DS_EXTENDED_KEY_USAGE);
        device = keys("secp256r1");
    }

    public static KeyPair keys(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyAndCertificate ds(String subject, KeyAndCertificate issuer, String... extendedKeyUsage) {
        CertificateBuilder builder = CertificateBuilder.subject(subject, keys("secp256r1"), BigInteger.TWO).issuedBy(issuer)
                .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z")).endEntity()
                .keyUsage(KeyUsage.DIGITAL_SIGNATURE);
        if (extendedKeyUsage.length > 0) {
            builder = builder.extendedKeyUsage(extendedKeyUsage);
        }
        return builder.issue();
    }

    public MdocIssuer issuer() {
        return issuer(documentSigner);
    }

    public MdocIssuer issuer(KeyAndCertificate signer) {
        return new MdocIssuer(cbor, signer.privateKey(), List.of(signer.certificate()), CoseAlgorithm.ES256, new SecureRandom());
    }

    public static Map<String, Map<String, Cbor>> mdlElements() {
        Map<String, Cbor> elements = new LinkedHashMap<>();
        elements.put("family_name", Cbor.text("Mustermann"));
        elements.put("given_name", Cbor.text("Erika"));
        elements.put("birth_date", MdocIssuer.fullDate("1964-08-12"));
        elements.put("issue_date", MdocIssuer.tdate(Instant.parse("2026-11-01T00:00:00Z")));
        elements.put("portrait", Cbor.bytes(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}));
        elements.put("age_over_18", new Cbor.Bool(true));
        elements.put("driving_privileges", Cbor.array(new Cbor.Map(Map.of(Cbor.text("vehicle_category_code"), Cbor.text("B")))));
        return Map.of(NAMESPACE, elements);
    }

    public MdocIssuer.Request mdl() {
        return MdocIssuer.Request.of(MDL, mdlElements(), SIGNED, UNTIL, device.getPublic());
    }

    public SessionTranscript transcript() {
        return SessionTranscript.openId4Vp(cbor, CLIENT_ID, RESPONSE_URI, NONCE, Optional.empty());
    }

    public byte[] present(Cbor.Map issuerSigned) {
        return issuer().deviceResponse(MDL, issuerSigned, device.getPrivate(), CoseAlgorithm.ES256, transcript());
    }

    public byte[] presentMdl() {
        return present(issuer().issue(mdl()));
    }

    public MdocCheck check(byte[] presentation) {
        return MdocCheck.of(presentation, NOW).withTranscript(transcript()).requiringDeviceAuthentication(true);
    }

    /** The issuer trust of {@link #verifier(X509Certificate...)}: the anchors widened for mDL issuers. */
    public IssuerTrust trust(X509Certificate... anchors) {
        BouncyCastleCertificateInspector inspector = new BouncyCastleCertificateInspector();
        List<PlainTrustAnchor> plain = java.util.Arrays.stream(anchors)
                .map(a -> new PlainTrustAnchor("UT", "Utopia IACA", ServiceCertificate.of(a))).toList();
        // The test IACA is a plain anchor: the policy names the anchor source for mDLs explicitly (issue 13.1 roles).
        VerificationPolicy policy = VerificationPolicy.euEidas().withAdditionalAnchors(plain).withRevocation(RevocationMode.OFF)
                .withCredentialIssuers(CredentialIssuerPolicy.anchorsFor(CredentialKindRule.euDefault(), CredentialKind.MDL))
                .forCredentialIssuers();
        CertificateDecisionService decisions = new CertificateDecisionService(TrustedServiceIndex.build(List.of(), plain, inspector),
                inspector, policy);
        return new IssuerTrust.CertificateChain(decisions);
    }

    public MdocVerificationService verifier(X509Certificate... anchors) {
        return MdocVerificationService.offline(trust(anchors), cbor, cose, jose);
    }

    /** A self-signed IACA of Utopia (UT). */
    public static KeyAndCertificate iaca(String subject) {
        return CertificateBuilder.subject(subject, keys("secp256r1"), BigInteger.valueOf(new java.security.SecureRandom().nextInt(1 << 30))).selfSigned()
                .validity(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2035-01-01T00:00:00Z")).ca(0)
                .keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    }

    public MdocVerificationService verifier() {
        return verifier(iaca.certificate());
    }

    public static Instant days(Instant from, long days) {
        return from.plus(days, ChronoUnit.DAYS);
    }
}
