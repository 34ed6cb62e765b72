package org.qtrust.adapters.xml;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list is untrusted input until its signature verifies, and the reader runs first: it must
 * resolve nothing, expand nothing and stay bounded in time and memory whatever it is given.
 * A local HTTP server counts every request, to show that nothing is ever fetched.
 */
class HostileXmlTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "<!ENTITY leaked \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    @DisplayName("XXE: an external entity to a local file is refused at the DOCTYPE, the file never read")
    void external_entity_to_a_file(@TempDir Path directory) throws IOException {
        Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET");
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n")
                .replace("Test Operator", "&e;");

        assertRefused(xml, Problem.UNSAFE_XML).satisfies(e -> {
            assertThat(e.getMessage()).startsWith("the document has a DOCTYPE declaration; DTDs and entities are not allowed (line 2")
                    .doesNotContain("TOP-SECRET");
        });
    }

    @Test
    @DisplayName("XXE: the classic /etc/passwd entity is refused")
    void external_entity_etc_passwd() {
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n").replace("Test Operator", "&e;");

        assertRefused(xml, Problem.UNSAFE_XML);
    }

    @Test
    @DisplayName("XXE over HTTP and external parameter entities: refused, no request made")
    void external_entities_over_http() {
        int before = REQUESTS.get();
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION
                + "<!DOCTYPE x [<!ENTITY % p SYSTEM \"" + base + "/p.dtd\"> %p; <!ENTITY e SYSTEM \"" + base + "/e\">]>\n")
                .replace("Test Operator", "&e;&leaked;");

        assertRefused(xml, Problem.UNSAFE_XML);
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("an external DTD is refused and never fetched")
    void external_dtd() {
        int before = REQUESTS.get();
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION
                + "<!DOCTYPE TrustServiceStatusList SYSTEM \"" + base + "/list.dtd\">\n");

        assertRefused(xml, Problem.UNSAFE_XML);
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("billion laughs: refused at the DOCTYPE, before any expansion")
    void billion_laughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION + dtd).replace("Test Operator", "&lol9;");

        assertRefused(xml, Problem.UNSAFE_XML);
    }

    @Test
    @DisplayName("an internal DTD without any entity is refused too: a trusted list has no DOCTYPE")
    void harmless_looking_doctype() {
        String xml = ListXml.minimal().xml().replace(DECLARATION, DECLARATION + "<!DOCTYPE TrustServiceStatusList>\n");

        assertRefused(xml, Problem.UNSAFE_XML);
    }

    @Test
    @DisplayName("an entity reference without a DTD is refused, never resolved; character references are plain text")
    void entity_references() throws MalformedListException {
        assertRefused(ListXml.minimal().replace("Test Operator", "&nope;").xml(), Problem.UNSAFE_XML)
                .hasMessageMatching("the document uses entities, which are not allowed \\(line \\d+, column \\d+\\)");
        assertThat(ListXml.minimal().replace("Test Operator", "Test&#x20;Oper&#97;tor").read().scheme().operatorName().preferred())
                .isEqualTo("Test Operator");
    }

    @Test
    @DisplayName("XInclude is not processed: the include element is an unknown element, nothing is fetched")
    void xinclude_is_not_processed() throws MalformedListException {
        int before = REQUESTS.get();
        TrustedList list = ListXml.minimal()
                .replace("<tsl:Name xml:lang=\"en\">Test Operator</tsl:Name>",
                        "<tsl:Name xml:lang=\"en\">Test Operator</tsl:Name>"
                                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + base + "/name.xml\" parse=\"text\"/>")
                .read();

        assertThat(list.scheme().operatorName().byLanguage()).containsExactly(java.util.Map.entry("en", "Test Operator"));
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("XInclude standing in for a mandatory element leaves it missing")
    void xinclude_in_place_of_a_mandatory_element() {
        int before = REQUESTS.get();
        ListXml xml = ListXml.minimal().replace("<tsl:TSLSequenceNumber>7</tsl:TSLSequenceNumber>",
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + base + "/seq.xml\"/>");

        assertRefused(xml.xml(), Problem.NOT_CONFORMANT)
                .hasMessage("SchemeInformation/TSLSequenceNumber is missing or empty");
        assertThat(REQUESTS.get()).isEqualTo(before);
    }

    @Test
    @DisplayName("a depth bomb is refused at the depth limit, without exhausting the stack")
    void depth_bomb() {
        int levels = 200_000;
        String bomb = "<x>".repeat(levels) + "</x>".repeat(levels);
        String xml = ListXml.minimal().replace("<tsl:HistoricalInformationPeriod>", bomb + "<tsl:HistoricalInformationPeriod>").xml();

        assertRefused(xml, Problem.UNSAFE_XML).hasMessageMatching("elements are nested deeper than 64 levels \\(line \\d+, column \\d+\\)");
    }

    @Test
    @DisplayName("nesting just within the limit reads")
    void nesting_within_the_limit() throws MalformedListException {
        // root (1) / SchemeInformation (2) / 62 levels: 64 in all
        String nested = "<x>".repeat(62) + "</x>".repeat(62);
        assertThat(ListXml.minimal().replace("<tsl:HistoricalInformationPeriod>", nested + "<tsl:HistoricalInformationPeriod>")
                .read().territory()).isEqualTo("ZZ");
        String tooDeep = "<x>".repeat(63) + "</x>".repeat(63);
        assertRefused(ListXml.minimal().replace("<tsl:HistoricalInformationPeriod>", tooDeep + "<tsl:HistoricalInformationPeriod>").xml(),
                Problem.UNSAFE_XML);
    }

    @Test
    @DisplayName("a document over the size limit is refused before parsing")
    void oversized_document() {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) '<'); // not even XML: the size check comes first

        assertThatThrownBy(() -> SharedTrustData.READER.read(new ListDocument("huge.xml", huge)))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("the document has 16777217 bytes, more than the 16777216 allowed");
                });
    }

    @Test
    @DisplayName("the size limit is configurable: a real list over a small limit is refused")
    void configurable_size_limit() throws MalformedListException {
        Ts119612ListReader small = new Ts119612ListReader(new Ts119612ListReader.Limits(100_000, 64));

        assertThatThrownBy(() -> small.read(SharedTrustData.document("lotl-snapshot/AT.xml")))
                .isInstanceOfSatisfying(MalformedListException.class, e -> assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE));
        assertThat(small.read(SharedTrustData.document("lotl-snapshot/CY.xml")).territory()).isEqualTo("CY");
    }

    @Test
    @DisplayName("the first half of a real list is not well-formed")
    void truncated_real_list() {
        byte[] at = SharedTrustData.bytes("lotl-snapshot/AT.xml");
        byte[] half = Arrays.copyOf(at, at.length / 2);

        assertThatThrownBy(() -> SharedTrustData.READER.read(new ListDocument("AT-half.xml", half)))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NOT_WELL_FORMED);
                    assertThat(e.getMessage()).startsWith("the document is not well-formed XML: ").doesNotContain("\n");
                });
    }

    @Test
    @DisplayName("anything after the root element must still be well-formed")
    void garbage_after_the_root() {
        assertRefused(ListXml.minimal().xml() + "<oops", Problem.NOT_WELL_FORMED);
        assertRefused(ListXml.minimal().xml() + "<second/>", Problem.NOT_WELL_FORMED);
    }

    @Test
    @DisplayName("comments inside a text value are dropped, CDATA is read verbatim, predefined entities expand")
    void comments_cdata_and_entities_in_text() throws MalformedListException {
        TrustedList list = ListXml.minimal()
                .replace("<tsl:Name xml:lang=\"en\">Test Operator</tsl:Name>",
                        "<tsl:Name xml:lang=\"en\">A<!-- c -->B</tsl:Name>")
                .replace("<tsl:Name xml:lang=\"en\">Test TSP</tsl:Name>",
                        "<tsl:Name xml:lang=\"en\"><![CDATA[ <b>T&amp;S</b> ]]></tsl:Name>")
                .replace("<tsl:Name xml:lang=\"en\">TT</tsl:Name>", "<tsl:Name xml:lang=\"en\">Smith &amp; Sons &lt;Ltd&gt;</tsl:Name>")
                .replace("http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric",
                        "http://uri.etsi.org/TrstSvc/TrustedList/<!-- split -->TSLType/<?pi?>EUgeneric")
                .replace("<tsl:TSLSequenceNumber>7</", "<tsl:TSLSequenceNumber><![CDATA[7]]></")
                .read();

        assertThat(list.scheme().operatorName().preferred()).isEqualTo("AB");
        assertThat(list.providers().get(0).name().preferred()).isEqualTo(" <b>T&amp;S</b> ");
        assertThat(list.providers().get(0).tradeName().preferred()).isEqualTo("Smith & Sons <Ltd>");
        assertThat(list.scheme().tslType()).isEqualTo(TrustedList.EU_GENERIC_TYPE);
        assertThat(list.scheme().sequenceNumber()).isEqualTo(java.math.BigInteger.valueOf(7));
    }

    @Test
    @DisplayName("empty and whitespace-only documents are EMPTY, with or without a byte order mark")
    void empty_documents() {
        for (byte[] content : new byte[][] {new byte[0], " \n\t\r\n ".getBytes(StandardCharsets.US_ASCII),
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' ', '\n'}}) {
            assertThatThrownBy(() -> SharedTrustData.READER.read(new ListDocument("empty.xml", content)))
                    .isInstanceOfSatisfying(MalformedListException.class, e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY));
        }
    }

    @Test
    @DisplayName("a byte order mark and whitespace before the XML declaration are tolerated")
    void bom_and_leading_whitespace() throws MalformedListException {
        byte[] xml = ListXml.minimal().bytes();
        byte[] padded = new byte[xml.length + 6];
        padded[0] = (byte) 0xEF;
        padded[1] = (byte) 0xBB;
        padded[2] = (byte) 0xBF;
        padded[3] = '\n';
        padded[4] = ' ';
        padded[5] = '\t';
        System.arraycopy(xml, 0, padded, 6, xml.length);

        assertThat(SharedTrustData.READER.read(new ListDocument("padded.xml", padded)).territory()).isEqualTo("ZZ");
    }

    @Test
    @DisplayName("not XML at all, and malformed UTF-8, are not well-formed")
    void not_xml() {
        assertRefused("this is not XML", Problem.NOT_WELL_FORMED);
        byte[] broken = ListXml.minimal().replace("Test Operator", "Test \u00e9 Operator").bytes();
        int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("Test \u00c3\u00a9");
        broken[at + 5] = (byte) 0xFF;
        assertThatThrownBy(() -> SharedTrustData.READER.read(new ListDocument("utf8.xml", broken)))
                .isInstanceOfSatisfying(MalformedListException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_WELL_FORMED));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String xml, Problem problem) {
        return assertThatThrownBy(() -> SharedTrustData.READER.read(new ListDocument("hostile.xml", xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(MalformedListException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                });
    }
}
