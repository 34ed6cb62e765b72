package org.qtrust.adapters.xml;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a list must state for the domain to represent it (TS 119 612 §5.3 to §5.6), and what
 * it must not state twice. Each refusal is NOT_CONFORMANT with a one-line message naming the
 * element.
 */
class ConformanceTest {

    private static final String SERVICE = "TrustServiceProvider[1] ('Test TSP')/TSPServices/TSPService[1]/ServiceInformation";

    static Stream<Arguments> missingMandatoryElements() {
        ListXml list = ListXml.minimal();
        return Stream.of(
                Arguments.of(list.without("SchemeInformation"), "SchemeInformation is missing"),
                Arguments.of(list.without("TSLVersionIdentifier"), "SchemeInformation/TSLVersionIdentifier is missing or empty"),
                Arguments.of(list.without("TSLSequenceNumber"), "SchemeInformation/TSLSequenceNumber is missing or empty"),
                Arguments.of(list.without("TSLType"), "SchemeInformation/TSLType is missing or empty"),
                Arguments.of(list.without("SchemeTerritory"), "SchemeInformation/SchemeTerritory is missing or empty"),
                Arguments.of(list.replace("<tsl:SchemeTerritory>ZZ<", "<tsl:SchemeTerritory> <"),
                        "SchemeInformation/SchemeTerritory is missing or empty"),
                Arguments.of(list.without("ListIssueDateTime"), "SchemeInformation/ListIssueDateTime is missing or empty"),
                Arguments.of(list.without("NextUpdate"),
                        "SchemeInformation/NextUpdate is missing (only its dateTime may be absent, for a closed list)"),
                Arguments.of(list.without("ServiceTypeIdentifier"), SERVICE + "/ServiceTypeIdentifier is missing or empty"),
                Arguments.of(list.without("ServiceStatus"), SERVICE + "/ServiceStatus is missing or empty"),
                Arguments.of(list.without("StatusStartingTime"), SERVICE + "/StatusStartingTime is missing or empty"),
                Arguments.of(list.without("ServiceInformation"),
                        "TrustServiceProvider[1] ('Test TSP')/TSPServices/TSPService[1]/ServiceInformation is missing"),
                Arguments.of(list.without("TSPName"), "TrustServiceProvider[1]/TSPInformation/TSPName is missing"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("missingMandatoryElements")
    void missing_mandatory_element(ListXml list, String message) {
        assertNotConformant(list, message);
    }

    static Stream<Arguments> malformedValues() {
        ListXml list = ListXml.minimal();
        return Stream.of(
                Arguments.of(list.replace("<tsl:TSLVersionIdentifier>5<", "<tsl:TSLVersionIdentifier>five<"),
                        "SchemeInformation/TSLVersionIdentifier is not a positive integer: 'five'"),
                Arguments.of(list.replace("<tsl:TSLSequenceNumber>7<", "<tsl:TSLSequenceNumber>0<"),
                        "SchemeInformation/TSLSequenceNumber is not a positive integer: '0'"),
                Arguments.of(list.replace("<tsl:TSLSequenceNumber>7<", "<tsl:TSLSequenceNumber>7.5<"),
                        "SchemeInformation/TSLSequenceNumber is not a positive integer: '7.5'"),
                Arguments.of(list.replace("2024-01-01T00:00:00Z", "1st of January 2024"),
                        "SchemeInformation/ListIssueDateTime is not an xsd:dateTime: '1st of January 2024'"),
                Arguments.of(list.replace("2024-07-01T00:00:00Z", "2024-13-01T00:00:00Z"),
                        "SchemeInformation/NextUpdate/dateTime is not an xsd:dateTime: '2024-13-01T00:00:00Z'"),
                Arguments.of(list.replace("2020-01-01T00:00:00Z", "2020-01-01"),
                        SERVICE + "/StatusStartingTime is not an xsd:dateTime: '2020-01-01'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedValues")
    void malformed_value(ListXml list, String message) {
        assertNotConformant(list, message);
    }

    @Test
    @DisplayName("a certificate that is not base64 or not X.509 makes the list not conformant, naming where it is")
    void malformed_certificates() {
        String at = SERVICE + "/ServiceDigitalIdentity/DigitalId/X509Certificate";
        assertThatThrownBy(() -> ListXml.minimal().replace(ListXml.CERTIFICATE, "not*base64").read())
                .hasMessageStartingWith(at + " is not base64");
        assertThatThrownBy(() -> ListXml.minimal().replace(ListXml.CERTIFICATE, "AAECAwQFBgcICQ==").read())
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).startsWith(at + " is not a valid X.509 certificate");
                });
        // a certificate with bytes after it is not one certificate
        String withTrailer = java.util.Base64.getEncoder().encodeToString(
                concat(java.util.Base64.getDecoder().decode(ListXml.CERTIFICATE), new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> ListXml.minimal().replace(ListXml.CERTIFICATE, withTrailer).read())
                .hasMessage(at + " is not exactly one DER-encoded certificate");
        // PEM armour is not base64Binary
        assertThatThrownBy(() -> ListXml.minimal()
                .replace(ListXml.CERTIFICATE, "-----BEGIN CERTIFICATE-----" + ListXml.CERTIFICATE + "-----END CERTIFICATE-----").read())
                .hasMessageStartingWith(at + " is not base64");
    }

    @Test
    @DisplayName("a malformed certificate in a LOTL pointer is named too")
    void malformed_pointer_certificate() {
        ListXml list = ListXml.minimal().replace("<tsl:HistoricalInformationPeriod>65535</tsl:HistoricalInformationPeriod>", """
                <tsl:HistoricalInformationPeriod>65535</tsl:HistoricalInformationPeriod>
                <tsl:PointersToOtherTSL><tsl:OtherTSLPointer>
                  <tsl:ServiceDigitalIdentities><tsl:ServiceDigitalIdentity><tsl:DigitalId>
                    <tsl:X509Certificate>AAAA</tsl:X509Certificate>
                  </tsl:DigitalId></tsl:ServiceDigitalIdentity></tsl:ServiceDigitalIdentities>
                  <tsl:TSLLocation>https://example.test/zz.xml</tsl:TSLLocation>
                </tsl:OtherTSLPointer></tsl:PointersToOtherTSL>""");

        assertNotConformantStartingWith(list, "SchemeInformation/PointersToOtherTSL/OtherTSLPointer[1]/ServiceDigitalIdentities/"
                + "ServiceDigitalIdentity/DigitalId/X509Certificate is not a valid X.509 certificate");
    }

    @Test
    @DisplayName("an element the schema allows once must not appear twice")
    void repeated_single_elements() {
        assertNotConformant(ListXml.minimal().replace("<tsl:TSLSequenceNumber>7</tsl:TSLSequenceNumber>",
                        "<tsl:TSLSequenceNumber>7</tsl:TSLSequenceNumber><tsl:TSLSequenceNumber>8</tsl:TSLSequenceNumber>"),
                "TSLSequenceNumber appears more than once in TrustServiceStatusList/SchemeInformation");
        assertNotConformant(ListXml.minimal().replace(
                        "<tsl:StatusStartingTime>2020-01-01T00:00:00Z</tsl:StatusStartingTime>",
                        "<tsl:StatusStartingTime>2020-01-01T00:00:00Z</tsl:StatusStartingTime>"
                                + "<tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/withdrawn</tsl:ServiceStatus>"),
                "ServiceStatus appears more than once in TrustServiceStatusList/TrustServiceProviderList/TrustServiceProvider/TSPServices/TSPService/ServiceInformation");
        assertNotConformant(ListXml.minimal().replace("</tsl:SchemeInformation>",
                        "</tsl:SchemeInformation><tsl:SchemeInformation/>"),
                "SchemeInformation appears more than once in TrustServiceStatusList");
    }

    @Test
    @DisplayName("the root must be TrustServiceStatusList in the TS 119 612 namespace")
    void root_element() {
        assertNotConformant("<?xml version=\"1.0\"?><html><body/></html>", "the root element is html, not TrustServiceStatusList");
        assertNotConformant(ListXml.minimal().xml().replace("xmlns:tsl=\"http://uri.etsi.org/02231/v2#\"",
                        "xmlns:tsl=\"http://example.test/not-a-tsl#\""),
                "the root element TrustServiceStatusList is in namespace 'http://example.test/not-a-tsl#', not http://uri.etsi.org/02231/v2#");
    }

    @Test
    @DisplayName("an empty NextUpdate marks a closed list: no next update")
    void closed_list() throws MalformedListException {
        TrustedList closed = ListXml.minimal()
                .replace("<tsl:NextUpdate><tsl:dateTime>2024-07-01T00:00:00Z</tsl:dateTime></tsl:NextUpdate>", "<tsl:NextUpdate/>")
                .read();

        assertThat(closed.scheme().nextUpdate()).isEmpty();
    }

    @Test
    @DisplayName("TS 102 231 lists (version 4 and before) may omit SchemeTerritory")
    void territory_optional_before_version_5() throws MalformedListException {
        TrustedList v3 = ListXml.minimal().without("SchemeTerritory")
                .replace("<tsl:TSLVersionIdentifier>5<", "<tsl:TSLVersionIdentifier>3<").read();

        assertThat(v3.territory()).isEmpty();
        assertThat(v3.scheme().versionIdentifier()).isEqualTo(3);
    }

    @Test
    @DisplayName("values of URI, integer and dateTime types are read without surrounding whitespace; date-times without zone are UTC")
    void whitespace_and_time_zones() throws MalformedListException {
        TrustedList list = ListXml.minimal()
                .replace("<tsl:TSLSequenceNumber>7<", "<tsl:TSLSequenceNumber>\n  12345678901234567890123\n<")
                .replace("<tsl:SchemeTerritory>ZZ<", "<tsl:SchemeTerritory>\n\tZZ\n<")
                .replace("2024-01-01T00:00:00Z", "\n 2024-01-01T01:00:00+01:00 ")
                .replace("2024-07-01T00:00:00Z", "2024-07-01T00:00:00")
                .replace("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted", "\n  http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted\n")
                .read();

        assertThat(list.scheme().sequenceNumber()).isEqualTo(new BigInteger("12345678901234567890123"));
        assertThat(list.territory()).isEqualTo("ZZ");
        assertThat(list.scheme().issued()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(list.scheme().nextUpdate()).isEqualTo(Optional.of(Instant.parse("2024-07-01T00:00:00Z")));
        assertThat(list.providers().get(0).services().get(0).currentStatus().shortName()).isEqualTo("granted");
    }

    @Test
    @DisplayName("names are normalizedString: line breaks and tabs read as spaces; the first name of a language wins")
    void names() throws MalformedListException {
        TrustedList list = ListXml.minimal()
                .replace("<tsl:Name xml:lang=\"en\">Test TSP</tsl:Name>",
                        "<tsl:Name xml:lang=\"EN\">Test\n\tTSP</tsl:Name><tsl:Name xml:lang=\"fr\">PSC</tsl:Name>"
                                + "<tsl:Name xml:lang=\"en\">Second English name</tsl:Name>")
                .read();

        assertThat(list.providers().get(0).name().byLanguage()).containsExactly(
                java.util.Map.entry("en", "Test  TSP"), java.util.Map.entry("fr", "PSC"));
    }

    @Test
    @DisplayName("an attribute on a simple-typed element (an Id, an xml:lang) does not get in the way")
    void attributes_on_simple_elements() throws MalformedListException {
        TrustedList list = ListXml.minimal()
                .replace("<tsl:TSLType>", "<tsl:TSLType Id=\"t1\" xml:lang=\"en\">")
                .read();

        assertThat(list.scheme().tslType()).isEqualTo(TrustedList.EU_GENERIC_TYPE);
    }

    @Test
    @DisplayName("text where child elements belong is ignored, and the missing child is named")
    void text_instead_of_elements() {
        assertNotConformant(ListXml.minimal().replace(
                        "<tsl:TSPName><tsl:Name xml:lang=\"en\">Test TSP</tsl:Name></tsl:TSPName>", "Test TSP"),
                "TrustServiceProvider[1]/TSPInformation/TSPName is missing");
        assertNotConformant(ListXml.minimal().replace(
                        "<tsl:ListIssueDateTime>2024-01-01T00:00:00Z</tsl:ListIssueDateTime>",
                        "<tsl:ListIssueDateTime><tsl:dateTime>2024-01-01T00:00:00Z</tsl:dateTime></tsl:ListIssueDateTime>"),
                "SchemeInformation/ListIssueDateTime is missing or empty");
    }

    @Test
    @DisplayName("a date written straight into NextUpdate is refused, not mistaken for a closed list")
    void next_update_without_date_time_element() {
        assertNotConformant(ListXml.minimal().replace(
                        "<tsl:NextUpdate><tsl:dateTime>2024-07-01T00:00:00Z</tsl:dateTime></tsl:NextUpdate>",
                        "<tsl:NextUpdate>2024-07-01T00:00:00Z</tsl:NextUpdate>"),
                "SchemeInformation/NextUpdate holds text instead of a dateTime element: '2024-07-01T00:00:00Z'");
    }

    @Test
    @DisplayName("a simple-typed element holding elements instead of text reads as missing")
    void element_content_instead_of_text() {
        assertNotConformant(ListXml.minimal().replace("<tsl:TSLSequenceNumber>7<", "<tsl:TSLSequenceNumber><b>7</b><"),
                "SchemeInformation/TSLSequenceNumber is missing or empty");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertNotConformant(ListXml list, String message) {
        assertNotConformant(list.xml(), message);
    }

    private static void assertNotConformant(String xml, String message) {
        assertThatThrownBy(() -> SharedTrustData.READER.read(
                new org.qtrust.core.trustedlist.ListDocument("test.xml", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private static void assertNotConformantStartingWith(ListXml list, String start) {
        assertThatThrownBy(list::read).isInstanceOfSatisfying(MalformedListException.class, e -> {
            assertThat(e.problem()).isEqualTo(Problem.NOT_CONFORMANT);
            assertThat(e.getMessage()).startsWith(start).doesNotContain("\n");
        });
    }
}
