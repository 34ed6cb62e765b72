package org.qtrust.core.certificate.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.ServiceStatus.Kind;

class StatusMeaningTest {

    @Test
    void pre_2016_statuses_map_to_their_eidas_equivalent() {
        assertThat(StatusMeaning.of(Kind.UNDER_SUPERVISION)).isEqualTo(StatusMeaning.GRANTED);
        assertThat(StatusMeaning.of(Kind.SUPERVISION_IN_CESSATION)).isEqualTo(StatusMeaning.GRANTED);
        assertThat(StatusMeaning.of(Kind.ACCREDITED)).isEqualTo(StatusMeaning.GRANTED);
        assertThat(StatusMeaning.of(Kind.SUPERVISION_CEASED)).isEqualTo(StatusMeaning.WITHDRAWN);
        assertThat(StatusMeaning.of(Kind.SUPERVISION_REVOKED)).isEqualTo(StatusMeaning.WITHDRAWN);
        assertThat(StatusMeaning.of(Kind.ACCREDITATION_CEASED)).isEqualTo(StatusMeaning.WITHDRAWN);
        assertThat(StatusMeaning.of(Kind.ACCREDITATION_REVOKED)).isEqualTo(StatusMeaning.WITHDRAWN);
        assertThat(StatusMeaning.of(Kind.SET_BY_NATIONAL_LAW)).isEqualTo(StatusMeaning.RECOGNISED_AT_NATIONAL_LEVEL);
        assertThat(StatusMeaning.of(Kind.DEPRECATED_BY_NATIONAL_LAW)).isEqualTo(StatusMeaning.DEPRECATED_AT_NATIONAL_LEVEL);
    }

    @Test
    void unknown_stays_unknown() {
        assertThat(StatusMeaning.of(ServiceStatus.of("http://example.org/Svcstatus/excellent"))).isEqualTo(StatusMeaning.UNKNOWN);
    }

    @Test
    void the_trace_says_how_a_pre_2016_status_counts() {
        assertThat(StatusMeaning.describe(ServiceStatus.of(Kind.ACCREDITED))).isEqualTo("accredited (pre-2016 status, counts as granted)");
        assertThat(StatusMeaning.describe(ServiceStatus.of(Kind.GRANTED))).isEqualTo("granted");
    }
}
