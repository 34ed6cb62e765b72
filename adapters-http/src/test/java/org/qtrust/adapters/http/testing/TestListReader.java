package org.qtrust.adapters.http.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.qtrust.core.trustedlist.DigitalIdentity;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ListPointer;
import org.qtrust.core.trustedlist.MultilingualText;
import org.qtrust.core.trustedlist.SchemeInformation;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.ServiceInformationExtensions;
import org.qtrust.core.trustedlist.ServiceStatus;
import org.qtrust.core.trustedlist.StatusHistory;
import org.qtrust.core.trustedlist.TrustServiceProvider;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.TrustedService;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.TrustedListReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A small test-only TS 119 612 reader (JDK DOM): enough of the scheme, pointers, providers
 * and services for the refresh tests. The real reader is adapters-xml's, which this module
 * must not depend on; app-cli's end-to-end test uses that one.
 */
public final class TestListReader implements TrustedListReader {

    @Override
    public TrustedList read(ListDocument document) throws MalformedListException {
        if (document.size() == 0) {
            throw new MalformedListException(MalformedListException.Problem.EMPTY, "empty document");
        }
        Element root;
        try {
            root = parse(document.content()).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MalformedListException(MalformedListException.Problem.NOT_WELL_FORMED, e.getMessage(), e);
        }
        try {
            return list(root);
        } catch (RuntimeException e) {
            throw new MalformedListException(MalformedListException.Problem.NOT_CONFORMANT, String.valueOf(e.getMessage()), e);
        }
    }

    public static Document parse(byte[] content) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrustedList list(Element root) {
        if (!root.getLocalName().equals("TrustServiceStatusList")) {
            throw new IllegalArgumentException("root is " + root.getLocalName());
        }
        Element scheme = child(root, "SchemeInformation").orElseThrow(() -> new IllegalArgumentException("no SchemeInformation"));
        List<ListPointer> pointers = new ArrayList<>();
        child(scheme, "PointersToOtherTSL").ifPresent(all -> children(all, "OtherTSLPointer").forEach(p -> pointers.add(pointer(p))));
        List<String> uris = child(scheme, "SchemeInformationURI").map(u -> children(u, "URI").stream().map(TestListReader::text).toList())
                .orElse(List.of());
        SchemeInformation information = new SchemeInformation(
                Integer.parseInt(text(required(scheme, "TSLVersionIdentifier"))),
                new BigInteger(text(required(scheme, "TSLSequenceNumber"))),
                text(required(scheme, "TSLType")),
                names(child(scheme, "SchemeOperatorName")),
                text(required(scheme, "SchemeTerritory")),
                instant(text(required(scheme, "ListIssueDateTime"))),
                child(scheme, "NextUpdate").flatMap(n -> child(n, "dateTime")).map(d -> instant(text(d))),
                uris, pointers);
        List<TrustServiceProvider> providers = new ArrayList<>();
        child(root, "TrustServiceProviderList").ifPresent(list -> children(list, "TrustServiceProvider")
                .forEach(p -> providers.add(provider(p))));
        return new TrustedList(information, providers);
    }

    private static ListPointer pointer(Element pointer) {
        String location = text(required(pointer, "TSLLocation"));
        List<ServiceCertificate> certificates = new ArrayList<>();
        child(pointer, "ServiceDigitalIdentities").ifPresent(ids -> children(ids, "ServiceDigitalIdentity")
                .forEach(id -> certificates.addAll(identity(id).certificates())));
        String territory = "";
        String type = "";
        String mime = "";
        Optional<Element> info = child(pointer, "AdditionalInformation");
        if (info.isPresent()) {
            for (Element other : children(info.get(), "OtherInformation")) {
                for (Element value : elements(other)) {
                    switch (value.getLocalName()) {
                        case "SchemeTerritory" -> territory = text(value);
                        case "TSLType" -> type = text(value);
                        case "MimeType" -> mime = text(value);
                        default -> { }
                    }
                }
            }
        }
        return new ListPointer(location, territory, type, mime, certificates);
    }

    private static TrustServiceProvider provider(Element provider) {
        Element information = required(provider, "TSPInformation");
        List<TrustedService> services = new ArrayList<>();
        child(provider, "TSPServices").ifPresent(all -> children(all, "TSPService").forEach(s -> services.add(service(s))));
        return new TrustServiceProvider(names(child(information, "TSPName")), names(child(information, "TSPTradeName")),
                services);
    }

    private static TrustedService service(Element service) {
        Element information = required(service, "ServiceInformation");
        List<StatusHistory.Entry> history = new ArrayList<>();
        child(service, "ServiceHistory").ifPresent(all -> children(all, "ServiceHistoryInstance")
                .forEach(h -> history.add(entry(h))));
        DigitalIdentity identity = child(information, "ServiceDigitalIdentity").map(TestListReader::identity)
                .orElse(DigitalIdentity.NONE);
        return new TrustedService(identity, StatusHistory.of(entry(information), history), List.of());
    }

    private static StatusHistory.Entry entry(Element information) {
        return new StatusHistory.Entry(ServiceStatus.of(text(required(information, "ServiceStatus"))),
                instant(text(required(information, "StatusStartingTime"))),
                text(required(information, "ServiceTypeIdentifier")), names(child(information, "ServiceName")),
                ServiceInformationExtensions.NONE);
    }

    private static DigitalIdentity identity(Element identity) {
        List<ServiceCertificate> certificates = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> skis = new ArrayList<>();
        for (Element id : children(identity, "DigitalId")) {
            for (Element value : elements(id)) {
                switch (value.getLocalName()) {
                    case "X509Certificate" -> {
                        try {
                            certificates.add(ServiceCertificate.fromDer(Base64.getMimeDecoder().decode(text(value))));
                        } catch (IllegalArgumentException e) {
                            // an undecodable certificate identifies nothing
                        }
                    }
                    case "X509SubjectName" -> names.add(text(value));
                    case "X509SKI" -> skis.add(Base64.getMimeDecoder().decode(text(value)));
                    default -> { }
                }
            }
        }
        return new DigitalIdentity(certificates, names, skis, List.of());
    }

    private static MultilingualText names(Optional<Element> parent) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        parent.ifPresent(p -> children(p, "Name").forEach(name ->
                byLanguage.putIfAbsent(name.getAttributeNS(XMLConstants.XML_NS_URI, "lang"), text(name))));
        return new MultilingualText(byLanguage);
    }

    private static Instant instant(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return parsed.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS) ? Instant.from(parsed)
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date-time: " + text, e);
        }
    }

    private static Element required(Element parent, String name) {
        return child(parent, name).orElseThrow(() -> new IllegalArgumentException("no " + name + " in " + parent.getLocalName()));
    }

    private static Optional<Element> child(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getLocalName().equals(name)).findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        return elements(parent).stream().filter(e -> e.getLocalName().equals(name)).toList();
    }

    private static List<Element> elements(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }
}
