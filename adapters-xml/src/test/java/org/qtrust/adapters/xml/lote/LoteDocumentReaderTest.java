package org.qtrust.adapters.xml.lote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.adapters.crypto.testpki.Credential;
import org.qtrust.adapters.crypto.testpki.TestLotes;
import org.qtrust.adapters.crypto.testpki.TestPki;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

/** TS 119 602 lists are read alike from their JSON form (bare or in a JWS) and their XML form. */
class LoteDocumentReaderTest {

    private static final TestPki PKI = TestPki.create("LoTE Reader");
    private static final Credential OPERATOR = PKI.endEntity("LoTE Operator").issue();
    private static final Credential PROVIDER = PKI.endEntity("PID Provider A").issue();
    private static final Instant GRANTED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant WITHDRAWN = Instant.parse("2026-03-01T00:00:00Z");

    private final LoteDocumentReader reader = new LoteDocumentReader();

    private static TestLotes.LoteBuilder list() {
        return TestLotes.pidProviders().sequenceNumber(7)
                .entity("PID Provider A",
                        TestLotes.service("PID issuance", TestLotes.PID_ISSUANCE, PROVIDER.certificate()),
                        TestLotes.service("PID issuance (history)", TestLotes.PID_ISSUANCE, PROVIDER.certificate())
                                .status(TestLotes.WITHDRAWN, WITHDRAWN).history(TestLotes.NOTIFIED, GRANTED));
    }

    static Stream<Arguments> everyForm() {
        return Stream.of(
                Arguments.of("bare JSON", list().json()),
                Arguments.of("compact JWS", list().signedJson(OPERATOR)),
                Arguments.of("JWS JSON serialization", flattened(list().signedJson(OPERATOR))),
                Arguments.of("XML", list().xml()),
                Arguments.of("signed XML", list().signedXml(OPERATOR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    @DisplayName("scheme information, entities and services read the same in every form")
    void reads_scheme_entities_and_services(String form, String document) throws Exception {
        ListOfTrustedEntities lote = reader.read(new ListDocument(form, document.getBytes(StandardCharsets.UTF_8)));

        assertThat(lote.scheme().loteType()).isEqualTo(LoteIdentifiers.EU_PID_PROVIDERS_LIST);
        assertThat(lote.scheme().sequenceNumber()).isEqualTo(7);
        assertThat(lote.scheme().territory()).isEqualTo("EU");
        assertThat(lote.scheme().statusDeterminationApproach()).isEqualTo("http://uri.etsi.org/19602/PIDProvidersList/StatusDetn/EU");
        assertThat(lote.scheme().issued()).isEqualTo(TestLotes.DEFAULT_ISSUED);
        assertThat(lote.scheme().nextUpdate()).contains(TestLotes.DEFAULT_NEXT_UPDATE);
        assertThat(lote.scheme().operatorName().preferred()).isEqualTo("Test LoTE Operator");
        assertThat(lote.entities()).singleElement().satisfies(entity -> {
            assertThat(entity.name().preferred()).isEqualTo("PID Provider A");
            assertThat(entity.services()).hasSize(2);
            assertThat(entity.services().get(0).type()).isEqualTo(LoteIdentifiers.PID_ISSUANCE);
            assertThat(entity.services().get(0).identity().certificates()).singleElement()
                    .satisfies(c -> assertThat(c.sameAs(PROVIDER.certificate())).isTrue());
        });
        assertThat(lote.format()).isEqualTo(form.contains("XML") ? ListOfTrustedEntities.Format.XML : ListOfTrustedEntities.Format.JSON);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    @DisplayName("a service without ServiceStatus is 'listed' at any time; with status, its history answers 'status at T'")
    void status_history(String form, String document) throws Exception {
        ListOfTrustedEntities lote = reader.read(new ListDocument(form, document.getBytes(StandardCharsets.UTF_8)));
        TrustedService listed = lote.entities().get(0).services().get(0);
        TrustedService withHistory = lote.entities().get(0).services().get(1);

        assertThat(listed.history().at(Instant.parse("2000-01-01T00:00:00Z")).orElseThrow().status().uri())
                .isEqualTo(LoteIdentifiers.LISTED);
        assertThat(withHistory.history().at(Instant.parse("2024-12-31T00:00:00Z"))).isEmpty();
        assertThat(withHistory.history().at(Instant.parse("2025-06-01T00:00:00Z")).orElseThrow().status().uri())
                .isEqualTo(LoteIdentifiers.PUB_EAA_NOTIFIED);
        assertThat(withHistory.history().at(WITHDRAWN).orElseThrow().status().uri()).isEqualTo(LoteIdentifiers.PUB_EAA_WITHDRAWN);
    }

    @Test
    void a_closed_list_has_no_next_update() throws Exception {
        String json = TestLotes.pidProviders().nextUpdate(null).json();
        String xml = TestLotes.pidProviders().nextUpdate(null).xml();

        assertThat(reader.read(document(json)).scheme().nextUpdate()).isEmpty();
        assertThat(reader.read(document(xml)).scheme().nextUpdate()).isEmpty();
    }

    @Test
    void a_doctype_is_refused_before_anything_is_expanded() {
        String xml = list().xml().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>");

        assertProblem(xml, Problem.UNSAFE_XML);
    }

    @Test
    void another_root_element_is_not_a_list_of_trusted_entities() {
        assertProblem("<TrustServiceStatusList xmlns=\"http://uri.etsi.org/02231/v2#\"/>", Problem.NOT_CONFORMANT);
        assertProblem(list().xml().replace(TestLotes.NAMESPACE, "urn:other"), Problem.NOT_CONFORMANT);
    }

    @Test
    void duplicate_json_members_are_refused_as_they_could_smuggle_a_second_value() {
        String json = list().json().replaceFirst("\"LoTESequenceNumber\":7", "\"LoTESequenceNumber\":7,\"LoTESequenceNumber\":9");

        assertProblem(json, Problem.NOT_WELL_FORMED);
    }

    @Test
    void documents_over_the_size_limit_are_refused_unread() {
        LoteDocumentReader small = new LoteDocumentReader(new Ts119612ListReader.Limits(1024, 64));

        assertThatThrownBy(() -> small.read(document(list().json())))
                .isInstanceOfSatisfying(MalformedListException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
    }

    @Test
    void json_nested_deeper_than_the_limit_is_refused() {
        String deep = "{\"LoTE\":" + "[".repeat(200) + "]".repeat(200) + "}";

        assertProblem(deep, Problem.TOO_LARGE);
    }

    @Test
    void missing_mandatory_elements_are_named() {
        String json = list().json().replaceFirst("\"ListIssueDateTime\":\"[^\"]+\",", "");

        assertThatThrownBy(() -> reader.read(document(json)))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).contains("ListIssueDateTime");
                });
    }

    @Test
    void an_empty_or_garbage_document_is_refused() {
        assertProblem("   ", Problem.EMPTY);
        assertProblem("not a list", Problem.NOT_WELL_FORMED);
        assertProblem("a.b!.c", Problem.NOT_WELL_FORMED);
    }

    private void assertProblem(String content, Problem problem) {
        assertThatThrownBy(() -> reader.read(document(content)))
                .isInstanceOfSatisfying(MalformedListException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    private static ListDocument document(String content) {
        return new ListDocument("test", content.getBytes(StandardCharsets.UTF_8));
    }

    /** The same JWS in flattened JSON serialization (RFC 7515 §7.2.2). */
    static String flattened(String compact) {
        String[] parts = compact.split("\\.");
        return "{\"protected\":\"" + parts[0] + "\",\"payload\":\"" + parts[1] + "\",\"signature\":\"" + parts[2] + "\"}";
    }

    @Test
    void the_payload_of_a_jws_is_what_is_read() throws Exception {
        String compact = list().signedJson(OPERATOR);
        String payload = new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);

        assertThat(reader.read(document(compact))).hasToString(reader.read(document(payload)).toString());
    }
}
