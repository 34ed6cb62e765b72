package org.qtrust.adapters.xml;

import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;

import java.nio.charset.StandardCharsets;

/**
 * A small, conformant TS 119 612 v5 list written in the test (one provider, one CA/QC service
 * with a real certificate), to be bent into the shape a test needs with {@link #replace}.
 * It uses a "tsl:" prefix on purpose; the real lists use the default namespace.
 */
public final class ListXml {

    /** A real CA certificate (PT trust list operator), read from ../shared at run time. */
    public static final String CERTIFICATE = SharedTrustData.certificateBase64("4b9f7e2df8d3-PORTUGUESE-TRUST-LIST-SCHEME-OPERATOR.pem");

    public static final String EXTENSIONS = "<!--extensions-->";
    public static final String HISTORY = "<!--history-->";
    public static final String PROVIDERS_END = "<!--more-providers-->";

    private static final String TEMPLATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tsl:TrustServiceStatusList xmlns:tsl="http://uri.etsi.org/02231/v2#"
                xmlns:q="http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#"
                xmlns:tslx="http://uri.etsi.org/02231/v2/additionaltypes#"
                xmlns:xades="http://uri.etsi.org/01903/v1.3.2#"
                xmlns:ds="http://www.w3.org/2000/09/xmldsig#" Id="test-list" TSLTag="http://uri.etsi.org/19612/TSLTag">
              <tsl:SchemeInformation>
                <tsl:TSLVersionIdentifier>5</tsl:TSLVersionIdentifier>
                <tsl:TSLSequenceNumber>7</tsl:TSLSequenceNumber>
                <tsl:TSLType>http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric</tsl:TSLType>
                <tsl:SchemeOperatorName><tsl:Name xml:lang="en">Test Operator</tsl:Name></tsl:SchemeOperatorName>
                <tsl:SchemeInformationURI><tsl:URI xml:lang="en">https://example.test/scheme</tsl:URI></tsl:SchemeInformationURI>
                <tsl:SchemeTerritory>ZZ</tsl:SchemeTerritory>
                <tsl:HistoricalInformationPeriod>65535</tsl:HistoricalInformationPeriod>
                <tsl:ListIssueDateTime>2024-01-01T00:00:00Z</tsl:ListIssueDateTime>
                <tsl:NextUpdate><tsl:dateTime>2024-07-01T00:00:00Z</tsl:dateTime></tsl:NextUpdate>
              </tsl:SchemeInformation>
              <tsl:TrustServiceProviderList>
                <tsl:TrustServiceProvider>
                  <tsl:TSPInformation>
                    <tsl:TSPName><tsl:Name xml:lang="en">Test TSP</tsl:Name></tsl:TSPName>
                    <tsl:TSPTradeName><tsl:Name xml:lang="en">TT</tsl:Name></tsl:TSPTradeName>
                  </tsl:TSPInformation>
                  <tsl:TSPServices>
                    <tsl:TSPService>
                      <tsl:ServiceInformation>
                        <tsl:ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</tsl:ServiceTypeIdentifier>
                        <tsl:ServiceName><tsl:Name xml:lang="en">Test CA</tsl:Name></tsl:ServiceName>
                        <tsl:ServiceDigitalIdentity>
                          <tsl:DigitalId><tsl:X509Certificate>@CERTIFICATE@</tsl:X509Certificate></tsl:DigitalId>
                        </tsl:ServiceDigitalIdentity>
                        <tsl:ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</tsl:ServiceStatus>
                        <tsl:StatusStartingTime>2020-01-01T00:00:00Z</tsl:StatusStartingTime>
                        <!--extensions-->
                      </tsl:ServiceInformation>
                      <!--history-->
                    </tsl:TSPService>
                  </tsl:TSPServices>
                </tsl:TrustServiceProvider>
                <!--more-providers-->
              </tsl:TrustServiceProviderList>
            </tsl:TrustServiceStatusList>
            """.replace("@CERTIFICATE@", CERTIFICATE);

    private final String xml;

    private ListXml(String xml) {
        this.xml = xml;
    }

    public static ListXml minimal() {
        return new ListXml(TEMPLATE);
    }

    /** Replaces exactly one occurrence of a fragment; fails when the fragment is not there once. */
    public ListXml replace(String fragment, String replacement) {
        int at = xml.indexOf(fragment);
        if (at < 0 || xml.indexOf(fragment, at + 1) >= 0) {
            throw new IllegalArgumentException("fragment not found exactly once: " + fragment);
        }
        return new ListXml(xml.substring(0, at) + replacement + xml.substring(at + fragment.length()));
    }

    /** Removes the whole element that starts with the given start tag (no nested element of the same name). */
    public ListXml without(String element) {
        int start = xml.indexOf("<tsl:" + element + ">");
        String end = "</tsl:" + element + ">";
        int stop = xml.indexOf(end, start);
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("element not found: " + element);
        }
        return new ListXml(xml.substring(0, start) + xml.substring(stop + end.length()));
    }

    public String xml() {
        return xml;
    }

    public byte[] bytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    public ListDocument document() {
        return new ListDocument("test:list.xml", bytes());
    }

    public TrustedList read() throws MalformedListException {
        return SharedTrustData.READER.read(document());
    }

    @Override
    public String toString() {
        return xml;
    }
}
