package org.qtrust.adapters.crypto.xades;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.crypto.dsig.XMLSignature;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The shape of a list signature, read from the DOM before any cryptography: where the one
 * ds:Signature sits, what each reference points at, and which transforms and algorithms it
 * uses. Everything a trusted list does not need is refused here, so the JDK only ever
 * verifies an enveloped signature over the whole document plus its XAdES signed properties.
 */
final class SignatureLayout {

    static final String DS = XMLSignature.XMLNS;
    static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    private static final String XADES_NAMESPACE_PREFIX = "http://uri.etsi.org/01903/v1.";
    /** Attribute names taken as identifiers when resolving and when looking for duplicates. */
    private static final List<String> ID_ATTRIBUTES = List.of("Id", "ID", "id");

    enum Kind { DOCUMENT, SIGNED_PROPERTIES, INSIDE_SIGNATURE }

    /** One ds:Reference, in SignedInfo order. */
    record ReferenceInfo(int index, String uri, Kind kind, List<String> transforms, String digestMethod) {

        String describe() {
            List<String> names = transforms.stream().map(XmlDsigAlgorithms::shortName).toList();
            return "URI=\"" + uri + "\" (" + (names.isEmpty() ? "" : String.join(", ", names) + ", ")
                    + XmlDsigAlgorithms.shortName(digestMethod) + ")";
        }
    }

    /** An element a same-document reference resolves to, and the attribute that names it. */
    record IdTarget(Element element, String attribute) {
    }

    final Element root;
    final Element signature;
    final String canonicalization;
    final String signatureMethod;
    final List<ReferenceInfo> references;
    final Element signedProperties;
    final List<IdTarget> idTargets;

    private SignatureLayout(Element root, Element signature, String canonicalization, String signatureMethod,
                            List<ReferenceInfo> references, Element signedProperties, List<IdTarget> idTargets) {
        this.root = root;
        this.signature = signature;
        this.canonicalization = canonicalization;
        this.signatureMethod = signatureMethod;
        this.references = references;
        this.signedProperties = signedProperties;
        this.idTargets = idTargets;
    }

    ReferenceInfo documentReference() {
        return references.stream().filter(r -> r.kind() == Kind.DOCUMENT).findFirst().orElseThrow();
    }

    ReferenceInfo signedPropertiesReference() {
        return references.stream().filter(r -> r.kind() == Kind.SIGNED_PROPERTIES).findFirst().orElseThrow();
    }

    static SignatureLayout of(Document document) throws Rejection {
        Element root = document.getDocumentElement();
        Element signature = theOneSignature(document, root);

        Element signedInfo = firstChild(signature, DS, "SignedInfo")
                .orElseThrow(() -> new Rejection(Failure.UNREADABLE, "the ds:Signature has no ds:SignedInfo"));
        String canonicalization = algorithmOf(signedInfo, "CanonicalizationMethod");
        if (!XmlDsigAlgorithms.CANONICALIZATIONS.contains(canonicalization)) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "canonicalization method " + canonicalization + " is not accepted");
        }
        String signatureMethod = algorithmOf(signedInfo, "SignatureMethod");
        Optional<String> refusedMethod = XmlDsigAlgorithms.refuseSignatureMethod(signatureMethod);
        if (refusedMethod.isPresent()) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, refusedMethod.get());
        }
        refuseRetrievalMethod(signature);

        List<Element> referenceElements = children(signedInfo, DS, "Reference");
        Set<String> wantedIds = new HashSet<>();
        for (Element reference : referenceElements) {
            String uri = reference.hasAttribute("URI") ? reference.getAttribute("URI") : null;
            if (uri != null && uri.startsWith("#")) {
                wantedIds.add(uri.substring(1));
            }
        }
        Map<String, List<IdTarget>> ids = findIds(root, wantedIds);

        List<ReferenceInfo> references = new ArrayList<>();
        List<IdTarget> idTargets = new ArrayList<>();
        Element signedProperties = null;
        for (Element reference : referenceElements) {
            ReferenceInfo info = classify(references.size(), reference, root, signature, ids, idTargets);
            if (info.kind() == Kind.SIGNED_PROPERTIES) {
                if (signedProperties != null) {
                    throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, "more than one SignedProperties reference");
                }
                signedProperties = idTargets.get(idTargets.size() - 1).element();
                checkSignedPropertiesPlace(signedProperties, signature);
            }
            references.add(info);
        }
        long documentReferences = references.stream().filter(r -> r.kind() == Kind.DOCUMENT).count();
        if (documentReferences == 0) {
            throw new Rejection(Failure.NOT_COVERING_DOCUMENT, "no reference covers the whole document"
                    + " (URI=\"\" or the root element's Id): it signs something else");
        }
        if (documentReferences > 1) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, documentReferences + " references cover the document; a list signature has one");
        }
        ReferenceInfo documentReference = references.stream().filter(r -> r.kind() == Kind.DOCUMENT).findFirst().orElseThrow();
        if (!documentReference.transforms().contains(XmlDsigAlgorithms.ENVELOPED)) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "the document reference lacks the enveloped-signature transform");
        }
        if (signedProperties == null) {
            throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, "no reference of Type " + SIGNED_PROPERTIES_TYPE
                    + ": the XAdES signed properties (signing time, signing certificate) are not signed");
        }
        return new SignatureLayout(root, signature, canonicalization, signatureMethod, List.copyOf(references),
                signedProperties, List.copyOf(idTargets));
    }

    private static Element theOneSignature(Document document, Element root) throws Rejection {
        NodeList signatures = document.getElementsByTagNameNS(DS, "Signature");
        if (signatures.getLength() == 0) {
            throw new Rejection(Failure.MISSING, "the document has no ds:Signature");
        }
        if (signatures.getLength() > 1) {
            throw new Rejection(Failure.MULTIPLE_SIGNATURES, "the document has " + signatures.getLength()
                    + " ds:Signature elements; a list carries exactly one");
        }
        Element signature = (Element) signatures.item(0);
        if (signature == root) {
            throw new Rejection(Failure.NOT_COVERING_DOCUMENT, "the ds:Signature is the root element: an enveloping"
                    + " signature, not an enveloped list signature");
        }
        if (signature.getParentNode() != root) {
            throw new Rejection(Failure.NOT_COVERING_DOCUMENT, "the ds:Signature is not a child of the root element <"
                    + root.getLocalName() + "> but sits under <" + signature.getParentNode().getLocalName()
                    + ">: signed content was moved (signature wrapping?)");
        }
        return signature;
    }

    private static ReferenceInfo classify(int index, Element reference, Element root, Element signature,
                                          Map<String, List<IdTarget>> ids, List<IdTarget> idTargets) throws Rejection {
        if (!reference.hasAttribute("URI")) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference " + index + " has no URI: the application"
                    + " would have to say what it signs");
        }
        String uri = reference.getAttribute("URI");
        List<String> transforms = new ArrayList<>();
        Optional<Element> transformsElement = firstChild(reference, DS, "Transforms");
        if (transformsElement.isPresent()) {
            for (Element transform : children(transformsElement.get(), DS, "Transform")) {
                String algorithm = transform.getAttribute("Algorithm");
                if (!XmlDsigAlgorithms.isAllowedTransform(algorithm)) {
                    throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference URI=\"" + uri + "\" uses the "
                            + XmlDsigAlgorithms.transformName(algorithm) + " transform; only enveloped-signature and"
                            + " canonicalization are allowed");
                }
                if (transforms.contains(algorithm)) {
                    throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference URI=\"" + uri + "\" repeats the transform " + algorithm);
                }
                transforms.add(algorithm);
            }
        }
        String digestMethod = algorithmOf(reference, "DigestMethod");
        Optional<String> refusedDigest = XmlDsigAlgorithms.refuseDigestMethod(digestMethod);
        if (refusedDigest.isPresent()) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference URI=\"" + uri + "\": " + refusedDigest.get());
        }
        boolean signedPropertiesType = SIGNED_PROPERTIES_TYPE.equals(reference.getAttribute("Type"));

        if (uri.isEmpty()) {
            if (signedPropertiesType) {
                throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, "the SignedProperties reference has URI=\"\"");
            }
            return new ReferenceInfo(index, uri, Kind.DOCUMENT, List.copyOf(transforms), digestMethod);
        }
        if (!uri.startsWith("#")) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference URI=\"" + uri + "\" points outside the document;"
                    + " a list signature signs only the list itself");
        }
        String id = uri.substring(1);
        if (id.isEmpty() || id.startsWith("xpointer(")) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "reference URI=\"" + uri + "\": XPointer references are refused");
        }
        List<IdTarget> targets = ids.getOrDefault(id, List.of());
        if (targets.size() > 1) {
            throw new Rejection(Failure.NOT_COVERING_DOCUMENT, "the Id \"" + id + "\" that reference " + uri
                    + " names occurs " + targets.size() + " times (signature wrapping?)");
        }
        if (targets.isEmpty()) {
            throw new Rejection(signedPropertiesType ? Failure.SIGNED_PROPERTIES_INVALID : Failure.NOT_COVERING_DOCUMENT,
                    "reference " + uri + " points at no element of the document");
        }
        IdTarget target = targets.get(0);
        idTargets.add(target);
        Element element = target.element();
        if (signedPropertiesType) {
            return new ReferenceInfo(index, uri, Kind.SIGNED_PROPERTIES, List.copyOf(transforms), digestMethod);
        }
        if (element == root) {
            return new ReferenceInfo(index, uri, Kind.DOCUMENT, List.copyOf(transforms), digestMethod);
        }
        if (isInside(element, signature)) {
            return new ReferenceInfo(index, uri, Kind.INSIDE_SIGNATURE, List.copyOf(transforms), digestMethod);
        }
        throw new Rejection(Failure.NOT_COVERING_DOCUMENT, "reference " + uri + " covers only the <" + element.getLocalName()
                + "> element, not the whole document");
    }

    /** XAdES: the SignedProperties live in this signature's ds:Object/QualifyingProperties, which targets this signature. */
    private static void checkSignedPropertiesPlace(Element signedProperties, Element signature) throws Rejection {
        Node qualifying = signedProperties.getParentNode();
        Node object = qualifying == null ? null : qualifying.getParentNode();
        boolean placed = "SignedProperties".equals(signedProperties.getLocalName())
                && isXades(signedProperties)
                && qualifying instanceof Element q && "QualifyingProperties".equals(q.getLocalName()) && isXades(q)
                && object instanceof Element o && DS.equals(o.getNamespaceURI()) && "Object".equals(o.getLocalName())
                && o.getParentNode() == signature;
        if (!placed) {
            throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, "the SignedProperties reference does not point at"
                    + " xades:SignedProperties in this signature's ds:Object/xades:QualifyingProperties");
        }
        Element qualifyingProperties = (Element) qualifying;
        if (qualifyingProperties.hasAttribute("Target") && signature.hasAttribute("Id")
                && !qualifyingProperties.getAttribute("Target").equals("#" + signature.getAttribute("Id"))) {
            throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, "xades:QualifyingProperties Target=\""
                    + qualifyingProperties.getAttribute("Target") + "\" is not this signature (#" + signature.getAttribute("Id") + ")");
        }
    }

    private static boolean isXades(Element element) {
        String namespace = element.getNamespaceURI();
        return namespace != null && namespace.startsWith(XADES_NAMESPACE_PREFIX);
    }

    private static void refuseRetrievalMethod(Element signature) throws Rejection {
        Optional<Element> keyInfo = firstChild(signature, DS, "KeyInfo");
        if (keyInfo.isPresent() && keyInfo.get().getElementsByTagNameNS(DS, "RetrievalMethod").getLength() > 0) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "ds:KeyInfo uses ds:RetrievalMethod; the key must be given inline");
        }
    }

    /**
     * One pass over the document finding every element whose Id (or ID, id) attribute has one of
     * the wanted values, so that a duplicate, a classic wrapping trick, is seen.
     */
    private static Map<String, List<IdTarget>> findIds(Element root, Set<String> wanted) {
        Map<String, List<IdTarget>> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node.hasAttributes()) {
                Element element = (Element) node;
                for (String name : ID_ATTRIBUTES) {
                    Attr attribute = element.getAttributeNodeNS(null, name);
                    if (attribute != null && wanted.contains(attribute.getValue())) {
                        found.computeIfAbsent(attribute.getValue(), k -> new ArrayList<>()).add(new IdTarget(element, name));
                    }
                }
            }
            node = next(node, root);
        }
        return found;
    }

    /** Document order, without recursion (depth is capped at parse time, but this needs no stack at all). */
    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        Node current = node;
        while (current != null && current != root) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
            current = current.getParentNode();
        }
        return null;
    }

    private static boolean isInside(Node node, Element ancestor) {
        for (Node current = node; current != null; current = current.getParentNode()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String algorithmOf(Element parent, String childName) throws Rejection {
        Element child = firstChild(parent, DS, childName)
                .orElseThrow(() -> new Rejection(Failure.UNREADABLE, "ds:" + parent.getLocalName() + " has no ds:" + childName));
        return child.getAttribute("Algorithm");
    }

    static Optional<Element> firstChild(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
