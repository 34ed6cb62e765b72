package org.qtrust.core.trustedlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceStatusTest {

    @Test
    void the_eidas_statuses_are_read_from_their_ts_119_612_v2_uris() {
        assertThat(ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted").kind())
                .isEqualTo(ServiceStatus.Kind.GRANTED);
        assertThat(ServiceStatus.of(" http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn\n").kind())
                .isEqualTo(ServiceStatus.Kind.WITHDRAWN);
    }

    @Test
    void a_pre_eidas_status_means_the_same_in_the_ts_102_231_and_the_ts_119_612_v1_spelling() {
        ServiceStatus directiveSpelling = ServiceStatus.of("http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/accredited");
        ServiceStatus listSpelling = ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited");

        assertThat(directiveSpelling.kind()).isEqualTo(ServiceStatus.Kind.ACCREDITED);
        assertThat(listSpelling.kind()).isEqualTo(ServiceStatus.Kind.ACCREDITED);
        assertThat(listSpelling.uri()).as("the list's own spelling is kept").endsWith("/TrustedList/Svcstatus/accredited");
        assertThat(ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision").kind())
                .isEqualTo(ServiceStatus.Kind.UNDER_SUPERVISION);
    }

    @Test
    void an_unknown_status_uri_is_never_read_as_a_known_status() {
        ServiceStatus status = ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/grantedish");

        assertThat(status.kind()).isEqualTo(ServiceStatus.Kind.UNKNOWN);
        assertThat(status.shortName()).startsWith("unknown(");
        assertThat(ServiceStatus.of((String) null).kind()).isEqualTo(ServiceStatus.Kind.UNKNOWN);
    }
}
