package org.qtrust.core.trustedlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusHistoryTest {

    private static final String CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";

    private static StatusHistory.Entry entry(ServiceStatus.Kind status, String start) {
        return new StatusHistory.Entry(ServiceStatus.of(status), Instant.parse(start), CA_QC,
                MultilingualText.english("CA"), ServiceInformationExtensions.NONE);
    }

    @Test
    void the_status_at_an_instant_is_that_of_the_period_containing_it() {
        StatusHistory history = StatusHistory.of(
                entry(ServiceStatus.Kind.WITHDRAWN, "2023-05-01T00:00:00Z"),
                List.of(entry(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z"),
                        entry(ServiceStatus.Kind.ACCREDITED, "2010-01-01T00:00:00Z")));

        assertThat(history.at(Instant.parse("2012-03-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.ACCREDITED);
        assertThat(history.at(Instant.parse("2020-01-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.GRANTED);
        assertThat(history.at(Instant.parse("2024-01-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.WITHDRAWN);
    }

    @Test
    void a_period_starts_inclusive_and_ends_exclusive_at_the_next_status_starting_time() {
        StatusHistory history = StatusHistory.of(
                entry(ServiceStatus.Kind.WITHDRAWN, "2023-05-01T00:00:00Z"),
                List.of(entry(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z")));

        assertThat(history.at(Instant.parse("2016-07-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.GRANTED);
        assertThat(history.at(Instant.parse("2023-05-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.WITHDRAWN);
        assertThat(history.periods().get(0).end()).contains(Instant.parse("2023-05-01T00:00:00Z"));
        assertThat(history.current().end()).isEmpty();
    }

    @Test
    void before_the_first_status_starting_time_the_service_had_no_status() {
        StatusHistory history = StatusHistory.of(entry(ServiceStatus.Kind.GRANTED, "2024-01-01T00:00:00Z"), List.of());

        assertThat(history.at(Instant.parse("2020-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void of_two_entries_starting_together_the_current_one_applies() {
        StatusHistory history = StatusHistory.of(
                entry(ServiceStatus.Kind.GRANTED, "2016-07-01T00:00:00Z"),
                List.of(entry(ServiceStatus.Kind.UNDER_SUPERVISION, "2016-07-01T00:00:00Z")));

        assertThat(history.periods()).hasSize(1);
        assertThat(history.at(Instant.parse("2017-01-01T00:00:00Z"))).get()
                .extracting(p -> p.status().kind()).isEqualTo(ServiceStatus.Kind.GRANTED);
    }

    @Test
    void an_unknown_status_uri_stays_unknown() {
        ServiceStatus status = ServiceStatus.of("http://example.org/Svcstatus/whatever");

        assertThat(status.kind()).isEqualTo(ServiceStatus.Kind.UNKNOWN);
        assertThat(status.shortName()).contains("whatever");
    }

    @Test
    void pre_2016_statuses_are_recognised_as_such() {
        assertThat(ServiceStatus.of("http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/undersupervision").kind())
                .isEqualTo(ServiceStatus.Kind.UNDER_SUPERVISION);
        assertThat(ServiceStatus.Kind.UNDER_SUPERVISION.isEidasEra()).isFalse();
        assertThat(ServiceStatus.of("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted").kind().isEidasEra()).isTrue();
    }
}
