package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.qtrust.server.RunningServer;

/** The trusted-list browser's API over the real September 2019 snapshot. */
class TrustedListsApiTest {

    private final RunningServer server = RunningServer.get();

    private JsonNode ok(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response);
    }

    private static JsonNode list(JsonNode lists, String territory) {
        return StreamSupport.stream(lists.get("lists").spliterator(), false)
                .filter(l -> l.get("territory").asText().equals(territory)).findFirst().orElseThrow();
    }

    @Test
    void every_list_the_lotl_points_to_is_reported_with_its_verdict_sequence_and_dates() {
        JsonNode lists = ok("/v1/trusted-lists?at=2019-10-01T00:00:00Z");

        assertThat(lists.get("lotl").get("sequenceNumber").asInt()).isEqualTo(248);
        assertThat(lists.get("lotl").get("accepted").asBoolean()).isTrue();
        assertThat(lists.get("lists")).hasSize(31);
        JsonNode austria = list(lists, "AT");
        assertThat(austria.get("accepted").asBoolean()).isTrue();
        assertThat(austria.get("sequenceNumber").asInt()).isEqualTo(42);
        assertThat(austria.get("issued").asText()).isEqualTo("2019-08-26T01:00:00Z");
        assertThat(austria.get("nextUpdate").asText()).isEqualTo("2020-02-26T00:00:00Z");
        assertThat(austria.get("signature").get("status").asText()).isEqualTo("VALID");
        assertThat(list(lists, "NL").get("reason").asText()).isEqualTo("list_expired");
        assertThat(list(lists, "DE").get("reason").asText()).isEqualTo("list_unavailable");
        assertThat(lists.get("policies")).extracting(JsonNode::asText).containsExactly("eu-eidas");
    }

    @Test
    void verdicts_follow_the_validation_time_and_freshness_follows_now() {
        JsonNode lists = ok("/v1/trusted-lists?at=2020-01-01T00:00:00Z");

        JsonNode belgium = list(lists, "BE");
        assertThat(belgium.get("accepted").asBoolean()).as("BE NextUpdate 2019-12-13 has passed").isFalse();
        assertThat(belgium.get("reason").asText()).isEqualTo("list_expired");
        assertThat(belgium.get("freshness").get("fresh").asBoolean()).as("now is 2019-10-01").isTrue();
        long age = belgium.get("freshness").get("ageSeconds").asLong();
        assertThat(Instant.parse("2019-06-13T00:00:00Z").plusSeconds(age)).isEqualTo(RunningServer.NOW);
        assertThat(list(lists, "AT").get("accepted").asBoolean()).isTrue();
    }

    @Test
    void after_the_lotls_next_update_no_list_is_accepted() {
        JsonNode lists = ok("/v1/trusted-lists?at=2021-01-01T00:00:00Z");

        assertThat(lists.get("lotl").get("reason").asText()).isEqualTo("list_expired");
        assertThat(lists.get("lists")).allSatisfy(l -> assertThat(l.get("accepted").asBoolean()).isFalse());
        assertThat(list(lists, "AT").get("reason").asText()).isEqualTo("lotl_not_trusted");
    }

    @Test
    void a_territory_shows_its_providers_and_services_with_status_history_oldest_first() {
        JsonNode france = ok("/v1/trusted-lists/FR?at=2019-10-01T00:00:00Z");

        assertThat(france.get("territory").asText()).isEqualTo("FR");
        assertThat(france.get("trustServiceProviders")).isNotEmpty();
        JsonNode universign = StreamSupport.stream(france.get("trustServiceProviders").spliterator(), false)
                .flatMap(p -> StreamSupport.stream(p.get("services").spliterator(), false))
                .filter(s -> s.get("name").asText().equals("Universign CA hardware")).findFirst().orElseThrow();
        assertThat(universign.get("type").asText()).isEqualTo("CA/QC");
        assertThat(universign.get("status").asText()).isEqualTo("granted");
        List<String> history = StreamSupport.stream(universign.get("history").spliterator(), false)
                .map(h -> h.get("status").asText()).toList();
        assertThat(history).containsSubsequence("accredited", "granted");
        JsonNode first = universign.get("history").get(0);
        assertThat(first.get("end").isNull()).isFalse();
        assertThat(universign.get("history").get(universign.get("history").size() - 1).get("end").isNull()).isTrue();
    }

    @Test
    void territory_codes_are_case_insensitive_and_the_lotl_is_eu() {
        assertThat(ok("/v1/trusted-lists/at").get("territory").asText()).isEqualTo("AT");
        assertThat(ok("/v1/trusted-lists/EU").get("sequenceNumber").asInt()).isEqualTo(248);
    }

    @Test
    void services_are_searched_by_type_status_and_name() {
        JsonNode found = ok("/v1/services?type=CA/QC&status=granted&q=quovadis&at=2019-10-01T00:00:00Z");

        assertThat(found.get("count").asInt()).isPositive();
        assertThat(found.get("services")).allSatisfy(s -> {
            assertThat(s.get("type").asText()).isEqualTo("CA/QC");
            assertThat(s.get("status").asText()).isEqualTo("granted");
            assertThat((s.get("name").asText() + s.get("provider").asText()).toLowerCase()).contains("quovadis");
        });
        assertThat(found.get("services")).anySatisfy(s ->
                assertThat(s.get("name").asText()).isEqualTo("QuoVadis BE PKI Certification Authority G2"));
    }

    @Test
    void a_full_type_uri_finds_the_same_services_as_its_short_name_and_the_limit_truncates() {
        JsonNode byShort = ok("/v1/services?type=TSA/QTST&limit=1000");
        JsonNode byUri = ok("/v1/services?type=http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST&limit=1000");
        JsonNode limited = ok("/v1/services?type=TSA/QTST&limit=2");

        assertThat(byUri.get("count").asInt()).isEqualTo(byShort.get("count").asInt()).isGreaterThan(2);
        assertThat(limited.get("services")).hasSize(2);
        assertThat(limited.get("truncated").asBoolean()).isTrue();
        assertThat(limited.get("count").asInt()).isEqualTo(byShort.get("count").asInt());
    }
}
