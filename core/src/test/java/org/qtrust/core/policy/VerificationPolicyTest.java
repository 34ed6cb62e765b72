package org.qtrust.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.SignatureAlgorithm;
import org.qtrust.core.certificate.SubjectPublicKey;
import org.qtrust.core.certificate.TestCertificates;
import org.qtrust.core.revocation.RevocationMode;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.ServiceStatus.Kind;

class VerificationPolicyTest {

    private final VerificationPolicy eu = VerificationPolicy.euEidas();

    @Test
    void the_eu_default_accepts_granted_ca_qc_services_at_issuance() {
        assertThat(eu.acceptsServiceType(ServiceTypes.CA_QC)).isTrue();
        assertThat(eu.acceptsServiceType(ServiceTypes.CA_PKC)).isFalse();
        assertThat(eu.acceptsServiceType(ServiceTypes.PREFIX + "CA/QC/extra")).isFalse();
        assertThat(eu.statusTime()).isEqualTo(TimeThatCounts.ISSUANCE);
        assertThat(eu.revocation()).isEqualTo(RevocationMode.PREFER);
    }

    @Test
    void a_pre_2016_status_counts_as_its_eidas_equivalent_and_unknown_never() {
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.GRANTED))).isTrue();
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.ACCREDITED))).isTrue();
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.UNDER_SUPERVISION))).isTrue();
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.SUPERVISION_CEASED))).isFalse();
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.SET_BY_NATIONAL_LAW))).isFalse();
        assertThat(eu.acceptsStatus(ServiceStatus.of(Kind.WITHDRAWN))).isFalse();
        assertThat(eu.acceptsStatus(ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/grantedish"))).isFalse();
    }

    @Test
    void a_policy_may_accept_national_statuses_by_name_and_their_pre_2016_form() {
        VerificationPolicy national = new VerificationPolicy("national", "SK", "test", true, Set.of(ServiceTypes.NATIONAL_ROOT_CA_QC),
                Set.of("recognisedatnationallevel"), TimeThatCounts.VALIDATION_TIME, false, Set.of(), false, List.of(),
                RevocationMode.OFF, CryptoConstraints.NONE);
        assertThat(national.acceptsStatus(ServiceStatus.of(Kind.SET_BY_NATIONAL_LAW))).isTrue();
        assertThat(national.acceptsStatus(ServiceStatus.of(Kind.GRANTED))).isFalse();
    }

    @Test
    void a_policy_without_lists_and_anchors_trusts_nothing() {
        VerificationPolicy nothing = new VerificationPolicy("nothing", "XX", "test", false, Set.of(), Set.of(), TimeThatCounts.ISSUANCE,
                false, Set.of(), false, List.of(), RevocationMode.OFF, CryptoConstraints.NONE);
        assertThat(nothing.trustsNothing()).isTrue();
        assertThat(eu.trustsNothing()).isFalse();
    }

    @Test
    void sha1_no_longer_counts_after_the_ts_119_312_date() {
        CryptoConstraints crypto = VerificationPolicy.ts119312();
        SubjectPublicKey rsa2048 = TestCertificates.key("issuer");
        SignatureAlgorithm sha1 = TestCertificates.SHA1_RSA;
        assertThat(crypto.violation(sha1, rsa2048, Instant.parse("2012-07-31T23:59:59Z"))).isEmpty();
        assertThat(crypto.violation(sha1, rsa2048, Instant.parse("2012-08-01T00:00:00Z"))).get().asString()
                .contains("SHA-1").contains("TS 119 312");
        assertThat(crypto.violation(TestCertificates.SHA256_RSA, rsa2048, Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void small_rsa_keys_no_longer_count_after_their_date() {
        CryptoConstraints crypto = VerificationPolicy.ts119312();
        SubjectPublicKey rsa1024 = new SubjectPublicKey(new byte[] {1}, "id", new byte[] {1}, "RSA", 1024);
        assertThat(crypto.violation(TestCertificates.SHA256_RSA, rsa1024, Instant.parse("2019-09-30T00:00:00Z"))).isEmpty();
        assertThat(crypto.violation(TestCertificates.SHA256_RSA, rsa1024, Instant.parse("2019-10-02T00:00:00Z"))).isPresent();
    }

    @Test
    void digest_names_are_normalized() {
        assertThat(CryptoConstraints.normalizeDigest("sha1")).isEqualTo("SHA-1");
        assertThat(CryptoConstraints.normalizeDigest("SHA256")).isEqualTo("SHA-256");
        assertThat(CryptoConstraints.normalizeDigest("SHA3-256")).isEqualTo("SHA3-256");
        assertThat(TimeThatCounts.parse("validation-time")).isEqualTo(TimeThatCounts.VALIDATION_TIME);
    }
}
