package org.qtrust.adapters.crypto.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.trustedlist.ServiceStatus.Kind.GRANTED;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot;
import org.qtrust.adapters.crypto.certificate.fixtures.TestSnapshot.Period;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.KeyUsage;
import org.qtrust.adapters.crypto.testpki.QcStatements;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.core.certificate.CertificateCheck;
import org.qtrust.core.certificate.CertificateDecisionService;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.VerdictCode;
import org.qtrust.core.certificate.index.ListSource;
import org.qtrust.core.certificate.index.TrustedServiceIndex;
import org.qtrust.core.certificate.path.PathBuilder;
import org.qtrust.core.certificate.port.CertificateInspector;
import org.qtrust.core.certificate.port.MalformedCertificateException;
import org.qtrust.core.policy.KeyLimits;
import org.qtrust.core.policy.VerificationPolicy;
import org.qtrust.core.trustedlist.TrustedList;

/**
 * Issue 14.11 / 15.3: keys outside the policy's limits are refused before any signature is
 * verified, and a decision verifies at most {@link PathBuilder#MAX_SIGNATURE_CHECKS} signatures.
 * The hostile keys are built without their private keys (only their SubjectPublicKeyInfo
 * matters: nothing may ever be verified with them), so the tests stay cheap.
 */
class KeyLimitsDecisionTest {

    private static final Instant VALIDATION = Instant.parse("2020-06-01T00:00:00Z");
    private static final Instant ISSUED = Instant.parse("2018-01-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    private final BouncyCastleCertificateInspector real = new BouncyCastleCertificateInspector();
    private final Counting counting = new Counting(real);
    private final TestPki pki = TestPki.create("Key Limits Test");

    /** Counts signature verifications asked of the inspector. */
    private static final class Counting implements CertificateInspector {
        private final CertificateInspector delegate;
        private final AtomicInteger verifications = new AtomicInteger();

        Counting(CertificateInspector delegate) {
            this.delegate = delegate;
        }

        @Override
        public CertificateFacts inspect(byte[] der) throws MalformedCertificateException {
            return delegate.inspect(der);
        }

        @Override
        public SubjectPublicKey publicKey(byte[] subjectPublicKeyInfo) throws MalformedCertificateException {
            return delegate.publicKey(subjectPublicKeyInfo);
        }

        @Override
        public boolean signatureVerifies(CertificateFacts certificate, SubjectPublicKey issuerKey) {
            verifications.incrementAndGet();
            return delegate.signatureVerifies(certificate, issuerKey);
        }
    }

    /** A public key given only as its SubjectPublicKeyInfo (no private key exists for it). */
    private record BareKey(String algorithm, byte[] encoded) implements PublicKey {
        @Override
        public String getAlgorithm() {
            return algorithm;
        }

        @Override
        public String getFormat() {
            return "X.509";
        }

        @Override
        public byte[] getEncoded() {
            return encoded.clone();
        }
    }

    private static PublicKey rsa(int bits, BigInteger exponent) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.valueOf(0x2F)); // odd, exactly `bits` long
        try {
            return new BareKey("RSA", new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus, exponent)).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey ecOn(String curveOid) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        point[64] = 0x01;
        try {
            return new BareKey("EC", new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                    new ASN1ObjectIdentifier(curveOid)), point).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An intermediate CA with the given public key, signed by the root; what it "signs" is signed by an unrelated key. */
    private Credential intermediateWith(String name, PublicKey key) {
        PrivateKey unrelated = TestPki.ecKey("unrelated signer").getPrivate();
        return pki.certificate("CN=" + name + ",O=Key Limits Test,C=EU").issuedBy(pki.root())
                .key(new KeyPair(key, unrelated)).ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
    }

    private Credential leafUnder(String name, Credential issuer) {
        return pki.endEntity(name).issuedBy(issuer).validity(ISSUED, EXPIRES)
                .qcStatements(QcStatements.create().compliance().type(QcStatements.QCT_ESIGN).encoded()).issue();
    }

    private CertificateDecisionService decisions(VerificationPolicy policy) {
        TrustedList list = TestSnapshot.list("BE", "Key Limits TSP",
                TestSnapshot.service("Root QC CA", pki.root().certificate(), Period.of(GRANTED, "2016-07-01T00:00:00Z")));
        return new CertificateDecisionService(TrustedServiceIndex.build(List.of(ListSource.accepted(list)), List.of(), real),
                counting, policy);
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CertificateVerdict verify(CertificateDecisionService service, Credential leaf, Credential... chain) {
        List<byte[]> given = new ArrayList<>();
        for (Credential credential : chain) {
            given.add(der(credential.certificate()));
        }
        return service.verify(new CertificateCheck(der(leaf.certificate()), given, VALIDATION));
    }

    @Test
    void a_16384_bit_rsa_intermediate_is_refused_before_any_signature_is_verified() {
        Credential huge = intermediateWith("Huge RSA CA", rsa(16384, BigInteger.valueOf(65537)));
        Credential leaf = leafUnder("Alice", huge);

        CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas()), leaf, huge);

        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.code()).isEqualTo(VerdictCode.WEAK_ALGORITHM);
        assertThat(counting.verifications.get()).as("signature verifications attempted").isZero();
        assertThat(verdict.trace()).anyMatch(line -> line.contains("Huge RSA CA")
                && line.contains("RSA-16384 key above the policy's maximum of 8192 bits")
                && line.contains("before any signature is verified"));
    }

    @Test
    void an_rsa_key_at_the_maximum_is_not_refused_for_its_size() {
        Credential atMax = intermediateWith("Big RSA CA", rsa(8192, BigInteger.valueOf(65537)));
        Credential leaf = leafUnder("Bob", atMax);

        CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas()), leaf, atMax);

        // the key is within the limits, so it is tried: it did not sign the leaf (an unrelated key did)
        assertThat(verdict.code()).isEqualTo(VerdictCode.INVALID_CERTIFICATE_CHAIN);
        assertThat(counting.verifications.get()).isPositive();
        assertThat(verdict.trace()).noneMatch(line -> line.contains("above the policy's maximum"));
    }

    @Test
    void an_rsa_public_exponent_above_2_to_the_32_is_refused() {
        Credential oddExponent = intermediateWith("Odd Exponent CA", rsa(2048, BigInteger.ONE.shiftLeft(33).add(BigInteger.ONE)));
        Credential leaf = leafUnder("Carol", oddExponent);

        CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas()), leaf, oddExponent);

        assertThat(verdict.code()).isEqualTo(VerdictCode.WEAK_ALGORITHM);
        assertThat(counting.verifications.get()).isZero();
        assertThat(verdict.trace()).anyMatch(line -> line.contains("public exponent of 34 bits, above 2^32"));
    }

    @Test
    void an_ec_key_on_a_curve_the_policy_does_not_allow_is_refused() {
        Credential k1 = intermediateWith("secp256k1 CA", ecOn("1.3.132.0.10"));
        Credential leaf = leafUnder("Dave", k1);

        CertificateVerdict verdict = verify(decisions(VerificationPolicy.euEidas()), leaf, k1);

        assertThat(verdict.code()).isEqualTo(VerdictCode.WEAK_ALGORITHM);
        assertThat(counting.verifications.get()).isZero();
        assertThat(verdict.trace()).anyMatch(line -> line.contains("curve 1.3.132.0.10, which the policy does not allow")
                || line.contains("curve secp256k1, which the policy does not allow"));
    }

    @Test
    void a_policy_may_narrow_the_curves_and_a_listed_key_outside_them_is_never_tried() {
        VerificationPolicy eu = VerificationPolicy.euEidas();
        VerificationPolicy p384Only = new VerificationPolicy("p384-only", "EU", "only P-384 and RSA", true,
                eu.acceptedServiceTypes(), eu.acceptedStatuses(), eu.statusTime(), false, Set.of(), false, List.of(),
                eu.revocation(), eu.crypto().withKeyLimits(new KeyLimits(8192, Set.of("1.3.132.0.34"))));
        Credential rsaLeaf = pki.endEntity("Erin").issuedBy(pki.intermediate()).rsaKey("erin").validity(ISSUED, EXPIRES).issue();

        CertificateVerdict refused = verify(decisions(p384Only), rsaLeaf, pki.intermediate());
        int refusedChecks = counting.verifications.getAndSet(0);
        CertificateVerdict allowed = verify(decisions(eu), rsaLeaf, pki.intermediate());

        assertThat(refused.code()).isEqualTo(VerdictCode.WEAK_ALGORITHM);
        assertThat(refusedChecks).isZero();
        assertThat(refused.trace()).anyMatch(line -> line.contains("curve P-256, which the policy does not allow"));
        assertThat(allowed.code()).isEqualTo(VerdictCode.OK);
    }

    @Test
    void the_listed_anchor_key_is_checked_against_the_limits_too() {
        VerificationPolicy eu = VerificationPolicy.euEidas();
        // RSA only for the chain's certificates; the listed root is P-256
        VerificationPolicy noCurves = new VerificationPolicy("rsa-only", "EU", "RSA keys only", true,
                eu.acceptedServiceTypes(), eu.acceptedStatuses(), eu.statusTime(), false, Set.of(), false, List.of(),
                eu.revocation(), eu.crypto().withKeyLimits(new KeyLimits(8192, Set.of())));
        Credential rsaCa = pki.certificate("CN=RSA Issuing CA,O=Key Limits Test,C=EU").issuedBy(pki.root()).rsaKey("rsa ca")
                .ca(0).keyUsage(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN).issue();
        Credential rsaLeaf = pki.endEntity("Frank").issuedBy(rsaCa).rsaKey("frank").validity(ISSUED, EXPIRES).issue();

        CertificateVerdict verdict = verify(decisions(noCurves), rsaLeaf, rsaCa);

        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.code()).isEqualTo(VerdictCode.ISSUER_NOT_TRUSTED);
        assertThat(verdict.trace()).anyMatch(line -> line.contains("listed key of") && line.contains("not tried")
                && line.contains("which the policy does not allow"));
        assertThat(counting.verifications.get()).as("only the leaf's signature, by the RSA CA").isEqualTo(1);
    }

    @Test
    void at_most_a_fixed_number_of_candidate_issuers_is_tried_per_decision() {
        String issuerName = pki.intermediate().subject();
        List<Credential> lookAlikes = new ArrayList<>();
        for (int i = 0; i < PathBuilder.MAX_SIGNATURE_CHECKS + 8; i++) {
            lookAlikes.add(pki.certificate(issuerName).issuedBy(pki.root()).ecKey("look-alike " + i).ca(0)
                    .keyUsage(KeyUsage.KEY_CERT_SIGN).issue());
        }
        Credential leaf = leafUnder("Grace", pki.intermediate());
        List<Credential> hostile = new ArrayList<>(lookAlikes);
        hostile.add(pki.intermediate());

        CertificateVerdict flooded = verify(decisions(VerificationPolicy.euEidas()), leaf, hostile.toArray(Credential[]::new));
        int floodedChecks = counting.verifications.getAndSet(0);
        CertificateVerdict plain = verify(decisions(VerificationPolicy.euEidas()), leaf, pki.intermediate());

        assertThat(flooded.trusted()).isFalse();
        assertThat(floodedChecks).isEqualTo(PathBuilder.MAX_SIGNATURE_CHECKS);
        assertThat(flooded.trace()).anyMatch(line -> line.contains("stopped after " + PathBuilder.MAX_SIGNATURE_CHECKS
                + " signature verifications"));
        assertThat(plain.code()).isEqualTo(VerdictCode.OK);
    }
}
