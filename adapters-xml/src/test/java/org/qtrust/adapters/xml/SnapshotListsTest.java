package org.qtrust.adapters.xml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusPeriod;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The seq-248 snapshot (EU LOTL and 28 national lists) reads as tools/lists-expected.json says. */
class SnapshotListsTest {

    private static final Map<String, TrustedList> LISTS = new TreeMap<>();
    private static JsonNode expected;

    @BeforeAll
    static void readSnapshot() throws IOException, MalformedListException {
        expected = new ObjectMapper().readTree(SharedTrustData.root().resolve("tools/lists-expected.json").toFile());
        for (String file : SharedTrustData.xmlFiles("lotl-snapshot")) {
            TrustedList list = SharedTrustData.read(file);
            LISTS.put(list.territory(), list);
        }
    }

    static Stream<Arguments> nationalLists() throws IOException {
        JsonNode lists = new ObjectMapper().readTree(SharedTrustData.root().resolve("tools/lists-expected.json").toFile()).get("lists");
        List<Arguments> arguments = new ArrayList<>();
        lists.fields().forEachRemaining(entry -> arguments.add(Arguments.of(entry.getKey(), entry.getValue())));
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nationalLists")
    @DisplayName("each national list has the sequence number, dates, providers and services of lists-expected.json")
    void national_list_matches_expectations(String territory, JsonNode expectation) {
        TrustedList list = LISTS.get(territory);

        assertThat(list).as("list for %s", territory).isNotNull();
        assertMatches(list, expectation);
        assertThat(list.isListOfLists()).isFalse();
        assertThat(list.scheme().tslType()).isEqualTo(TrustedList.EU_GENERIC_TYPE);
        assertThat(list.scheme().versionIdentifier()).isEqualTo(5);
    }

    @Test
    void the_lotl_matches_expectations() {
        TrustedList lotl = LISTS.get("EU");

        assertMatches(lotl, expected.get("lotl"));
        assertThat(lotl.isListOfLists()).isTrue();
        assertThat(lotl.scheme().tslType()).isEqualTo(TrustedList.EU_LOTL_TYPE);
    }

    @Test
    void the_snapshot_has_the_lotl_and_28_national_lists() {
        assertThat(LISTS).hasSize(29).containsKey("EU");
        assertThat(LISTS.keySet()).doesNotContainAnyElementsOf(textValues(expected.get("missing")));
    }

    @Test
    void the_national_lists_hold_247_providers_and_1770_services() {
        List<TrustedList> national = LISTS.values().stream().filter(l -> !l.isListOfLists()).toList();

        assertThat(national).hasSize(28);
        assertThat(national.stream().mapToInt(l -> l.providers().size()).sum()).isEqualTo(247);
        assertThat(national.stream().mapToInt(TrustedList::serviceCount).sum()).isEqualTo(1_770);
    }

    @Test
    @DisplayName("the LOTL points to 44 lists, 32 of them XML, each pointer with its territory, type and certificates")
    void lotl_pointers() {
        List<ListPointer> pointers = LISTS.get("EU").scheme().pointers();

        assertThat(pointers).hasSize(44);
        assertThat(pointers).allSatisfy(p -> {
            assertThat(p.territory()).hasSize(2);
            assertThat(p.tslType()).startsWith("http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EU");
            assertThat(p.mimeType()).isIn("application/vnd.etsi.tsl+xml", "application/pdf");
            assertThat(p.signingCertificates()).isNotEmpty();
        });
        List<ListPointer> xml = pointers.stream().filter(ListPointer::isXml).toList();
        assertThat(xml).hasSize(32);
        assertThat(xml.stream().map(ListPointer::territory).distinct()).hasSize(32);
        ListPointer self = xml.stream().filter(p -> p.territory().equals("EU")).findFirst().orElseThrow();
        assertThat(self.tslType()).isEqualTo(TrustedList.EU_LOTL_TYPE);
        assertThat(self.signingCertificates()).hasSize(8);
        assertThat(self.signingCertificates()).extracting(c -> c.sha256Hex())
                .contains("d2064fdd70f6982dcc516b86d9d5c56aea939417c624b2e478c0b29de54f8474");
    }

    @Test
    @DisplayName("every national list points back to the LOTL")
    void national_lists_point_to_the_lotl() {
        for (TrustedList list : LISTS.values()) {
            if (list.isListOfLists()) {
                continue;
            }
            assertThat(list.scheme().pointers()).as(list.territory())
                    .anySatisfy(p -> assertThat(p.tslType()).isEqualTo(TrustedList.EU_LOTL_TYPE));
        }
    }

    @Test
    @DisplayName("the LOTL's SchemeInformationURI keeps its order: the OJ reference among them")
    void lotl_scheme_information_uris() {
        assertThat(LISTS.get("EU").scheme().schemeInformationUris())
                .contains("https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=uriserv:OJ.C_.2019.276.01.0001.01.ENG");
    }

    @Test
    @DisplayName("every service status of the snapshot, current or historic, is a known status")
    void no_unknown_status() {
        List<StatusPeriod> periods = LISTS.values().stream()
                .flatMap(l -> l.providers().stream())
                .flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream())
                .toList();

        assertThat(periods).hasSizeGreaterThan(1_770);
        assertThat(periods).extracting(p -> p.status().kind()).doesNotContain(ServiceStatus.Kind.UNKNOWN);
        assertThat(periods).extracting(p -> p.status().kind()).contains(ServiceStatus.Kind.GRANTED,
                ServiceStatus.Kind.WITHDRAWN, ServiceStatus.Kind.ACCREDITED, ServiceStatus.Kind.UNDER_SUPERVISION,
                ServiceStatus.Kind.RECOGNISED_AT_NATIONAL_LEVEL, ServiceStatus.Kind.SUPERVISION_CEASED);
    }

    @Test
    @DisplayName("no extension of the snapshot is critical and unknown (TakenOverBy is understood)")
    void no_unknown_critical_extension() {
        assertThat(LISTS.values().stream()
                .flatMap(l -> l.providers().stream())
                .flatMap(p -> p.services().stream())
                .flatMap(s -> s.history().periods().stream())
                .flatMap(p -> p.extensions().unknownCriticalExtensions().stream()))
                .isEmpty();
    }

    @Test
    @DisplayName("1,758 services are identified by a certificate; 12 (identity proofing, RA, unspecified) by no key at all")
    void services_identify_their_keys() {
        List<TrustedService> services = LISTS.values().stream()
                .flatMap(l -> l.providers().stream())
                .flatMap(p -> p.services().stream())
                .toList();

        assertThat(services).filteredOn(s -> !s.identity().certificates().isEmpty()).hasSize(1_758);
        assertThat(services).filteredOn(s -> s.identity().isEmpty()).hasSize(12)
                .extracting(TrustedService::type)
                .allMatch(type -> !type.endsWith("/QC") && !type.endsWith("/QTST"));
    }

    @Test
    @DisplayName("one reader serves many threads: lists read in parallel equal lists read one by one")
    void reads_in_parallel() {
        List<String> files = SharedTrustData.xmlFiles("lotl-snapshot");

        Map<String, TrustedList> parallel = new java.util.concurrent.ConcurrentHashMap<>();
        files.parallelStream().forEach(file -> {
            try {
                TrustedList list = SharedTrustData.read(file);
                parallel.put(list.territory(), list);
            } catch (MalformedListException e) {
                throw new AssertionError(file, e);
            }
        });

        assertThat(parallel).hasSameSizeAs(LISTS);
        parallel.forEach((territory, list) -> {
            TrustedList sequential = LISTS.get(territory);
            assertThat(list.scheme()).isEqualTo(sequential.scheme());
            assertThat(list.providers()).hasSameSizeAs(sequential.providers());
            assertThat(list.serviceCount()).isEqualTo(sequential.serviceCount());
        });
    }

    private static void assertMatches(TrustedList list, JsonNode expectation) {
        assertThat(list.scheme().sequenceNumber()).isEqualTo(BigInteger.valueOf(expectation.get("sequenceNumber").asLong()));
        assertThat(list.scheme().issued()).isEqualTo(Instant.parse(expectation.get("issued").asText()));
        assertThat(list.scheme().nextUpdate()).contains(Instant.parse(expectation.get("nextUpdate").asText()));
        assertThat(list.providers()).hasSize(expectation.get("providers").asInt());
        assertThat(list.serviceCount()).isEqualTo(expectation.get("services").asInt());
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
