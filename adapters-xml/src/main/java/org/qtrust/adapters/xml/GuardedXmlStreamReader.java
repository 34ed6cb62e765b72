package org.qtrust.adapters.xml;

import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.util.StreamReader2Delegate;
import org.qtrust.core.trustedlist.port.MalformedListException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Sits between Woodstox and Jackson and refuses, as the events go by, what a trusted list never
 * needs: a DOCTYPE (and so any entity declaration, external DTD or entity expansion), an entity
 * reference left unexpanded, and elements nested deeper than the limit. Every cursor move goes
 * through {@link #next()}, so no event escapes the check. The first refusal is remembered, so
 * the reader can report it precisely however Jackson wraps the exception.
 */
public final class GuardedXmlStreamReader extends StreamReader2Delegate {

    private final int maxDepth;
    private int depth;
    private MalformedListException refusal;

    public GuardedXmlStreamReader(XMLStreamReader2 reader, int maxDepth) {
        super(reader);
        this.maxDepth = maxDepth;
    }

    /** Why the document was refused as unsafe, if it was. */
    public MalformedListException refusal() {
        return refusal;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT:
                if (++depth > maxDepth) {
                    throw refuse("elements are nested deeper than " + maxDepth + " levels");
                }
                break;
            case XMLStreamConstants.END_ELEMENT:
                depth--;
                break;
            case XMLStreamConstants.DTD:
                throw refuse("the document has a DOCTYPE declaration; DTDs and entities are not allowed");
            case XMLStreamConstants.ENTITY_REFERENCE:
            case XMLStreamConstants.ENTITY_DECLARATION:
            case XMLStreamConstants.NOTATION_DECLARATION:
                throw refuse("the document uses entities, which are not allowed");
            default:
                break;
        }
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT:
                case XMLStreamConstants.END_ELEMENT:
                    return event;
                case XMLStreamConstants.SPACE:
                case XMLStreamConstants.COMMENT:
                case XMLStreamConstants.PROCESSING_INSTRUCTION:
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!isWhiteSpace()) {
                        throw new XMLStreamException("text where an element was expected", getLocation());
                    }
                    break;
                default:
                    throw new XMLStreamException("unexpected event " + event + " where an element was expected", getLocation());
            }
        }
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not at the start of an element", getLocation());
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.END_ELEMENT:
                    return text.toString();
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    text.append(getText());
                    break;
                case XMLStreamConstants.COMMENT:
                case XMLStreamConstants.PROCESSING_INSTRUCTION:
                    break;
                default:
                    throw new XMLStreamException("an element where text only was expected", getLocation());
            }
        }
    }

    @Override
    public void skipElement() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new IllegalStateException("not at the start of an element");
        }
        int open = 1;
        while (open > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                open++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                open--;
            }
        }
    }

    /** Moves to the root element and checks its name and namespace. */
    public void moveToRoot(String rootElement, String rootNamespace) throws XMLStreamException, MalformedListException {
        int event = getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new MalformedListException(MalformedListException.Problem.NOT_WELL_FORMED, "the document has no root element");
            }
            event = next();
        }
        String name = getLocalName();
        String namespace = getNamespaceURI();
        if (!rootElement.equals(name)) {
            throw new MalformedListException(MalformedListException.Problem.NOT_CONFORMANT,
                    "the root element is " + name + ", not " + rootElement);
        }
        if (!rootNamespace.equals(namespace)) {
            throw new MalformedListException(MalformedListException.Problem.NOT_CONFORMANT, "the root element " + rootElement
                    + " is in namespace '" + (namespace == null ? "" : namespace) + "', not " + rootNamespace);
        }
    }

    /** Reads to the end of the document, so that anything malformed after the root is noticed. */
    public void readToEnd() throws XMLStreamException {
        while (getEventType() != XMLStreamConstants.END_DOCUMENT) {
            next();
        }
    }

    /** Jackson closes its parser; the reader's owner closes the stream when it is done. */
    @Override
    public void close() {
        // deliberately left to closeQuietly()
    }

    @Override
    public void closeCompletely() {
        // deliberately left to closeQuietly()
    }

    public void closeQuietly() {
        try {
            getParent().close();
        } catch (XMLStreamException | RuntimeException ignored) {
            // nothing left to release that matters
        }
    }

    private XMLStreamException refuse(String reason) {
        Location location = getLocation();
        String where = location == null ? "" : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
        if (refusal == null) {
            refusal = new MalformedListException(MalformedListException.Problem.UNSAFE_XML, reason + where);
        }
        return new XMLStreamException(reason, location);
    }
}
