package org.qtrust.adapters.crypto.listwriter;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Writes schema-shaped ETSI TS 119 612 (v5 by default; {@code version(6)} for the v2.4.1 form) documents, unsigned: sign
 * them with {@link org.qtrust.adapters.crypto.xades.XadesListSigner}. Output depends only on
 * the values given (no clock, no randomness). Two kinds:
 *
 * <pre>{@code
 * String lotl = TrustedListWriter.lotl()
 *         .sequenceNumber(7).issued(t).nextUpdate(t.plus(180, DAYS))
 *         .pointer("BE", "https://lists.test/BE.xml", beSigner.certificate())
 *         .build();
 * String be = TrustedListWriter.trustedList("BE")
 *         .service(TrustedListWriter.service("Test QC CA", TrustedListWriter.CA_QC, ca.certificate())
 *                 .status(TrustedListWriter.GRANTED, Instant.parse("2020-01-01T00:00:00Z"))
 *                 .history(TrustedListWriter.WITHDRAWN, Instant.parse("2019-01-01T00:00:00Z")))
 *         .build();
 * }</pre>
 */
public final class TrustedListWriter {

    public static final String NAMESPACE = "http://uri.etsi.org/02231/v2#";
    public static final String ADDITIONAL_TYPES = "http://uri.etsi.org/02231/v2/additionaltypes#";

    public static final String TSL_TYPE_LOTL = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists";
    public static final String TSL_TYPE_GENERIC = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric";

    public static final String CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
    public static final String CA_PKC = "http://uri.etsi.org/TrstSvc/Svctype/CA/PKC";
    public static final String TSA_QTST = "http://uri.etsi.org/TrstSvc/Svctype/TSA/QTST";
    public static final String OCSP_QC = "http://uri.etsi.org/TrstSvc/Svctype/Certstatus/OCSP/QC";
    public static final String EAA_Q = "http://uri.etsi.org/TrstSvc/Svctype/EAA/Q";

    private static final String SVC_INFO_EXT = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/";
    public static final String FOR_ESIGNATURES = SVC_INFO_EXT + "ForeSignatures";
    public static final String FOR_ESEALS = SVC_INFO_EXT + "ForeSeals";
    public static final String FOR_WEB_SITE_AUTHENTICATION = SVC_INFO_EXT + "ForWebSiteAuthentication";
    public static final String QC_WITH_QSCD = SVC_INFO_EXT + "QCWithQSCD";
    public static final String QC_STATEMENT = SVC_INFO_EXT + "QCStatement";
    public static final String QC_FOR_ESIG = SVC_INFO_EXT + "QCForESig";
    public static final String NOT_QUALIFIED = SVC_INFO_EXT + "NotQualified";
    /** Namespace of the Sie:Q Qualifications extension (TS 119 612 5.5.9.2). */
    public static final String QUALIFICATIONS_NAMESPACE = "http://uri.etsi.org/TrstSvc/SvcInfoExt/eSigDir-1999-93-EC-TrustedList/#";
    private static final String XADES_NAMESPACE = "http://uri.etsi.org/01903/v1.3.2#";

    private static final String STATUS = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/";
    public static final String GRANTED = STATUS + "granted";
    public static final String WITHDRAWN = STATUS + "withdrawn";
    public static final String RECOGNISED_AT_NATIONAL_LEVEL = STATUS + "recognisedatnationallevel";
    public static final String DEPRECATED_AT_NATIONAL_LEVEL = STATUS + "deprecatedatnationallevel";
    /** Pre-2016 (TS 119 612 v1) statuses, for history entries. */
    public static final String UNDER_SUPERVISION = STATUS + "undersupervision";
    public static final String ACCREDITED = STATUS + "accredited";
    public static final String ACCREDITATION_CEASED = STATUS + "accreditationceased";
    public static final String SUPERVISION_CEASED = STATUS + "supervisionceased";

    public static final Instant DEFAULT_ISSUED = Instant.parse("2024-01-01T00:00:00Z");
    public static final Instant DEFAULT_NEXT_UPDATE = Instant.parse("2024-07-01T00:00:00Z");

    private TrustedListWriter() {
    }

    public static LotlBuilder lotl() {
        return new LotlBuilder();
    }

    public static TrustedListBuilder trustedList(String territory) {
        return new TrustedListBuilder(territory);
    }

    public static ServiceBuilder service(String name, String typeUri, X509Certificate certificate) {
        return new ServiceBuilder(name, typeUri, certificate);
    }

    /** A trust service provider for {@link TrustedListBuilder#provider(ProviderBuilder)}. */
    public static ProviderBuilder provider(String name) {
        return new ProviderBuilder(name);
    }

    /** The list of trusted lists: scheme information with pointers to the national lists (and to itself). */
    public static final class LotlBuilder {
        private int sequenceNumber = 1;
        private Instant issued = DEFAULT_ISSUED;
        private Instant nextUpdate = DEFAULT_NEXT_UPDATE;
        private final List<String> schemeInformationUris = new ArrayList<>();
        private final StringBuilder pointers = new StringBuilder();
        private String distributionPoint = "https://lists.test/eu-lotl.xml";
        private int version = 5;

        private LotlBuilder() {
        }

        /** TSLVersionIdentifier (5 by default; 6 for TS 119 612 v2.4.1; anything else for negative tests). */
        public LotlBuilder version(int versionIdentifier) {
            this.version = versionIdentifier;
            return this;
        }

        /** The LOTL's own published location (DistributionPoints). */
        public LotlBuilder distributionPoint(String url) {
            this.distributionPoint = url;
            return this;
        }

        public LotlBuilder sequenceNumber(int number) {
            this.sequenceNumber = number;
            return this;
        }

        public LotlBuilder issued(Instant time) {
            this.issued = time;
            return this;
        }

        public LotlBuilder nextUpdate(Instant time) {
            this.nextUpdate = time;
            return this;
        }

        /** A SchemeInformationURI entry, e.g. the OJ notice or a pivot LOTL's address. */
        public LotlBuilder schemeInformationUri(String uri) {
            schemeInformationUris.add(uri);
            return this;
        }

        /** An XML pointer to the list of {@code territory} at {@code location}, announcing its signing certificates. */
        public LotlBuilder pointer(String territory, String location, X509Certificate... signers) {
            return pointer(territory, location, "EU".equals(territory) ? TSL_TYPE_LOTL : TSL_TYPE_GENERIC, "", signers);
        }

        /**
         * A pointer to a third country's list of type {@code tslType} (not EUgeneric), carrying the mutual recognition
         * agreement {@code agreementXml} ({@link MraWriter#build()}; "" for none) in an OtherInformation.
         */
        public LotlBuilder thirdCountryPointer(String territory, String location, String tslType, String agreementXml,
                                               X509Certificate... signers) {
            return pointer(territory, location, tslType, agreementXml, signers);
        }

        private LotlBuilder pointer(String territory, String location, String type, String agreementXml,
                                    X509Certificate... signers) {
            pointers.append("      <OtherTSLPointer>\n        <ServiceDigitalIdentities>\n");
            for (X509Certificate signer : signers) {
                pointers.append("          <ServiceDigitalIdentity><DigitalId><X509Certificate>").append(base64(signer))
                        .append("</X509Certificate></DigitalId></ServiceDigitalIdentity>\n");
            }
            pointers.append("        </ServiceDigitalIdentities>\n")
                    .append("        <TSLLocation>").append(escape(location)).append("</TSLLocation>\n")
                    .append("        <AdditionalInformation>\n")
                    .append("          <OtherInformation><TSLType>").append(type).append("</TSLType></OtherInformation>\n")
                    .append("          <OtherInformation><SchemeOperatorName><Name xml:lang=\"en\">Test Scheme Operator ")
                    .append(escape(territory)).append("</Name></SchemeOperatorName></OtherInformation>\n")
                    .append("          <OtherInformation><SchemeTypeCommunityRules><URI xml:lang=\"en\">")
                    .append("EU".equals(territory) ? "http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUlistofthelists"
                            : "http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUcommon")
                    .append("</URI></SchemeTypeCommunityRules></OtherInformation>\n")
                    .append("          <OtherInformation><SchemeTerritory>").append(escape(territory)).append("</SchemeTerritory></OtherInformation>\n")
                    .append("          <OtherInformation><ns3:MimeType xmlns:ns3=\"").append(ADDITIONAL_TYPES)
                    .append("\">application/vnd.etsi.tsl+xml</ns3:MimeType></OtherInformation>\n");
            if (!agreementXml.isEmpty()) {
                pointers.append("          <OtherInformation>").append(agreementXml).append("</OtherInformation>\n");
            }
            pointers.append("        </AdditionalInformation>\n      </OtherTSLPointer>\n");
            return this;
        }

        public String build() {
            StringBuilder xml = new StringBuilder();
            header(xml, version, "EU", sequenceNumber, TSL_TYPE_LOTL, "European Commission (test)",
                    "http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUlistofthelists",
                    "http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUlistofthelists", schemeInformationUris);
            xml.append("    <PointersToOtherTSL>\n").append(pointers).append("    </PointersToOtherTSL>\n");
            footer(xml, issued, nextUpdate, distributionPoint);
            xml.append("</TrustServiceStatusList>\n");
            return xml.toString();
        }
    }

    /**
     * A national trusted list. Services added with {@link #service} belong to one provider named
     * by {@link #provider(String)}; further providers come with {@link #provider(ProviderBuilder)}.
     */
    public static final class TrustedListBuilder {
        private final String territory;
        private int sequenceNumber = 1;
        private Instant issued = DEFAULT_ISSUED;
        private Instant nextUpdate = DEFAULT_NEXT_UPDATE;
        private String distributionPoint;
        private final ProviderBuilder defaultProvider = new ProviderBuilder("Test Trust Service Provider");
        private final List<ProviderBuilder> providers = new ArrayList<>();
        private int version = 5;
        private String tslType = TSL_TYPE_GENERIC;

        private TrustedListBuilder(String territory) {
            this.territory = Objects.requireNonNull(territory);
            this.distributionPoint = "https://lists.test/" + territory + ".xml";
        }

        /** TSLVersionIdentifier (5 by default; 6 for TS 119 612 v2.4.1; anything else for negative tests). */
        public TrustedListBuilder version(int versionIdentifier) {
            this.version = versionIdentifier;
            return this;
        }

        /** TSLType (EUgeneric by default; e.g. a third country's list type under a mutual recognition agreement). */
        public TrustedListBuilder tslType(String typeUri) {
            this.tslType = Objects.requireNonNull(typeUri);
            return this;
        }

        public TrustedListBuilder sequenceNumber(int number) {
            this.sequenceNumber = number;
            return this;
        }

        public TrustedListBuilder issued(Instant time) {
            this.issued = time;
            return this;
        }

        public TrustedListBuilder nextUpdate(Instant time) {
            this.nextUpdate = time;
            return this;
        }

        /** The list's own published location (DistributionPoints). */
        public TrustedListBuilder distributionPoint(String url) {
            this.distributionPoint = url;
            return this;
        }

        /** The name of the provider that {@link #service(ServiceBuilder)} adds to. */
        public TrustedListBuilder provider(String name) {
            defaultProvider.name = Objects.requireNonNull(name);
            return this;
        }

        /** A further provider, with its own services. */
        public TrustedListBuilder provider(ProviderBuilder provider) {
            providers.add(Objects.requireNonNull(provider));
            return this;
        }

        public TrustedListBuilder service(ServiceBuilder service) {
            defaultProvider.service(service);
            return this;
        }

        public String build() {
            StringBuilder xml = new StringBuilder();
            header(xml, version, territory, sequenceNumber, tslType, "Test Scheme Operator " + territory,
                    "http://uri.etsi.org/TrstSvc/TrustedList/StatusDetn/EUappropriate",
                    "http://uri.etsi.org/TrstSvc/TrustedList/schemerules/EUcommon", List.of());
            footer(xml, issued, nextUpdate, distributionPoint);
            xml.append("  <TrustServiceProviderList>\n");
            if (!defaultProvider.services.isEmpty() || providers.isEmpty()) {
                defaultProvider.appendTo(xml, territory);
            }
            for (ProviderBuilder provider : providers) {
                provider.appendTo(xml, territory);
            }
            xml.append("  </TrustServiceProviderList>\n").append("</TrustServiceStatusList>\n");
            return xml.toString();
        }
    }

    /** One TrustServiceProvider with its services. */
    public static final class ProviderBuilder {
        private String name;
        private final List<ServiceBuilder> services = new ArrayList<>();

        private ProviderBuilder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public ProviderBuilder service(ServiceBuilder service) {
            services.add(Objects.requireNonNull(service));
            return this;
        }

        private void appendTo(StringBuilder xml, String territory) {
            xml.append("    <TrustServiceProvider>\n      <TSPInformation>\n")
                    .append("        <TSPName><Name xml:lang=\"en\">").append(escape(name)).append("</Name></TSPName>\n")
                    .append("        <TSPAddress>\n").append(address(territory)).append("        </TSPAddress>\n")
                    .append("        <TSPInformationURI><URI xml:lang=\"en\">https://tsp.test/</URI></TSPInformationURI>\n")
                    .append("      </TSPInformation>\n      <TSPServices>\n");
            for (ServiceBuilder service : services) {
                service.appendTo(xml);
            }
            xml.append("      </TSPServices>\n    </TrustServiceProvider>\n");
        }
    }

    /** One TSPService: current ServiceInformation plus ServiceHistory entries, newest first as lists put them. */
    public static final class ServiceBuilder {
        private final String name;
        private final String type;
        private final X509Certificate certificate;
        private String status = GRANTED;
        private Instant statusStart = Instant.parse("2016-07-01T00:00:00Z");
        private final List<String> additionalInformation = new ArrayList<>();
        private final List<String[]> qualifiers = new ArrayList<>();
        private final List<String[]> history = new ArrayList<>();

        private ServiceBuilder(String name, String type, X509Certificate certificate) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            this.certificate = Objects.requireNonNull(certificate);
        }

        public ServiceBuilder status(String statusUri, Instant startingTime) {
            this.status = statusUri;
            this.statusStart = startingTime;
            return this;
        }

        /** An AdditionalServiceInformation URI, e.g. ".../SvcInfoExt/ForeSignatures". */
        public ServiceBuilder additionalInformation(String uri) {
            additionalInformation.add(uri);
            return this;
        }

        /**
         * A Sie:Q QualificationElement (TS 119 612 5.5.9.2): the qualifier URI applies to the
         * certificates whose policies include {@code policyOid}.
         */
        public ServiceBuilder qualifier(String qualifierUri, String policyOid) {
            qualifiers.add(new String[] {qualifierUri, policyOid});
            return this;
        }

        /** A ServiceHistoryInstance: the status that applied from {@code startingTime} until the next one. */
        public ServiceBuilder history(String statusUri, Instant startingTime) {
            history.add(new String[] {statusUri, time(startingTime)});
            return this;
        }

        private void appendQualifications(StringBuilder xml) {
            xml.append("              <Extension Critical=\"true\"><q:Qualifications xmlns:q=\"").append(QUALIFICATIONS_NAMESPACE)
                    .append("\" xmlns:xades=\"").append(XADES_NAMESPACE).append("\">\n");
            for (String[] qualifier : qualifiers) {
                xml.append("                <q:QualificationElement><q:Qualifiers><q:Qualifier uri=\"").append(escape(qualifier[0]))
                        .append("\"/></q:Qualifiers><q:CriteriaList assert=\"all\"><q:PolicySet><q:PolicyIdentifier><xades:Identifier>")
                        .append(escape(qualifier[1]))
                        .append("</xades:Identifier></q:PolicyIdentifier></q:PolicySet></q:CriteriaList></q:QualificationElement>\n");
            }
            xml.append("              </q:Qualifications></Extension>\n");
        }

        private void appendTo(StringBuilder xml) {
            String identity = "            <ServiceDigitalIdentity><DigitalId><X509Certificate>" + base64(certificate)
                    + "</X509Certificate></DigitalId></ServiceDigitalIdentity>\n";
            xml.append("        <TSPService>\n          <ServiceInformation>\n")
                    .append("            <ServiceTypeIdentifier>").append(type).append("</ServiceTypeIdentifier>\n")
                    .append("            <ServiceName><Name xml:lang=\"en\">").append(escape(name)).append("</Name></ServiceName>\n")
                    .append(identity)
                    .append("            <ServiceStatus>").append(status).append("</ServiceStatus>\n")
                    .append("            <StatusStartingTime>").append(time(statusStart)).append("</StatusStartingTime>\n");
            if (!additionalInformation.isEmpty() || !qualifiers.isEmpty()) {
                xml.append("            <ServiceInformationExtensions>\n");
                for (String uri : additionalInformation) {
                    xml.append("              <Extension Critical=\"true\"><AdditionalServiceInformation><URI xml:lang=\"en\">")
                            .append(escape(uri)).append("</URI></AdditionalServiceInformation></Extension>\n");
                }
                if (!qualifiers.isEmpty()) {
                    appendQualifications(xml);
                }
                xml.append("            </ServiceInformationExtensions>\n");
            }
            xml.append("          </ServiceInformation>\n");
            if (!history.isEmpty()) {
                xml.append("          <ServiceHistory>\n");
                for (String[] entry : history) {
                    xml.append("            <ServiceHistoryInstance>\n")
                            .append("              <ServiceTypeIdentifier>").append(type).append("</ServiceTypeIdentifier>\n")
                            .append("              <ServiceName><Name xml:lang=\"en\">").append(escape(name)).append("</Name></ServiceName>\n")
                            .append("  ").append(identity)
                            .append("              <ServiceStatus>").append(entry[0]).append("</ServiceStatus>\n")
                            .append("              <StatusStartingTime>").append(entry[1]).append("</StatusStartingTime>\n")
                            .append("            </ServiceHistoryInstance>\n");
                }
                xml.append("          </ServiceHistory>\n");
            }
            xml.append("        </TSPService>\n");
        }
    }

    private static void header(StringBuilder xml, int version, String territory, int sequenceNumber, String tslType, String operator,
                               String statusDetermination, String communityRules, List<String> schemeInformationUris) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<TrustServiceStatusList xmlns=\"").append(NAMESPACE).append("\" Id=\"TL-").append(escape(territory))
                .append("\" TSLTag=\"http://uri.etsi.org/19612/TSLTag\">\n")
                .append("  <SchemeInformation>\n")
                .append("    <TSLVersionIdentifier>").append(version).append("</TSLVersionIdentifier>\n")
                .append("    <TSLSequenceNumber>").append(sequenceNumber).append("</TSLSequenceNumber>\n")
                .append("    <TSLType>").append(tslType).append("</TSLType>\n")
                .append("    <SchemeOperatorName><Name xml:lang=\"en\">").append(escape(operator)).append("</Name></SchemeOperatorName>\n")
                .append("    <SchemeOperatorAddress>\n").append(address(territory)).append("    </SchemeOperatorAddress>\n")
                .append("    <SchemeName><Name xml:lang=\"en\">").append(escape(territory)).append(":Test trusted list</Name></SchemeName>\n")
                .append("    <SchemeInformationURI>\n");
        // Pivots and the Official Journal reference come first: readers take the pivots from the head.
        for (String uri : schemeInformationUris) {
            xml.append("      <URI xml:lang=\"en\">").append(escape(uri)).append("</URI>\n");
        }
        xml.append("      <URI xml:lang=\"en\">https://lists.test/").append(escape(territory)).append("/info</URI>\n");
        xml.append("    </SchemeInformationURI>\n")
                .append("    <StatusDeterminationApproach>").append(statusDetermination).append("</StatusDeterminationApproach>\n")
                .append("    <SchemeTypeCommunityRules><URI xml:lang=\"en\">").append(communityRules).append("</URI></SchemeTypeCommunityRules>\n")
                .append("    <SchemeTerritory>").append(escape(territory)).append("</SchemeTerritory>\n")
                .append("    <PolicyOrLegalNotice><TSLLegalNotice xml:lang=\"en\">Test data, not a real list.</TSLLegalNotice></PolicyOrLegalNotice>\n")
                .append("    <HistoricalInformationPeriod>65535</HistoricalInformationPeriod>\n");
    }

    private static void footer(StringBuilder xml, Instant issued, Instant nextUpdate, String distributionPoint) {
        xml.append("    <ListIssueDateTime>").append(time(issued)).append("</ListIssueDateTime>\n")
                .append("    <NextUpdate><dateTime>").append(time(nextUpdate)).append("</dateTime></NextUpdate>\n")
                .append("    <DistributionPoints><URI>").append(escape(distributionPoint)).append("</URI></DistributionPoints>\n")
                .append("  </SchemeInformation>\n");
    }

    private static String address(String territory) {
        return "      <PostalAddresses><PostalAddress xml:lang=\"en\"><StreetAddress>1 Test Street</StreetAddress>"
                + "<Locality>Testville</Locality><CountryName>" + escape(territory) + "</CountryName></PostalAddress></PostalAddresses>\n"
                + "      <ElectronicAddress><URI xml:lang=\"en\">mailto:operator@lists.test</URI></ElectronicAddress>\n";
    }

    /** An xsd:dateTime in UTC, as lists write it. */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A certificate's DER in base64, as an X509Certificate element holds it. */
    public static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Text escaped for XML content and attributes. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
