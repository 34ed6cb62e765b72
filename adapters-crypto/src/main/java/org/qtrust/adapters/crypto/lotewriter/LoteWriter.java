package org.qtrust.adapters.crypto.lotewriter;

import org.qtrust.adapters.crypto.listwriter.TrustedListWriter;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jose4j.json.JsonUtil;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;

/**
 * Lists of trusted entities (ETSI TS 119 602 V1.1.1) built from the published schemas, in both
 * forms, unsigned or signed:
 *
 * <ul>
 *   <li>JSON: the structure of {@code 1960201_json_schema.json} ({@code LoTE} →
 *       {@code ListAndSchemeInformation}, {@code TrustedEntitiesList} → {@code TrustedEntityInformation},
 *       {@code TrustedEntityServices} → {@code ServiceInformation}, {@code ServiceHistory}; names as
 *       {@code [{lang, value}]}, certificates as {@code X509Certificates: [{val}]}), signed as a compact
 *       JWS with the signer in {@code x5c} (TS 119 602 §6.8, the EU profiles' compact JAdES baseline B);</li>
 *   <li>XML: the structure of {@code 1960201_xsd_schema.xsd} (root {@code ListOfTrustedEntities}
 *       with {@code LOTETag}, namespace {@code http://uri.etsi.org/019602/v1#}), signed with an
 *       enveloped XAdES signature by {@code xades.XadesListSigner}.</li>
 * </ul>
 *
 * The EU PID providers profile (Annex D) values come from the identifiers in
 * {@code org.qtrust.core.lote.LoteIdentifiers} (repeated here as strings so the writer does not
 * depend on the reader it feeds). Used by the sandbox and, through {@code testpki.TestLotes}, by tests. Annex D forbids ServiceStatus on PID lists; a service built with
 * {@link ServiceBuilder#status} carries one anyway, to test status history (TS 119 602 §6.6.4, §6.7).
 *
 * <pre>{@code
 * String jws = LoteWriter.pidProviders().sequenceNumber(3)
 *         .entity("PID Provider A", LoteWriter.service("PID issuance", LoteWriter.PID_ISSUANCE, signer.certificate()))
 *         .signedJson(operator.privateKey(), operator.certificate());
 * }</pre>
 */
public final class LoteWriter {

    public static final String NAMESPACE = "http://uri.etsi.org/019602/v1#";
    public static final String EU_PID_PROVIDERS_LIST = "http://uri.etsi.org/19602/LoTEType/EUPIDProvidersList";
    public static final String EU_PUB_EAA_PROVIDERS_LIST = "http://uri.etsi.org/19602/LoTEType/EUPubEAAProvidersList";
    public static final String PID_ISSUANCE = "http://uri.etsi.org/19602/SvcType/PID/Issuance";
    public static final String PID_REVOCATION = "http://uri.etsi.org/19602/SvcType/PID/Revocation";
    public static final String PUB_EAA_ISSUANCE = "http://uri.etsi.org/19602/SvcType/PubEAA/Issuance";
    /** QTrust's own mDL providers list type and service type (no EU profile defines them yet; core LoteIdentifiers). */
    public static final String MDL_PROVIDERS_LIST = "urn:qtrust:lote:type:mDLProvidersList";
    public static final String MDL_ISSUANCE = "urn:qtrust:lote:svctype:mDL/Issuance";
    public static final String NOTIFIED = "http://uri.etsi.org/19602/PubEAAProvidersList/SvcStatus/notified";
    public static final String WITHDRAWN = "http://uri.etsi.org/19602/PubEAAProvidersList/SvcStatus/withdrawn";

    public static final Instant DEFAULT_ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant DEFAULT_NEXT_UPDATE = Instant.parse("2026-07-01T00:00:00Z");

    private LoteWriter() {
    }

    /** An EU PID providers list (Annex D: type, status determination approach, scheme rules, territory EU). */
    public static LoteBuilder pidProviders() {
        return new LoteBuilder(EU_PID_PROVIDERS_LIST, "http://uri.etsi.org/19602/PIDProvidersList/StatusDetn/EU",
                "http://uri.etsi.org/19602/PIDProviders/schemerules/EU");
    }

    /** A list of mDL providers in the TS 119 602 shape, under QTrust's own URNs (issue 18). */
    public static LoteBuilder mdlProviders() {
        return new LoteBuilder(MDL_PROVIDERS_LIST, "urn:qtrust:lote:mDLProvidersList:StatusDetn", "urn:qtrust:lote:mDLProvidersList:schemerules");
    }

    /** An EU Pub-EAA providers list (Annex H). */
    public static LoteBuilder pubEaaProviders() {
        return new LoteBuilder(EU_PUB_EAA_PROVIDERS_LIST, "http://uri.etsi.org/19602/PubEAAProvidersList/StatusDetn/EU",
                "http://uri.etsi.org/19602/PubEAAProvidersList/schemerules/EU");
    }

    public static ServiceBuilder service(String name, String typeUri, X509Certificate certificate) {
        return new ServiceBuilder(name, typeUri, certificate);
    }

    /**
     * A compact JWS over the JSON with the signer's certificate in x5c (typ JOSE): ES256 by RFC 6979
     * deterministic ECDSA, or RS256, so the same key signs the same list byte for byte.
     */
    public static String signJws(String json, PrivateKey key, X509Certificate certificate) {
        boolean ec = "EC".equals(key.getAlgorithm());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", ec ? "ES256" : "RS256");
        header.put("typ", "JOSE");
        header.put("x5c", List.of(TrustedListWriter.base64(certificate)));
        String signingInput = base64Url(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(json.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(DeterministicSignatures.jwsSignature(key, ec ? "ES256" : "RS256", signingInput));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** One list: scheme information and its entities. Each setter returns this builder. */
    public static final class LoteBuilder {
        private String type;
        private final String statusDetermination;
        private final String schemeRules;
        private int sequenceNumber = 1;
        private Instant issued = DEFAULT_ISSUED;
        private Instant nextUpdate = DEFAULT_NEXT_UPDATE;
        private String territory = "EU";
        private String operator = "Test LoTE Operator";
        private final List<Entity> entities = new ArrayList<>();
        private final List<Pointer> pointers = new ArrayList<>();

        private LoteBuilder(String type, String statusDetermination, String schemeRules) {
            this.type = type;
            this.statusDetermination = statusDetermination;
            this.schemeRules = schemeRules;
        }

        public LoteBuilder type(String uri) {
            this.type = uri;
            return this;
        }

        public LoteBuilder sequenceNumber(int number) {
            this.sequenceNumber = number;
            return this;
        }

        public LoteBuilder issued(Instant time) {
            this.issued = time;
            return this;
        }

        /** Null for a closed list (no NextUpdate date-time). */
        public LoteBuilder nextUpdate(Instant time) {
            this.nextUpdate = time;
            return this;
        }

        public LoteBuilder territory(String code) {
            this.territory = code;
            return this;
        }

        public LoteBuilder operator(String name) {
            this.operator = name;
            return this;
        }

        /**
         * A PointersToOtherLoTE entry (TS 119 602 §6.3.13): the list of {@code loteType} (territory EU)
         * at {@code location}, signed by {@code signer} — e.g. the list's own successor after a key rollover.
         */
        public LoteBuilder pointer(String location, String loteType, X509Certificate signer) {
            pointers.add(new Pointer(location, loteType, signer));
            return this;
        }

        public LoteBuilder entity(String name, ServiceBuilder... services) {
            entities.add(new Entity(name, List.of(services)));
            return this;
        }

        /** The unsigned JSON document {@code {"LoTE": …}}. */
        public String json() {
            Map<String, Object> scheme = new LinkedHashMap<>();
            scheme.put("LoTEVersionIdentifier", 1);
            scheme.put("LoTESequenceNumber", sequenceNumber);
            scheme.put("LoTEType", type);
            scheme.put("SchemeOperatorName", List.of(lang(operator)));
            scheme.put("SchemeOperatorAddress", ordered(
                    "SchemeOperatorPostalAddress", List.of(ordered("lang", "en", "StreetAddress", "Rue de la Loi 1",
                            "Locality", "Brussels", "Country", "BE")),
                    "SchemeOperatorElectronicAddress", List.of(ordered("lang", "en", "uriValue", "mailto:lote@lists.test"))));
            scheme.put("SchemeName", List.of(lang(territory + ":Test list of trusted entities")));
            scheme.put("SchemeInformationURI", List.of(ordered("lang", "en", "uriValue", "https://lists.test/lote-info")));
            scheme.put("StatusDeterminationApproach", statusDetermination);
            scheme.put("SchemeTypeCommunityRules", List.of(ordered("lang", "en", "uriValue", schemeRules)));
            scheme.put("SchemeTerritory", territory);
            if (!pointers.isEmpty()) {
                List<Object> list = new ArrayList<>();
                for (Pointer pointer : pointers) {
                    list.add(ordered("LoTELocation", pointer.location(),
                            "ServiceDigitalIdentities", List.of(ordered("X509Certificates", List.of(ordered("val", base64(pointer.signer()))))),
                            "LoTEQualifiers", List.of(ordered("LoTEType", pointer.type(), "SchemeOperatorName", List.of(lang(operator)),
                                    "SchemeTerritory", "EU", "MimeType", "application/jose"))));
                }
                scheme.put("PointersToOtherLoTE", list);
            }
            scheme.put("ListIssueDateTime", time(issued));
            scheme.put("NextUpdate", nextUpdate == null ? null : time(nextUpdate));
            List<Object> list = new ArrayList<>();
            for (Entity entity : entities) {
                List<Object> services = new ArrayList<>();
                for (ServiceBuilder service : entity.services()) {
                    Map<String, Object> wrapper = new LinkedHashMap<>();
                    wrapper.put("ServiceInformation", service.jsonInformation(service.current, true));
                    if (!service.history.isEmpty()) {
                        List<Object> history = new ArrayList<>();
                        for (Status past : service.history) {
                            history.add(service.jsonInformation(past, false));
                        }
                        wrapper.put("ServiceHistory", history);
                    }
                    services.add(wrapper);
                }
                list.add(ordered("TrustedEntityInformation", ordered(
                                "TEName", List.of(lang(entity.name())),
                                "TEAddress", ordered(
                                        "TEPostalAddress", List.of(ordered("lang", "en", "StreetAddress", "Street 1",
                                                "Locality", "Town", "Country", territory)),
                                        "TEElectronicAddress", List.of(ordered("lang", "en", "uriValue", "https://provider.test"))),
                                "TEInformationURI", List.of(ordered("lang", "en", "uriValue", "https://provider.test/info"))),
                        "TrustedEntityServices", services));
            }
            Map<String, Object> lote = new LinkedHashMap<>();
            lote.put("ListAndSchemeInformation", scheme);
            if (!list.isEmpty()) {
                lote.put("TrustedEntitiesList", list);
            }
            return JsonUtil.toJson(ordered("LoTE", lote));
        }

        /** The JSON list as a compact JWS signed with {@code key}, whose certificate goes in x5c. */
        public String signedJson(PrivateKey key, X509Certificate certificate) {
            return signJws(json(), key, certificate);
        }

        /** The unsigned XML document. */
        public String xml() {
            StringBuilder xml = new StringBuilder();
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<ListOfTrustedEntities xmlns=\"").append(NAMESPACE)
                    .append("\" LOTETag=\"http://uri.etsi.org/19602/LoTETag\" Id=\"lote\">\n")
                    .append("  <ListAndSchemeInformation>\n")
                    .append("    <LoTEVersionIdentifier>1</LoTEVersionIdentifier>\n")
                    .append("    <LoTESequenceNumber>").append(sequenceNumber).append("</LoTESequenceNumber>\n")
                    .append("    <LoTEType>").append(escape(type)).append("</LoTEType>\n")
                    .append("    <SchemeOperatorName><Name xml:lang=\"en\">").append(escape(operator)).append("</Name></SchemeOperatorName>\n")
                    .append("    <SchemeOperatorAddress><PostalAddresses><PostalAddress xml:lang=\"en\"><StreetAddress>Rue de la Loi 1")
                    .append("</StreetAddress><Locality>Brussels</Locality><CountryName>BE</CountryName></PostalAddress></PostalAddresses>")
                    .append("<ElectronicAddress><URI xml:lang=\"en\">mailto:lote@lists.test</URI></ElectronicAddress></SchemeOperatorAddress>\n")
                    .append("    <SchemeName><Name xml:lang=\"en\">").append(escape(territory)).append(":Test list of trusted entities</Name></SchemeName>\n")
                    .append("    <SchemeInformationURI><URI xml:lang=\"en\">https://lists.test/lote-info</URI></SchemeInformationURI>\n")
                    .append("    <StatusDeterminationApproach>").append(statusDetermination).append("</StatusDeterminationApproach>\n")
                    .append("    <SchemeTypeCommunityRules><URI xml:lang=\"en\">").append(schemeRules).append("</URI></SchemeTypeCommunityRules>\n")
                    .append("    <SchemeTerritory>").append(escape(territory)).append("</SchemeTerritory>\n")
                    .append(xmlPointers())
                    .append("    <ListIssueDateTime>").append(time(issued)).append("</ListIssueDateTime>\n")
                    .append("    <NextUpdate>").append(nextUpdate == null ? "" : "<dateTime>" + time(nextUpdate) + "</dateTime>")
                    .append("</NextUpdate>\n")
                    .append("  </ListAndSchemeInformation>\n");
            if (!entities.isEmpty()) {
                xml.append("  <TrustedEntitiesList>\n");
                for (Entity entity : entities) {
                    xml.append("    <TrustedEntity>\n      <TrustedEntityInformation>\n")
                            .append("        <TEName><Name xml:lang=\"en\">").append(escape(entity.name())).append("</Name></TEName>\n")
                            .append("        <TEAddress><PostalAddresses><PostalAddress xml:lang=\"en\"><StreetAddress>Street 1")
                            .append("</StreetAddress><Locality>Town</Locality><CountryName>").append(escape(territory))
                            .append("</CountryName></PostalAddress></PostalAddresses><ElectronicAddress><URI xml:lang=\"en\">")
                            .append("https://provider.test</URI></ElectronicAddress></TEAddress>\n")
                            .append("        <TEInformationURI><URI xml:lang=\"en\">https://provider.test/info</URI></TEInformationURI>\n")
                            .append("      </TrustedEntityInformation>\n      <TrustedEntityServices>\n");
                    for (ServiceBuilder service : entity.services()) {
                        xml.append("        <TrustedEntityService>\n          <ServiceInformation>\n");
                        service.xmlInformation(xml, service.current);
                        xml.append("          </ServiceInformation>\n");
                        if (!service.history.isEmpty()) {
                            xml.append("          <ServiceHistory>\n");
                            for (Status past : service.history) {
                                xml.append("            <ServiceHistoryInstance>\n");
                                service.xmlInformation(xml, past);
                                xml.append("            </ServiceHistoryInstance>\n");
                            }
                            xml.append("          </ServiceHistory>\n");
                        }
                        xml.append("        </TrustedEntityService>\n");
                    }
                    xml.append("      </TrustedEntityServices>\n    </TrustedEntity>\n");
                }
                xml.append("  </TrustedEntitiesList>\n");
            }
            return xml.append("</ListOfTrustedEntities>\n").toString();
        }

        private String xmlPointers() {
            if (pointers.isEmpty()) {
                return "";
            }
            StringBuilder xml = new StringBuilder("    <PointersToOtherLoTE>\n");
            for (Pointer pointer : pointers) {
                xml.append("      <OtherLoTEPointer><ServiceDigitalIdentities><ServiceDigitalIdentity><DigitalId><X509Certificate>")
                        .append(base64(pointer.signer())).append("</X509Certificate></DigitalId></ServiceDigitalIdentity>")
                        .append("</ServiceDigitalIdentities><LoTELocation>").append(escape(pointer.location()))
                        .append("</LoTELocation><AdditionalInformation><OtherInformation><LoTEType>").append(escape(pointer.type()))
                        .append("</LoTEType></OtherInformation><OtherInformation><SchemeTerritory>EU</SchemeTerritory></OtherInformation>")
                        .append("<OtherInformation><MimeType>application/xml</MimeType></OtherInformation></AdditionalInformation>")
                        .append("</OtherLoTEPointer>\n");
            }
            return xml.append("    </PointersToOtherLoTE>\n").toString();
        }

        public byte[] bytes(String document) {
            return document.getBytes(StandardCharsets.UTF_8);
        }
    }

    private record Entity(String name, List<ServiceBuilder> services) {
    }

    private record Pointer(String location, String type, X509Certificate signer) {
    }

    private record Status(String uri, Instant start) {
    }

    /** One TE service; without {@link #status} it is listed without ServiceStatus, as Annexes D to G require. */
    public static final class ServiceBuilder {
        private final String name;
        private final String type;
        private final X509Certificate certificate;
        private Status current;
        private final List<Status> history = new ArrayList<>();

        private ServiceBuilder(String name, String type, X509Certificate certificate) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            this.certificate = Objects.requireNonNull(certificate);
        }

        /** ServiceStatus and StatusStartingTime of the current ServiceInformation. */
        public ServiceBuilder status(String uri, Instant start) {
            this.current = new Status(uri, start);
            return this;
        }

        /** A ServiceHistoryInstance with its (previous) status and starting time. */
        public ServiceBuilder history(String uri, Instant start) {
            history.add(new Status(uri, start));
            return this;
        }

        private Map<String, Object> jsonInformation(Status status, boolean current) {
            Map<String, Object> information = new LinkedHashMap<>();
            information.put("ServiceTypeIdentifier", type);
            information.put("ServiceName", List.of(lang(name)));
            information.put("ServiceDigitalIdentity", ordered("X509Certificates", List.of(ordered("val", base64(certificate)))));
            if (status != null) {
                information.put("ServiceStatus", status.uri());
                information.put("StatusStartingTime", time(status.start()));
            }
            return information;
        }

        private void xmlInformation(StringBuilder xml, Status status) {
            xml.append("            <ServiceTypeIdentifier>").append(escape(type)).append("</ServiceTypeIdentifier>\n")
                    .append("            <ServiceName><Name xml:lang=\"en\">").append(escape(name)).append("</Name></ServiceName>\n")
                    .append("            <ServiceDigitalIdentity><DigitalId><X509Certificate>").append(base64(certificate))
                    .append("</X509Certificate></DigitalId></ServiceDigitalIdentity>\n");
            if (status != null) {
                xml.append("            <ServiceStatus>").append(escape(status.uri())).append("</ServiceStatus>\n")
                        .append("            <StatusStartingTime>").append(time(status.start())).append("</StatusStartingTime>\n");
            }
        }
    }

    private static Map<String, Object> lang(String value) {
        return ordered("lang", "en", "value", value);
    }

    /** A JSON object with its members in the given order (Map.of iterates in an order that changes between runs). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    private static String time(Instant instant) {
        return TrustedListWriter.time(instant);
    }

    private static String base64(X509Certificate certificate) {
        return TrustedListWriter.base64(certificate);
    }

    private static String escape(String text) {
        return TrustedListWriter.escape(text);
    }
}
