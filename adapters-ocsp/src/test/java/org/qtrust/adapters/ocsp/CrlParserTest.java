package org.qtrust.adapters.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.qtrust.adapters.ocsp.testing.TestPki;

/** The CRL reader on CRLs with the extensions that change what a CRL proves. */
class CrlParserTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final TestPki.Identity CA = TestPki.rootCa("Parser CA", NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)));

    private static X509v2CRLBuilder builder() {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(CA.name(), Date.from(NOW.minusSeconds(60)));
        builder.setNextUpdate(Date.from(NOW.plus(Duration.ofDays(1))));
        return builder;
    }

    private static CrlParser.Parsed parse(X509v2CRLBuilder builder) throws Exception {
        byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.privateKey())).getEncoded();
        return CrlParser.parse(der, Bc.holder(CA.certificate()), "http://test/crl", List.of());
    }

    @Test
    void entries_keep_their_time_and_reason() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addCRLEntry(BigInteger.TEN, Date.from(NOW.minusSeconds(3600)), CRLReason.affiliationChanged);
        builder.addCRLEntry(BigInteger.TWO, Date.from(NOW.minusSeconds(7200)), 0); // 0: Bouncy Castle adds no reason
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(42)));

        CrlSnapshot snapshot = parse(builder).snapshot().orElseThrow();

        assertThat(snapshot.revoked().get(BigInteger.TEN).revokedAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(snapshot.revoked().get(BigInteger.TEN).reasonCode())
                .contains(org.qtrust.core.revocation.RevocationReason.AFFILIATION_CHANGED);
        assertThat(snapshot.revoked().get(BigInteger.TWO).reasonCode()).isEmpty();
        assertThat(snapshot.nextUpdate()).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void a_delta_crl_is_refused() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.ONE));

        CrlParser.Parsed parsed = parse(builder);

        assertThat(parsed.snapshot()).isEmpty();
        assertThat(parsed.trace()).anyMatch(line -> line.contains("a delta CRL"));
    }

    @Test
    void an_unknown_critical_extension_makes_the_crl_unusable() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.5"), true, new DERSequence());

        assertThat(parse(builder).trace()).anyMatch(line -> line.contains("unsupported critical extension 1.2.3.4.5"));
    }

    @Test
    void a_crl_for_ca_certificates_only_does_not_answer_for_an_end_entity() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(null, false, true, null, false, false));

        Evidence evidence = parse(builder).snapshot().orElseThrow().lookup(BigInteger.TEN, false, List.of(), List.of());

        assertThat(evidence.kind()).isEqualTo(Evidence.Kind.FAILED);
        assertThat(evidence.trace()).anyMatch(line -> line.contains("CA certificates only"));
    }

    @Test
    void an_indirect_crl_keeps_only_the_entries_of_the_issuing_ca() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true,
                new IssuingDistributionPoint(null, false, false, null, true, false));
        builder.addCRLEntry(BigInteger.ONE, Date.from(NOW.minusSeconds(60)), CRLReason.keyCompromise);
        GeneralNames other = new GeneralNames(new GeneralName(new X500Name("CN=Another CA")));
        builder.addCRLEntry(BigInteger.TWO, Date.from(NOW.minusSeconds(60)), new Extensions(
                new Extension(Extension.certificateIssuer, true, other.getEncoded())));
        builder.addCRLEntry(BigInteger.TEN, Date.from(NOW.minusSeconds(60)), CRLReason.superseded); // still Another CA

        CrlSnapshot snapshot = parse(builder).snapshot().orElseThrow();

        assertThat(snapshot.revoked()).containsOnlyKeys(BigInteger.ONE);
        assertThat(snapshot.loadTrace()).anyMatch(line -> line.contains("2 of other issuers skipped"));
    }

    @Test
    void only_some_reasons_cannot_prove_good() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(null, false, false,
                new org.bouncycastle.asn1.x509.ReasonFlags(org.bouncycastle.asn1.x509.ReasonFlags.keyCompromise),
                false, false));

        Evidence evidence = parse(builder).snapshot().orElseThrow().lookup(BigInteger.TEN, false, List.of(), List.of());

        assertThat(evidence.kind()).isEqualTo(Evidence.Kind.FAILED);
        assertThat(evidence.trace()).anyMatch(line -> line.contains("onlySomeReasons"));
    }

    private static final List<GeneralName> THIS_POINT = List.of(
            new GeneralName(GeneralName.uniformResourceIdentifier, "http://test/crl"));

    private static IssuingDistributionPoint idpNaming(String uri) {
        return new IssuingDistributionPoint(new org.bouncycastle.asn1.x509.DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, uri))), false, false, null, false, false);
    }

    @Test
    void a_crl_scoped_to_another_distribution_point_does_not_answer() throws Exception {
        // RFC 5280 §6.3.3 (b)(2)(i): the IDP's name must match one of the certificate's distribution point names
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true, idpNaming("http://test/partition-2.crl"));

        Evidence evidence = parse(builder).snapshot().orElseThrow().lookup(BigInteger.TEN, false, THIS_POINT, List.of());

        assertThat(evidence.kind()).isEqualTo(Evidence.Kind.FAILED);
        assertThat(evidence.trace()).anyMatch(line -> line.contains("http://test/partition-2.crl")
                && line.contains("RFC 5280 §6.3.3 (b)(2)(i)"));
    }

    @Test
    void a_crl_scoped_to_the_certificates_distribution_point_answers() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true, idpNaming("http://test/crl"));

        Evidence evidence = parse(builder).snapshot().orElseThrow().lookup(BigInteger.TEN, false, THIS_POINT, List.of());

        assertThat(evidence.kind()).isEqualTo(Evidence.Kind.GOOD);
    }

    @Test
    void a_distribution_point_named_relative_to_the_crl_issuer_is_not_matched() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                new org.bouncycastle.asn1.x509.DistributionPointName(org.bouncycastle.asn1.x509.DistributionPointName.NAME_RELATIVE_TO_CRL_ISSUER,
                        new org.bouncycastle.asn1.x500.RDN(org.bouncycastle.asn1.x500.style.BCStyle.OU,
                                new org.bouncycastle.asn1.DERUTF8String("partition 1"))), false, false, null, false, false));

        Evidence evidence = parse(builder).snapshot().orElseThrow().lookup(BigInteger.TEN, false, THIS_POINT, List.of());

        assertThat(evidence.kind()).isEqualTo(Evidence.Kind.FAILED);
        assertThat(evidence.trace()).anyMatch(line -> line.contains("relative to the CRL issuer"));
    }

    @Test
    void a_delta_crl_marked_non_critical_is_refused_too() throws Exception {
        X509v2CRLBuilder builder = builder();
        builder.addExtension(Extension.deltaCRLIndicator, false, new CRLNumber(BigInteger.ONE));

        CrlParser.Parsed parsed = parse(builder);

        assertThat(parsed.snapshot()).isEmpty();
        assertThat(parsed.trace()).anyMatch(line -> line.contains("a delta CRL") && line.contains("RFC 5280 §5.2.4"));
    }

    @Test
    void a_ca_whose_key_usage_lacks_crl_sign_may_not_sign_crls() throws Exception {
        // RFC 5280 §6.3.3 (f)
        java.security.KeyPair keys = TestPki.ecKeys();
        X500Name name = new X500Name("CN=No CRL Sign CA,O=QTrust Test,C=EU");
        java.security.cert.X509Certificate ca = TestPki.build(name, keys.getPublic(), name, keys.getPrivate(), BigInteger.ONE,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(1)), b -> {
                    TestPki.add(b, Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(true));
                    TestPki.add(b, Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(
                            org.bouncycastle.asn1.x509.KeyUsage.keyCertSign));
                });
        byte[] crl = TestPki.crl(name, keys.getPrivate(), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)), java.util.Map.of());

        CrlParser.Parsed refused = CrlParser.parse(crl, Bc.holder(ca), "http://test/crl", List.of());
        CrlParser.Parsed accepted = CrlParser.parse(TestPki.crl(CA.name(), CA.privateKey(), NOW.minusSeconds(60),
                NOW.plus(Duration.ofDays(1)), java.util.Map.of()), Bc.holder(CA.certificate()), "http://test/crl", List.of());

        assertThat(refused.snapshot()).isEmpty();
        assertThat(refused.trace()).anyMatch(line -> line.contains("without cRLSign") && line.contains("§6.3.3 (f)"));
        assertThat(accepted.snapshot()).as("the CA with keyCertSign and cRLSign").isPresent();
    }

    @Test
    void a_distribution_point_with_a_crl_issuer_is_refused_explicitly() throws Exception {
        org.bouncycastle.asn1.x509.CRLDistPoint points = new org.bouncycastle.asn1.x509.CRLDistPoint(
                new org.bouncycastle.asn1.x509.DistributionPoint[] {new org.bouncycastle.asn1.x509.DistributionPoint(
                        new org.bouncycastle.asn1.x509.DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, "http://test/indirect.crl"))),
                        null, new GeneralNames(new GeneralName(new X500Name("CN=Separate CRL Issuer"))))});
        Extensions extensions = new Extensions(new Extension(Extension.cRLDistributionPoints, false, points.getEncoded()));

        List<CertificateLocations.CrlPoint> read = CertificateLocations.crlPoints(extensions);

        assertThat(read).hasSize(1);
        assertThat(read.get(0).unsupported()).anyMatch(line -> line.contains("an indirect CRL")
                && line.contains("refused") && line.contains("§6.3.3 (b)(1)"));
    }

    @Test
    void times_are_read_in_both_asn1_forms() {
        assertThat(CrlParser.time(new ASN1UTCTime("491231235959Z"))).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(CrlParser.time(new ASN1UTCTime("500101000000Z"))).isEqualTo(Instant.parse("1950-01-01T00:00:00Z"));
        assertThat(CrlParser.time(new ASN1GeneralizedTime("20510101120000Z"))).isEqualTo(Instant.parse("2051-01-01T12:00:00Z"));
        assertThat(CrlParser.time(new ASN1GeneralizedTime("20510101120000.5Z")))
                .isEqualTo(Instant.parse("2051-01-01T12:00:00.500Z"));
    }

    @Test
    void the_tbs_range_is_found_in_definite_encodings() {
        byte[] der = TestPki.crl(CA.name(), CA.privateKey(), NOW, NOW.plusSeconds(60), java.util.Map.of());
        int[] range = CrlParser.tbsRange(der);

        assertThat(range).isNotNull();
        assertThat(der[range[0]]).isEqualTo((byte) 0x30);
        assertThat(CrlParser.tbsRange(new byte[] {0x30, (byte) 0x80, 0, 0})).isNull();
    }
}
