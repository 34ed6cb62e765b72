package org.qtrust.adapters.xml.lote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.deser.FromXmlParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.qtrust.adapters.xml.GuardedXmlStreamReader;
import org.qtrust.adapters.xml.Ts119612ListReader;
import org.qtrust.adapters.xml.ts119612.ConformanceException;
import org.qtrust.core.lote.ListOfTrustedEntities;
import org.qtrust.core.lote.LoteIdentifiers;
import org.qtrust.core.lote.port.LoteReader;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.port.MalformedListException;
import org.qtrust.core.trustedlist.port.MalformedListException.Problem;

/**
 * Reads a list of trusted entities (ETSI TS 119 602) in either form: XML (root
 * {@code ListOfTrustedEntities}, read with Jackson XML over the same hardened Woodstox parser as
 * TS 119 612 lists: no DTD, no entities, nothing resolved, depth capped), or JSON — bare
 * ({@code {"LoTE": …}}), or as the payload of a JWS in compact or JSON serialization (JAdES,
 * TS 119 602 §6.8). The JWS is only unwrapped here: verifying it is the signature verifier's job.
 * Size is checked before parsing; JSON nesting, string and document length are capped and
 * duplicate member names refused. Stateless and thread-safe.
 */
public final class LoteDocumentReader implements LoteReader {

    static final String ROOT_ELEMENT = "ListOfTrustedEntities";

    private final Ts119612ListReader.Limits limits;
    private final XMLInputFactory2 inputFactory;
    private final XmlFactory xmlFactory;
    private final XmlMapper xmlMapper;
    private final ObjectMapper jsonMapper;

    public LoteDocumentReader() {
        this(Ts119612ListReader.Limits.DEFAULT);
    }

    public LoteDocumentReader(Ts119612ListReader.Limits limits) {
        this.limits = limits;
        this.inputFactory = Ts119612ListReader.hardenedInputFactory(limits);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 1)
                .maxStringLength(limits.maxBytes())
                .maxDocumentLength(limits.maxBytes())
                .build();
        this.xmlFactory = XmlFactory.builder().xmlInputFactory(inputFactory)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(FromXmlParser.Feature.PROCESS_XSI_NIL)
                .streamReadConstraints(constraints).build();
        this.xmlMapper = new XmlMapper(xmlFactory);
        this.jsonMapper = new ObjectMapper(JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    }

    @Override
    public ListOfTrustedEntities read(ListDocument document) throws MalformedListException {
        byte[] content = document.content();
        if (content.length > limits.maxBytes()) {
            throw new MalformedListException(Problem.TOO_LARGE,
                    "the document has " + content.length + " bytes, more than the " + limits.maxBytes() + " allowed");
        }
        int start = Ts119612ListReader.startOfMarkup(content);
        if (start == content.length) {
            throw new MalformedListException(Problem.EMPTY, "the document is empty");
        }
        try {
            if (content[start] == '<') {
                return readXml(content, start);
            }
            return JsonLoteMapper.toDomain(jsonPayload(content, start));
        } catch (ConformanceException e) {
            throw new MalformedListException(Problem.NOT_CONFORMANT, Ts119612ListReader.oneLine(e.getMessage()), e);
        }
    }

    /** The LoTE JSON: the document itself, or the payload of the JWS that carries it. */
    private JsonNode jsonPayload(byte[] content, int start) throws MalformedListException {
        if (content[start] != '{') {
            String compact = new String(content, start, content.length - start, StandardCharsets.US_ASCII).trim();
            String[] parts = compact.split("\\.", -1);
            if (parts.length != 3) {
                throw new MalformedListException(Problem.NOT_WELL_FORMED,
                        "the document is neither XML, JSON nor a JWS in compact serialization (header.payload.signature)");
            }
            return json(base64url(parts[1], "the JWS payload"), "the JWS payload");
        }
        JsonNode root = json(java.util.Arrays.copyOfRange(content, start, content.length), "the document");
        if (root.has("payload")) {
            JsonNode payload = root.get("payload");
            if (!payload.isTextual()) {
                throw new MalformedListException(Problem.NOT_CONFORMANT, "the JWS payload member is not a string");
            }
            return json(base64url(payload.asText(), "the JWS payload"), "the JWS payload");
        }
        return root;
    }

    private JsonNode json(byte[] bytes, String what) throws MalformedListException {
        try {
            JsonNode node = jsonMapper.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MalformedListException(Problem.NOT_CONFORMANT, what + " is not a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new MalformedListException(Problem.TOO_LARGE, what + " exceeds a size or nesting limit: "
                    + Ts119612ListReader.oneLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new MalformedListException(Problem.NOT_WELL_FORMED, what + " is not well-formed JSON: "
                    + Ts119612ListReader.oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new MalformedListException(Problem.NOT_WELL_FORMED, what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] base64url(String text, String what) throws MalformedListException {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedListException(Problem.NOT_WELL_FORMED, what + " is not base64url: " + e.getMessage(), e);
        }
    }

    private ListOfTrustedEntities readXml(byte[] content, int start) throws MalformedListException {
        GuardedXmlStreamReader reader = null;
        try {
            reader = new GuardedXmlStreamReader((XMLStreamReader2) inputFactory.createXMLStreamReader(
                    new ByteArrayInputStream(content, start, content.length - start)), limits.maxDepth());
            reader.moveToRoot(ROOT_ELEMENT, LoteIdentifiers.XML_NAMESPACE);
            JsonNode tree;
            try (FromXmlParser parser = xmlFactory.createParser(reader)) {
                tree = xmlMapper.readTree(parser);
            }
            reader.readToEnd();
            if (tree == null || !tree.isObject()) {
                throw new MalformedListException(Problem.NOT_CONFORMANT, "the " + ROOT_ELEMENT + " element is empty");
            }
            return XmlLoteMapper.toDomain(tree);
        } catch (MalformedListException | ConformanceException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new MalformedListException(Problem.UNSAFE_XML, "the document is nested too deeply to read");
        } catch (Exception e) {
            if (reader != null && reader.refusal() != null) {
                throw new MalformedListException(reader.refusal().problem(), reader.refusal().getMessage(), e);
            }
            if (e instanceof StreamConstraintsException) {
                throw new MalformedListException(Problem.TOO_LARGE, "the document exceeds a size or nesting limit", e);
            }
            throw new MalformedListException(Problem.NOT_WELL_FORMED, "the document is not well-formed XML: "
                    + Ts119612ListReader.oneLine(String.valueOf(e.getMessage()).replace(" {unknown-source}", "")), e);
        } finally {
            if (reader != null) {
                reader.closeQuietly();
            }
        }
    }
}
