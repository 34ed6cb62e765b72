package org.qtrust.adapters.xml;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.qtrust.core.trustedlist.ServiceStatus.Kind;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TS 119 612 §5.5.4 and §5.6: the status at a time T comes from the current ServiceInformation
 * and every ServiceHistoryInstance, each applying from its StatusStartingTime to the next one.
 */
class StatusHistoryTest {

    private static final String CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
    private static TrustServiceProvider ica;

    @BeforeAll
    static void readCzechList() throws MalformedListException {
        TrustedList cz = SharedTrustData.read("lotl-snapshot/CZ.xml");
        ica = cz.providers().stream()
                .filter(p -> p.tradeName().byLanguage().containsValue("I.CA"))
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("I.CA's CA (78): accredited in June 2016, granted from 1 July 2016 (eIDAS), granted again from August 2017")
    void periods_of_a_service_with_history() {
        TrustedService service = service("(78) I.CA - issuing qualified certificates");

        List<StatusPeriod> periods = service.history().periods();
        assertThat(periods).extracting(p -> p.status().kind())
                .containsExactly(Kind.ACCREDITED, Kind.GRANTED, Kind.GRANTED);
        assertThat(periods).extracting(StatusPeriod::start).containsExactly(
                Instant.parse("2016-06-15T05:55:00Z"), Instant.parse("2016-06-30T22:00:00Z"), Instant.parse("2017-08-16T12:15:00Z"));
        assertThat(periods).extracting(StatusPeriod::end).containsExactly(
                Optional.of(Instant.parse("2016-06-30T22:00:00Z")), Optional.of(Instant.parse("2017-08-16T12:15:00Z")), Optional.empty());
        assertThat(periods).extracting(StatusPeriod::serviceType).containsOnly(CA_QC);
        assertThat(service.currentStatus().kind()).isEqualTo(Kind.GRANTED);
        assertThat(service.history().current().isCurrent()).isTrue();
    }

    @Test
    @DisplayName("status at T: none before the first StatusStartingTime, then the period containing T (start inclusive, end exclusive)")
    void status_at_a_time() {
        TrustedService service = service("(78) I.CA - issuing qualified certificates");

        assertThat(service.history().at(Instant.parse("2016-06-15T05:54:59Z"))).isEmpty();
        assertThat(service.history().at(Instant.parse("2016-06-15T05:55:00Z"))).map(p -> p.status().kind()).contains(Kind.ACCREDITED);
        assertThat(service.history().at(Instant.parse("2016-06-30T21:59:59Z"))).map(p -> p.status().kind()).contains(Kind.ACCREDITED);
        assertThat(service.history().at(Instant.parse("2016-06-30T22:00:00Z")))
                .map(StatusPeriod::start).contains(Instant.parse("2016-06-30T22:00:00Z"));
        assertThat(service.history().at(Instant.parse("2017-01-01T00:00:00Z")))
                .map(StatusPeriod::start).contains(Instant.parse("2016-06-30T22:00:00Z"));
        assertThat(service.history().at(Instant.parse("2019-09-05T00:00:00Z")))
                .map(StatusPeriod::start).contains(Instant.parse("2017-08-16T12:15:00Z"));
    }

    @Test
    @DisplayName("a service withdrawn in 2016 was accredited for what it did in 2010")
    void withdrawn_service_was_accredited_before() {
        TrustedService tsa = service("(9) I.CA - Qualified Time Stamping Authority, nCipher DSE200");

        assertThat(tsa.currentStatus().kind()).isEqualTo(Kind.WITHDRAWN);
        assertThat(tsa.type()).isEqualTo("http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST");
        assertThat(tsa.history().at(Instant.parse("2010-01-01T00:00:00Z"))).map(p -> p.status().kind()).contains(Kind.ACCREDITED);
        assertThat(tsa.history().at(Instant.parse("2017-01-01T00:00:00Z"))).map(p -> p.status().kind()).contains(Kind.WITHDRAWN);
        assertThat(tsa.history().at(Instant.parse("2006-01-31T23:59:59Z"))).isEmpty();
    }

    @Test
    @DisplayName("v1 statuses keep the URI the list wrote and map to their kind, in the TS 119 612 spelling")
    void v1_statuses_in_the_trusted_list_spelling() {
        StatusPeriod accredited = service("(1) I.CA - issuing qualified certificates").history().periods().get(0);

        assertThat(accredited.status().uri()).isEqualTo("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited");
        assertThat(accredited.status().kind()).isEqualTo(Kind.ACCREDITED);
        assertThat(accredited.status().kind().isEidasEra()).isFalse();
        assertThat(accredited.start()).isEqualTo(Instant.parse("2002-03-22T00:00:00Z"));
    }

    @Test
    @DisplayName("v1 statuses in the TS 102 231 spelling (a v3 list) map to their kind too")
    void v1_statuses_in_the_ts_102_231_spelling() throws MalformedListException {
        TrustedList peru = SharedTrustData.read("other-versions/tsl-pe.xml");

        List<StatusPeriod> periods = peru.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream()).toList();
        assertThat(periods).filteredOn(p -> p.status().uri().equals(
                        "http://uri.etsi.org/TrstSvc/eSigDir-1999-93-EC-TrustedList/Svcstatus/undersupervision"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.status().kind()).isEqualTo(Kind.UNDER_SUPERVISION));
    }

    @Test
    @DisplayName("undersupervision in the TS 119 612 spelling maps to UNDER_SUPERVISION")
    void undersupervision_in_the_trusted_list_spelling() throws MalformedListException {
        TrustedList at = SharedTrustData.read("lotl-snapshot/AT.xml");

        assertThat(at.providers().stream().flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream())
                .filter(p -> p.status().uri().equals("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision")))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.status().kind()).isEqualTo(Kind.UNDER_SUPERVISION));
    }

    @Test
    @DisplayName("a status no standard defines stays UNKNOWN, URI kept")
    void unknown_status_stays_unknown() throws MalformedListException {
        TrustedList list = ListXml.minimal()
                .replace("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted", "http://example.test/Svcstatus/fine")
                .read();

        TrustedService service = list.providers().get(0).services().get(0);
        assertThat(service.currentStatus().kind()).isEqualTo(Kind.UNKNOWN);
        assertThat(service.currentStatus().uri()).isEqualTo("http://example.test/Svcstatus/fine");
    }

    @Test
    @DisplayName("history instances given in any order become consecutive periods")
    void history_in_any_order() throws MalformedListException {
        TrustedList list = ListXml.minimal().replace(ListXml.HISTORY, """
                <tsl:ServiceHistory>
                  <tsl:ServiceHistoryInstance>
                    <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
                    <tsl:ServiceName><tsl:Name xml:lang="en">Test CA</tsl:Name></tsl:ServiceName>
                    <tsl:ServiceDigitalIdentity/>
                    <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/accredited</tsl:ServiceStatus>
                    <tsl:StatusStartingTime>2012-01-01T00:00:00Z</tsl:StatusStartingTime>
                  </tsl:ServiceHistoryInstance>
                  <tsl:ServiceHistoryInstance>
                    <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
                    <tsl:ServiceName><tsl:Name xml:lang="en">Test CA</tsl:Name></tsl:ServiceName>
                    <tsl:ServiceDigitalIdentity/>
                    <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/undersupervision</tsl:ServiceStatus>
                    <tsl:StatusStartingTime>2008-01-01T00:00:00Z</tsl:StatusStartingTime>
                  </tsl:ServiceHistoryInstance>
                </tsl:ServiceHistory>
                """).read();

        List<StatusPeriod> periods = list.providers().get(0).services().get(0).history().periods();
        assertThat(periods).extracting(p -> p.status().kind())
                .containsExactly(Kind.UNDER_SUPERVISION, Kind.ACCREDITED, Kind.GRANTED);
        assertThat(periods.get(0).end()).contains(Instant.parse("2012-01-01T00:00:00Z"));
        assertThat(periods.get(1).end()).contains(Instant.parse("2020-01-01T00:00:00Z"));
    }

    private static TrustedService service(String englishName) {
        return ica.services().stream()
                .filter(s -> s.name().preferred().equals(englishName))
                .findFirst().orElseThrow(() -> new AssertionError("no I.CA service " + englishName));
    }
}
