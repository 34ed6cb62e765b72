package org.qtrust.core.certificate.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qtrust.core.certificate.qualification.CriteriaMatcher.Match.NOT_SELECTED;
import static org.qtrust.core.certificate.qualification.CriteriaMatcher.Match.SELECTED;
import static org.qtrust.core.certificate.qualification.CriteriaMatcher.Match.UNDECIDABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qtrust.core.certificate.CertificateFacts;
import org.qtrust.core.certificate.KeyUsageBit;
import org.qtrust.core.certificate.TestCertificates;
import org.qtrust.core.trustedlist.CriteriaList;
import org.qtrust.core.trustedlist.CriteriaList.Assertion;

class CriteriaMatcherTest {

    private static final String QCP_N_QSCD = "0.4.0.194112.1.2";
    private static final String QCP_N = "0.4.0.194112.1.0";
    private static final String ORG_ID = "2.5.4.97";

    private final CertificateFacts signing = TestCertificates.certificate("CN=Signer")
            .keyUsage(Set.of(KeyUsageBit.NON_REPUDIATION)).policies(List.of(QCP_N_QSCD, "1.2.3.4"))
            .extendedKeyUsage(List.of("1.3.6.1.5.5.7.3.4")).subjectAttributeTypes(Set.of("2.5.4.3", ORG_ID)).build();

    private static CriteriaList list(Assertion assertion, List<Map<String, Boolean>> keyUsages, List<List<String>> policySets,
                                     List<String> eku, List<String> dn, List<CriteriaList> nested) {
        return new CriteriaList(assertion, keyUsages, policySets, eku, dn, nested);
    }

    @Test
    void key_usage_criterion_needs_every_listed_bit_with_its_value() {
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(Map.of("nonRepudiation", true)), List.of(), List.of(), List.of(), List.of()), signing))
                .isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(Map.of("nonRepudiation", true, "digitalSignature", true)),
                List.of(), List.of(), List.of(), List.of()), signing)).isEqualTo(NOT_SELECTED);
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(Map.of("digitalSignature", false)), List.of(), List.of(),
                List.of(), List.of()), signing)).isEqualTo(SELECTED);
    }

    @Test
    void a_certificate_without_key_usage_has_no_bit_set() {
        CertificateFacts noKeyUsage = TestCertificates.certificate("CN=Old").keyUsage(null).build();
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(Map.of("nonRepudiation", false)), List.of(), List.of(),
                List.of(), List.of()), noKeyUsage)).isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(Map.of("nonRepudiation", true)), List.of(), List.of(),
                List.of(), List.of()), noKeyUsage)).isEqualTo(NOT_SELECTED);
    }

    @Test
    void a_policy_set_needs_all_its_policies_and_at_least_one_needs_one_set() {
        CriteriaList both = list(Assertion.ALL, List.of(), List.of(List.of(QCP_N_QSCD, "1.2.3.4")), List.of(), List.of(), List.of());
        CriteriaList missing = list(Assertion.ALL, List.of(), List.of(List.of(QCP_N_QSCD, QCP_N)), List.of(), List.of(), List.of());
        CriteriaList eitherSet = list(Assertion.AT_LEAST_ONE, List.of(), List.of(List.of(QCP_N), List.of(QCP_N_QSCD)), List.of(), List.of(), List.of());
        assertThat(CriteriaMatcher.match(both, signing)).isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(missing, signing)).isEqualTo(NOT_SELECTED);
        assertThat(CriteriaMatcher.match(eitherSet, signing)).isEqualTo(SELECTED);
    }

    @Test
    void none_is_selected_when_no_criterion_matches() {
        CriteriaList none = list(Assertion.NONE, List.of(), List.of(List.of(QCP_N)), List.of(), List.of(), List.of());
        CriteriaList noneButMatches = list(Assertion.NONE, List.of(), List.of(List.of(QCP_N_QSCD)), List.of(), List.of(), List.of());
        assertThat(CriteriaMatcher.match(none, signing)).isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(noneButMatches, signing)).isEqualTo(NOT_SELECTED);
    }

    @Test
    void extended_key_usage_and_subject_attributes_need_every_listed_oid() {
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(), List.of(), List.of("1.3.6.1.5.5.7.3.4"), List.of(ORG_ID), List.of()), signing))
                .isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(), List.of(), List.of("1.3.6.1.5.5.7.3.1"), List.of(), List.of()), signing))
                .isEqualTo(NOT_SELECTED);
        assertThat(CriteriaMatcher.match(list(Assertion.ALL, List.of(), List.of(), List.of(), List.of("2.5.4.5"), List.of()), signing))
                .isEqualTo(NOT_SELECTED);
    }

    @Test
    void nested_lists_are_criteria_of_their_parent() {
        CriteriaList inner = list(Assertion.AT_LEAST_ONE, List.of(), List.of(List.of(QCP_N), List.of(QCP_N_QSCD)), List.of(), List.of(), List.of());
        CriteriaList outer = list(Assertion.ALL, List.of(Map.of("nonRepudiation", true)), List.of(), List.of(), List.of(), List.of(inner));
        CriteriaList outerNone = list(Assertion.NONE, List.of(), List.of(), List.of(), List.of(), List.of(inner));
        assertThat(CriteriaMatcher.match(outer, signing)).isEqualTo(SELECTED);
        assertThat(CriteriaMatcher.match(outerNone, signing)).isEqualTo(NOT_SELECTED);
    }

    @Test
    void an_unknown_key_usage_bit_leaves_the_list_undecidable_unless_the_rest_decides() {
        CriteriaList unknownAlone = list(Assertion.ALL, List.of(Map.of("someFutureBit", true)), List.of(), List.of(), List.of(), List.of());
        CriteriaList unknownNone = list(Assertion.NONE, List.of(Map.of("someFutureBit", true)), List.of(), List.of(), List.of(), List.of());
        CriteriaList decidedByPolicy = list(Assertion.AT_LEAST_ONE, List.of(Map.of("someFutureBit", true)),
                List.of(List.of(QCP_N_QSCD)), List.of(), List.of(), List.of());
        assertThat(CriteriaMatcher.match(unknownAlone, signing)).isEqualTo(UNDECIDABLE);
        assertThat(CriteriaMatcher.match(unknownNone, signing)).isEqualTo(UNDECIDABLE);
        assertThat(CriteriaMatcher.match(decidedByPolicy, signing)).isEqualTo(SELECTED);
    }
}
