package org.qtrust.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qtrust.server.json.Json;

/**
 * The direct paths of the request path (docs/performance.md, "The server's request path") give
 * exactly what the general ones give: the plain-form instant, the one-pass redacting JSON
 * writer, the Host allow-list's exact match.
 */
class RequestPathTest {

    @Test
    void plainInstantsParseAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L)); // years 0000..9999
            String text = instant.toString();
            assertThat(JsonRequests.parseInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String text : List.of("2019-10-01T00:00:00Z", "2020-02-29T12:34:56Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "2016-12-31T23:59:60Z", "2019-10-01T24:00:00Z", "2019-10-01t00:00:00z", "2019-10-01T00:00:00.123Z",
                "2019-10-01T00:00:00+02:00", "+12019-10-01T00:00:00Z", "2019-10-31T10:00:00Z")) {
            Optional<Instant> general = parsed(text);
            assertThat(general.isPresent() ? JsonRequests.parseInstant(text) : null).as(text).isEqualTo(general.orElse(null));
        }
    }

    @Test
    void impossiblePlainInstantsAreRefusedAsInstantParseRefusesThem() {
        for (String text : List.of("2019-02-29T00:00:00Z", "2019-04-31T00:00:00Z", "2019-13-01T00:00:00Z", "2019-00-10T00:00:00Z",
                "2019-10-00T00:00:00Z", "2019-10-01T25:00:00Z", "2019-10-01T00:60:00Z", "2019-10-01T00:00:61Z",
                "2019-1O-01T00:00:00Z", "2019-10-01 00:00:00Z", "２０19-10-01T00:00:00Z")) {
            assertThat(parsed(text)).as(text).isEmpty();
            assertThatThrownBy(() -> JsonRequests.parseInstant(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
        assertThatThrownBy(() -> JsonRequests.instant(Optional.of("2019-02-30T00:00:00Z"), "at"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("invalid_time"));
    }

    private static Optional<Instant> parsed(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Test
    void theRedactingWriterWritesWhatTheMapperWritesWhenNothingIsSecret() {
        ObjectNode document = Json.object();
        document.putNull("file");
        document.put("trusted", true);
        document.put("count", 42);
        document.put("ratio", 0.25);
        document.put("big", 12345678901234L);
        document.put("text", "quotes \" backslash \\ control \u0001 tab \t em dash \u2014 emoji \uD83D\uDE00 <script>");
        document.put("url", "https://lists.example/eu-lotl.xml");
        ObjectNode nested = document.putObject("nested");
        nested.putArray("empty");
        ArrayNode mixed = nested.putArray("mixed");
        mixed.add("a").add(1).add(false).addNull().addObject().put("deep", "value");
        document.putObject("none");
        assertThat(new String(PublicText.jsonBytes(document), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.bytes(document), StandardCharsets.UTF_8));
    }

    @Test
    void theRedactingWriterMasksUserInformationEverywhereAndLeavesTheDocumentAlone() {
        ObjectNode document = Json.object();
        document.put("location", "https://reader:s3cret@lists.example/eu-lotl.xml");
        document.putArray("trace").add("fetched https://user:pw@mirror.example/BE.xml and https://plain.example/x")
                .addObject().put("source", "http://a:b@ocsp.example/");
        String written = new String(PublicText.jsonBytes(document), StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("s3cret", "reader", "user:pw", "a:b@")
                .contains("https://***@lists.example/eu-lotl.xml", "https://***@mirror.example/BE.xml", "https://plain.example/x",
                        "http://***@ocsp.example/");
        assertThat(document.get("location").asText()).contains("s3cret"); // the caller's document is not rewritten
    }

    @Test
    void theHostAllowListMatchesExactNamesAndNormalisedOnes() {
        HostAllowList hosts = new HostAllowList(List.of("127.0.0.1", "localhost", "QTrust.Example.", "[::1]"));
        for (String allowed : List.of("127.0.0.1", "localhost", "LOCALHOST", "qtrust.example", "qtrust.example.", "QTRUST.example",
                "::1", "[::1]", " localhost ")) {
            assertThat(hosts.allows(allowed)).as(allowed).isTrue();
        }
        for (String refused : List.of("attacker.example", "127.0.0.2", "localhost.attacker.example", "", " ")) {
            assertThat(hosts.allows(refused)).as(refused).isFalse();
        }
        assertThat(hosts.allows(null)).isFalse();
        // a configured name that does not normalise to itself is compared only in normal form, as before
        HostAllowList doubled = new HostAllowList(List.of("[[::1]]"));
        assertThat(doubled.allows("[::1]")).isFalse();
        assertThat(doubled.allows("[[::1]]")).isTrue();
    }
}
