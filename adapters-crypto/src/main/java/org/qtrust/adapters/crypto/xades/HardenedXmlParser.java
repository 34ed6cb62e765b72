package org.qtrust.adapters.crypto.xades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses an untrusted list document into a namespace-aware DOM with every XML feature a list
 * does not need switched off: no DOCTYPE at all (so no entities, internal or external, and no
 * DTD loading), no XInclude, secure processing on, and caps on size and element depth.
 * Thread-safe: each thread reuses its own {@link DocumentBuilder}.
 */
final class HardenedXmlParser {

    /** The JDK's own depth limit (jdk.xml.maxElementDepth), settable per factory. */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not make a document unreadable
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private final long maxBytes;
    private final ThreadLocal<DocumentBuilder> builders;

    HardenedXmlParser(long maxBytes, int maxElementDepth) {
        this.maxBytes = maxBytes;
        DocumentBuilderFactory factory = factory(maxElementDepth);
        this.builders = ThreadLocal.withInitial(() -> newBuilder(factory));
    }

    static DocumentBuilderFactory factory(int maxElementDepth) {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            // Verification walks every node anyway, so build the whole tree at once.
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, String.valueOf(maxElementDepth));
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser cannot be hardened: " + e.getMessage(), e);
        }
        return factory;
    }

    private static DocumentBuilder newBuilder(DocumentBuilderFactory factory) {
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no JDK XML parser: " + e.getMessage(), e);
        }
    }

    /** Parses the bytes, tolerating a UTF-8 byte order mark and whitespace before the first tag. */
    Document parse(byte[] content) throws Rejection {
        if (content.length == 0) {
            throw new Rejection(Failure.UNREADABLE, "the document is empty (0 bytes)");
        }
        if (content.length > maxBytes) {
            throw new Rejection(Failure.UNREADABLE, "the document has " + content.length
                    + " bytes, more than the limit of " + maxBytes);
        }
        int start = startOfMarkup(content);
        if (start == content.length) {
            throw new Rejection(Failure.UNREADABLE, "the document holds no XML, only whitespace");
        }
        DocumentBuilder builder = builders.get();
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(content, start, content.length - start)));
        } catch (SAXParseException e) {
            throw new Rejection(Failure.UNREADABLE, "not well-formed or refused XML (line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new Rejection(Failure.UNREADABLE, "not readable as XML: " + e.getMessage());
        } finally {
            builder.reset();
        }
    }

    /**
     * Skips a UTF-8 byte order mark and ASCII whitespace. The parser copes with the mark itself,
     * but not with whitespace in front of the XML declaration, which some publishers emit.
     */
    private static int startOfMarkup(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r' || content[i] == '\n')) {
            i++;
        }
        return i;
    }
}
