package org.qtrust.adapters.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.qtrust.adapters.xml.ts119612.ConformanceException;
import org.qtrust.adapters.xml.ts119612.ListMapper;
import org.qtrust.adapters.xml.ts119612.TextValueDeserializer;
import org.qtrust.adapters.xml.ts119612.Ts119612Xml;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.TrustedList;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;
import org.qtrust.core.trustedlist.port.TrustedListReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads ETSI TS 119 612 trusted lists (v2.1 "v5" and v2.4.1 "v6", and the older TS 102 231 /
 * TS 119 612 v1 lists still met in the wild) with Jackson XML over a hardened Woodstox parser.
 *
 * <p>Hostile input is refused before it can cost anything: the size is checked before parsing;
 * DTDs (so external entities, entity expansion, billion laughs) are refused as soon as the parser
 * meets the DOCTYPE; nothing is ever resolved (no external DTD, entity or XInclude); nesting is
 * capped. The ds:Signature is skipped: checking it belongs to the signature verifier.
 *
 * <p>The reader is stateless and thread-safe. Every failure is a {@link MalformedListException}
 * with a one-line message.
 */
public final class Ts119612ListReader implements TrustedListReader {

    static final String TSL_NAMESPACE = "http://uri.etsi.org/02231/v2#";
    static final String ROOT_ELEMENT = "TrustServiceStatusList";

    private final Limits limits;
    private final XMLInputFactory2 inputFactory;
    private final XmlFactory xmlFactory;
    private final ObjectReader listReader;

    /**
     * How much a document may demand.
     *
     * @param maxBytes largest accepted document
     * @param maxDepth deepest accepted element nesting (the root is at depth 1)
     */
    public record Limits(int maxBytes, int maxDepth) {

        /** 16 MiB and 64 levels: the largest EU list is about 2 MB and 20 levels deep. */
        public static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 64);

        public Limits {
            if (maxBytes < 1 || maxDepth < 2) {
                throw new IllegalArgumentException("limits must allow at least a root element");
            }
        }
    }

    public Ts119612ListReader() {
        this(Limits.DEFAULT);
    }

    public Ts119612ListReader(Limits limits) {
        this.limits = limits;
        this.inputFactory = hardenedInputFactory(limits);
        this.xmlFactory = XmlFactory.builder()
                .xmlInputFactory(inputFactory)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                // the schema has no nillable element: xsi:nil means nothing here, and checking costs
                .disable(FromXmlParser.Feature.PROCESS_XSI_NIL)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(limits.maxBytes(), StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .maxNestingDepth(limits.maxDepth() + 1)
                        .build())
                .build();
        XmlMapper mapper = XmlMapper.builder(xmlFactory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("ts119612-text").addDeserializer(String.class, new TextValueDeserializer()))
                .addHandler(Ts119612Xml.ignoreTextInComplexElements())
                .build();
        this.listReader = mapper.readerFor(Ts119612Xml.TrustServiceStatusList.class);
    }

    public Limits limits() {
        return limits;
    }

    @Override
    public TrustedList read(ListDocument document) throws MalformedListException {
        byte[] content = document.content();
        if (content.length > limits.maxBytes()) {
            throw new MalformedListException(Problem.TOO_LARGE,
                    "the document has " + content.length + " bytes, more than the " + limits.maxBytes() + " allowed");
        }
        int start = startOfMarkup(content);
        if (start == content.length) {
            throw new MalformedListException(Problem.EMPTY, "the document is empty");
        }
        GuardedXmlStreamReader reader = null;
        try {
            reader = new GuardedXmlStreamReader((XMLStreamReader2) inputFactory.createXMLStreamReader(
                    new ByteArrayInputStream(content, start, content.length - start)), limits.maxDepth());
            reader.moveToRoot(ROOT_ELEMENT, TSL_NAMESPACE);
            Ts119612Xml.TrustServiceStatusList bound;
            try (FromXmlParser parser = xmlFactory.createParser(reader)) {
                bound = listReader.readValue(parser);
            }
            reader.readToEnd();
            return ListMapper.toDomain(bound);
        } catch (MalformedListException e) {
            throw e;
        } catch (Exception e) {
            throw translate(e, reader);
        } catch (StackOverflowError e) {
            throw new MalformedListException(Problem.UNSAFE_XML, "the document is nested too deeply to read");
        } finally {
            if (reader != null) {
                reader.closeQuietly();
            }
        }
    }

    private static MalformedListException translate(Exception failure, GuardedXmlStreamReader reader) {
        if (reader != null && reader.refusal() != null) {
            MalformedListException refusal = reader.refusal();
            return new MalformedListException(refusal.problem(), refusal.getMessage(), failure);
        }
        ConformanceException conformance = causeOfType(failure, ConformanceException.class);
        if (conformance != null) {
            // thrown while binding (a repeated element): say where, from Jackson's path
            String where = failure instanceof JsonMappingException mapping ? " in " + parentPath(mapping) : "";
            return new MalformedListException(Problem.NOT_CONFORMANT, oneLine(conformance.getMessage()) + where, failure);
        }
        XMLStreamException syntax = causeOfType(failure, XMLStreamException.class);
        if (syntax != null) {
            return new MalformedListException(Problem.NOT_WELL_FORMED,
                    "the document is not well-formed XML: " + describe(syntax), failure);
        }
        if (failure instanceof JsonMappingException mapping) {
            String detail = oneLine(mapping.getOriginalMessage()).replaceAll("`[\\w.]+\\$(\\w+)`", "$1");
            return new MalformedListException(Problem.NOT_CONFORMANT, "unexpected structure at "
                    + path(mapping) + ": " + detail, failure);
        }
        if (failure instanceof IOException) {
            return new MalformedListException(Problem.NOT_WELL_FORMED,
                    "the document cannot be read as XML: " + oneLine(failure.getMessage()), failure);
        }
        return new MalformedListException(Problem.NOT_CONFORMANT,
                "the document cannot be read as a trusted list: " + oneLine(String.valueOf(failure.getMessage())), failure);
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(XMLStreamException syntax) {
        String message = syntax.getMessage() == null ? syntax.getClass().getSimpleName() : syntax.getMessage();
        // Woodstox appends "\n at [row,col {unknown-source}]: [r,c]"; keep it, on the same line
        return oneLine(message.replace(" {unknown-source}", ""));
    }

    /** The element path of Jackson's reference chain, from the root. */
    private static String path(JsonMappingException mapping) {
        return path(mapping, mapping.getPath().size());
    }

    private static String parentPath(JsonMappingException mapping) {
        return path(mapping, mapping.getPath().size() - 1);
    }

    private static String path(JsonMappingException mapping, int depth) {
        StringBuilder path = new StringBuilder(ROOT_ELEMENT);
        for (JsonMappingException.Reference reference : mapping.getPath().subList(0, Math.max(0, depth))) {
            if (reference.getFieldName() != null) {
                path.append('/').append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    public static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("\\s*\\R\\s*", " ").trim();
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    /** Skips a UTF-8 byte order mark and whitespace before the markup; content.length when there is nothing else. */
    public static int startOfMarkup(byte[] content) {
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            start = 3;
        }
        while (start < content.length) {
            byte b = content[start];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                break;
            }
            start++;
        }
        return start;
    }

    /**
     * Woodstox configured to resolve nothing: no DTD support (a DOCTYPE still surfaces as an
     * event, which the guard refuses), no external entities, a resolver that refuses anything
     * it is asked for, and tight built-in limits as a second line behind the guard.
     */
    public static XMLInputFactory2 hardenedInputFactory(Limits limits) {
        XMLInputFactory2 factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.RESOLVER, (javax.xml.stream.XMLResolver) (publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("refused to resolve an external resource: " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, null);
        factory.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER, null);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth() + 1);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        factory.setProperty(XMLInputFactory2.P_AUTO_CLOSE_INPUT, false);
        return factory;
    }
}
