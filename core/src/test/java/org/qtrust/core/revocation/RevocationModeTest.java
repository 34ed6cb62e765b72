package org.qtrust.core.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationModeTest {

    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private static RevocationOutcome good() {
        return new RevocationOutcome(RevocationStatus.GOOD, true, Optional.of(RevocationSource.OCSP), Optional.of(T),
                Optional.of(T), Optional.of(T.plusSeconds(3600)), Optional.empty(), Optional.empty(), List.of());
    }

    private static RevocationOutcome revoked() {
        return new RevocationOutcome(RevocationStatus.REVOKED, true, Optional.of(RevocationSource.CRL), Optional.empty(),
                Optional.of(T), Optional.empty(), Optional.of(T.minusSeconds(60)),
                Optional.of(RevocationReason.KEY_COMPROMISE), List.of());
    }

    private static final RevocationOutcome UNKNOWN = RevocationOutcome.unknown(List.of("responder down"));

    @Test
    void require_refuses_unknown_with_revocation_unknown() {
        RevocationJudgement judgement = RevocationMode.REQUIRE.judge(UNKNOWN);

        assertThat(judgement.trusted()).isFalse();
        assertThat(judgement.problem().orElseThrow().code()).isEqualTo("revocation_unknown");
        assertThat(RevocationMode.REQUIRE.judge(good()).trusted()).isTrue();
    }

    @Test
    void prefer_accepts_unknown_with_a_warning() {
        RevocationJudgement judgement = RevocationMode.PREFER.judge(UNKNOWN);

        assertThat(judgement.trusted()).isTrue();
        assertThat(judgement.warning()).hasValueSatisfying(w -> assertThat(w).contains("unknown"));
        assertThat(RevocationMode.PREFER.judge(good()).warning()).isEmpty();
    }

    @Test
    void revoked_is_never_trusted_unless_checking_is_off() {
        assertThat(RevocationMode.REQUIRE.judge(revoked()).problem()).contains(RevocationProblem.REVOKED);
        assertThat(RevocationMode.PREFER.judge(revoked()).problem().orElseThrow().code()).isEqualTo("certificate_revoked");
        assertThat(RevocationMode.OFF.judge(revoked()).trusted()).isTrue();
    }

    @Test
    void modes_and_sources_parse_from_their_codes() {
        assertThat(RevocationMode.parse("Require")).isEqualTo(RevocationMode.REQUIRE);
        assertThat(RevocationMode.parse("off").code()).isEqualTo("off");
        assertThat(RevocationSource.parse("crl")).isEqualTo(RevocationSource.CRL);
        assertThatThrownBy(() -> RevocationMode.parse("maybe")).hasMessageContaining("require, prefer or off");
    }

    @Test
    void reasons_carry_their_rfc_5280_codes_and_names() {
        assertThat(RevocationReason.fromAsn1Code(1)).contains(RevocationReason.KEY_COMPROMISE);
        assertThat(RevocationReason.fromAsn1Code(7)).isEmpty();
        assertThat(RevocationReason.CA_COMPROMISE.code()).isEqualTo("cACompromise");
        assertThat(RevocationStatus.REVOKED.code()).isEqualTo("revoked");
    }

    @Test
    void outcomes_are_consistent() {
        assertThatThrownBy(() -> new RevocationOutcome(RevocationStatus.REVOKED, true, Optional.of(RevocationSource.CRL),
                Optional.empty(), Optional.of(T), Optional.empty(), Optional.empty(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RevocationOutcome.notChecked("off").checked()).isFalse();
    }

    @Test
    void a_policy_lists_each_source_once() {
        assertThatThrownBy(() -> RevocationPolicy.defaults().withOrder(List.of(RevocationSource.OCSP, RevocationSource.OCSP)))
                .isInstanceOf(IllegalArgumentException.class);
        RevocationPolicy policy = RevocationPolicy.defaults();
        assertThat(policy.order()).containsExactly(RevocationSource.OCSP, RevocationSource.CRL);
        assertThat(policy.mode()).isEqualTo(RevocationMode.PREFER);
    }
}
