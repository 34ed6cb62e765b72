package org.qtrust.adapters.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The third-party trust data in ../shared (system property qtrust.shared, set by surefire),
 * read in place, plus a small XPath helper to pull certificates out of real lists so these
 * tests need no list parser from another module.
 */
public final class SharedTrustData {

    private static final String TSL = "http://uri.etsi.org/02231/v2#";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private SharedTrustData() {
    }

    public static Path root() {
        String configured = System.getProperty("qtrust.shared");
        if (configured != null && Files.isDirectory(Path.of(configured, "trust-data"))) {
            return Path.of(configured);
        }
        for (Path candidate : List.of(Path.of("../../shared"), Path.of("../shared"))) {
            if (Files.isDirectory(candidate.resolve("trust-data"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared trust data not found: set -Dqtrust.shared");
    }

    public static Path trustData(String relative) {
        return root().resolve("trust-data").resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(trustData(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ListDocument document(String relative) {
        return new ListDocument(relative, bytes(relative));
    }

    /** The certificates the LOTL's XML and PDF pointers announce for a territory. */
    public static List<ServiceCertificate> pointerCertificates(String lotlRelative, String territory) {
        return certificates(lotlRelative, "/tsl:TrustServiceStatusList/tsl:SchemeInformation/tsl:PointersToOtherTSL/tsl:OtherTSLPointer"
                + "[tsl:AdditionalInformation/tsl:OtherInformation/tsl:SchemeTerritory='" + territory + "']"
                + "/tsl:ServiceDigitalIdentities/tsl:ServiceDigitalIdentity/tsl:DigitalId/tsl:X509Certificate");
    }

    /** The certificates in the document's top-level ds:Signature/ds:KeyInfo. */
    public static List<ServiceCertificate> keyInfoCertificates(String relative) {
        return certificates(relative, "/*/ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate");
    }

    private static List<ServiceCertificate> certificates(String relative, String xpath) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(relative)));
            var path = XPathFactory.newInstance().newXPath();
            path.setNamespaceContext(new Namespaces());
            NodeList nodes = (NodeList) path.evaluate(xpath, document, XPathConstants.NODESET);
            List<ServiceCertificate> found = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                ServiceCertificate certificate = ServiceCertificate.fromDer(
                        Base64.getMimeDecoder().decode(nodes.item(i).getTextContent().strip()));
                if (!found.contains(certificate)) {
                    found.add(certificate);
                }
            }
            return found;
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read certificates from " + relative + ": " + e.getMessage(), e);
        }
    }

    private static final class Namespaces implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            return switch (prefix) {
                case "tsl" -> TSL;
                case "ds" -> DS;
                default -> XMLConstants.NULL_NS_URI;
            };
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return List.<String>of().iterator();
        }
    }
}
