package org.qtrust.adapters.crypto.xades;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilter2ParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;
import javax.xml.crypto.dsig.spec.XPathType;
import javax.xml.crypto.dsig.spec.XSLTTransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.qtrust.adapters.crypto.pki.DeterministicSignatures;
import org.qtrust.adapters.crypto.pki.KeyAndCertificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Signs a trusted-list document (ETSI TS 119 612 XML) the way list operators do: an enveloped
 * XAdES-BASELINE-B-like signature, the ds:Signature appended as last child of the root, with
 *
 * <ul>
 *   <li>a reference URI="" with the enveloped-signature and exclusive c14n transforms, SHA-256;</li>
 *   <li>a reference of Type ...#SignedProperties to xades:SignedProperties (SigningTime,
 *       SigningCertificateV2, DataObjectFormat) in a ds:Object of the signature;</li>
 *   <li>KeyInfo with the signer's certificate; ECDSA-SHA256 or RSA-SHA256 by key type.</li>
 * </ul>
 *
 * Immutable: the {@code with...} methods return a changed copy. The variations exist to build
 * bad signatures for verifier tests (a reference to one element, forbidden transforms, no
 * SignedProperties reference). Signing an already signed document adds a second signature.
 *
 * Signature values are deterministic (RFC 6979 for ECDSA), so the same key, time and document
 * give the same bytes.
 *
 * <pre>{@code byte[] signed = XadesListSigner.with(credential).signingTime(t).sign(xmlBytes);}</pre>
 */
public final class XadesListSigner {

    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    public static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    public static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    public static final String XPATH_FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2";
    public static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";

    private static final Instant DEFAULT_SIGNING_TIME = Instant.parse("2024-01-01T00:00:00Z");

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Instant signingTime;
    private final String referenceUri;
    private final List<String> documentTransforms;
    private final boolean signedPropertiesReference;
    private final String signatureId;
    private final X509Certificate namedCertificate;
    private final SigningCertificateForm signingCertificateForm;

    /** Which XAdES signing-certificate property the signed properties carry. */
    public enum SigningCertificateForm {
        /** SigningCertificateV2 with IssuerSerialV2 (EN 319 132-1, XAdES baseline B): the default. */
        V2,
        /** The older SigningCertificate with IssuerSerial (XAdES 1.3.2, TS 101 903). */
        V1,
        /** None at all (for negative tests). */
        NONE
    }

    private XadesListSigner(PrivateKey key, X509Certificate certificate, Instant signingTime, String referenceUri,
                           List<String> documentTransforms, boolean signedPropertiesReference, String signatureId,
                           X509Certificate namedCertificate, SigningCertificateForm signingCertificateForm) {
        this.key = Objects.requireNonNull(key);
        this.certificate = Objects.requireNonNull(certificate);
        this.signingTime = signingTime;
        this.referenceUri = referenceUri;
        this.documentTransforms = List.copyOf(documentTransforms);
        this.signedPropertiesReference = signedPropertiesReference;
        this.signatureId = signatureId;
        this.namedCertificate = namedCertificate;
        this.signingCertificateForm = Objects.requireNonNull(signingCertificateForm);
    }

    public static XadesListSigner with(KeyAndCertificate signer) {
        return with(signer.privateKey(), signer.certificate());
    }

    public static XadesListSigner with(PrivateKey key, X509Certificate certificate) {
        return new XadesListSigner(key, certificate, DEFAULT_SIGNING_TIME, "",
                List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE), true, null, certificate, SigningCertificateForm.V2);
    }

    public XadesListSigner signingTime(Instant time) {
        return new XadesListSigner(key, certificate, time, referenceUri, documentTransforms, signedPropertiesReference, signatureId, namedCertificate, signingCertificateForm);
    }

    /** The document reference's URI: "" (default), or "#id" of the root or of any element carrying Id="id". */
    public XadesListSigner referenceUri(String uri) {
        return new XadesListSigner(key, certificate, signingTime, uri, documentTransforms, signedPropertiesReference, signatureId, namedCertificate, signingCertificateForm);
    }

    /**
     * The document reference's transforms, by algorithm URI: enveloped-signature, the
     * canonicalizations, {@link #XPATH}, {@link #XPATH_FILTER2} and {@link #XSLT} (with harmless
     * built-in parameters that keep the signature verifiable by a lenient verifier).
     */
    public XadesListSigner documentTransforms(String... algorithms) {
        return new XadesListSigner(key, certificate, signingTime, referenceUri, List.of(algorithms), signedPropertiesReference, signatureId, namedCertificate, signingCertificateForm);
    }

    /** Leaves out the SignedProperties reference (the properties are still there, unsigned). */
    public XadesListSigner withoutSignedPropertiesReference() {
        return new XadesListSigner(key, certificate, signingTime, referenceUri, documentTransforms, false, signatureId, namedCertificate, signingCertificateForm);
    }

    /** The ds:Signature Id (default: derived from the document and the certificate). */
    public XadesListSigner signatureId(String id) {
        return new XadesListSigner(key, certificate, signingTime, referenceUri, documentTransforms, signedPropertiesReference, id, namedCertificate, signingCertificateForm);
    }

    /** Names another certificate in SigningCertificateV2 than the one in KeyInfo (a substitution, for negative tests). */
    public XadesListSigner signingCertificateProperty(X509Certificate named) {
        return new XadesListSigner(key, certificate, signingTime, referenceUri, documentTransforms, signedPropertiesReference,
                signatureId, named, signingCertificateForm);
    }

    /** The signing-certificate property to write (default {@link SigningCertificateForm#V2}). */
    public XadesListSigner signingCertificateForm(SigningCertificateForm form) {
        return new XadesListSigner(key, certificate, signingTime, referenceUri, documentTransforms, signedPropertiesReference,
                signatureId, namedCertificate, form);
    }

    public String sign(String xml) {
        return new String(sign(xml.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public byte[] sign(byte[] xml) {
        try {
            Document document = parse(xml);
            Element root = document.getDocumentElement();
            String id = signatureId != null ? signatureId : defaultId(xml);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DOMSignContext context = new DOMSignContext(key, root);
            context.setDefaultNamespacePrefix("ds");
            // Deterministic signature values: the same key signs the same list byte for byte.
            context.setProperty(SignatureProviders.CONTEXT_PROPERTY, DeterministicSignatures.provider());

            Element qualifyingProperties = qualifyingProperties(document, id);
            Element signedProperties = (Element) qualifyingProperties.getFirstChild();
            context.setIdAttributeNS(signedProperties, null, "Id");
            if (referenceUri.startsWith("#")) {
                Element target = findById(root, referenceUri.substring(1));
                context.setIdAttributeNS(target, null, "Id");
            }

            DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
            List<Reference> references = new ArrayList<>();
            references.add(factory.newReference(referenceUri, sha256, transforms(factory, document), null, "r-" + id + "-document"));
            if (signedPropertiesReference) {
                references.add(factory.newReference("#xades-" + id, sha256,
                        List.of(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                        SIGNED_PROPERTIES_TYPE, null));
            }
            String method = "EC".equals(key.getAlgorithm()) ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(method, null), references);
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))));
            XMLObject object = factory.newXMLObject(List.of(new DOMStructure(qualifyingProperties)), null, null, null);
            XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo, List.of(object), id, null);
            signature.sign(context);
            return serialize(document);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the list: " + e.getMessage(), e);
        }
    }

    private List<Transform> transforms(XMLSignatureFactory factory, Document document) throws GeneralSecurityException {
        List<Transform> transforms = new ArrayList<>();
        for (String algorithm : documentTransforms) {
            TransformParameterSpec parameters = switch (algorithm) {
                case XPATH -> new XPathFilterParameterSpec("not(ancestor-or-self::ds:Signature)", Map.of("ds", XMLSignature.XMLNS));
                case XPATH_FILTER2 -> new XPathFilter2ParameterSpec(List.of(new XPathType("/", XPathType.Filter.UNION)));
                case XSLT -> new XSLTTransformParameterSpec(new DOMStructure(identityStylesheet(document)));
                default -> null;
            };
            transforms.add(factory.newTransform(algorithm, parameters));
        }
        return transforms;
    }

    private Element qualifyingProperties(Document document, String id) throws GeneralSecurityException {
        Element qualifying = document.createElementNS(XADES, "xades:QualifyingProperties");
        // Explicit declarations: canonicalization reads xmlns attributes, not the DOM's namespace fields.
        qualifying.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xades", XADES);
        qualifying.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", XMLSignature.XMLNS);
        qualifying.setAttribute("Target", "#" + id);
        Element signedProperties = child(qualifying, XADES, "xades:SignedProperties");
        signedProperties.setAttribute("Id", "xades-" + id);
        Element signatureProperties = child(signedProperties, XADES, "xades:SignedSignatureProperties");
        child(signatureProperties, XADES, "xades:SigningTime").setTextContent(
                DateTimeFormatter.ISO_INSTANT.format(signingTime.truncatedTo(ChronoUnit.SECONDS)));
        if (signingCertificateForm != SigningCertificateForm.NONE) {
            boolean v2 = signingCertificateForm == SigningCertificateForm.V2;
            Element cert = child(child(signatureProperties, XADES, v2 ? "xades:SigningCertificateV2" : "xades:SigningCertificate"),
                    XADES, "xades:Cert");
            Element certDigest = child(cert, XADES, "xades:CertDigest");
            child(certDigest, XMLSignature.XMLNS, "ds:DigestMethod").setAttribute("Algorithm", DigestMethod.SHA256);
            child(certDigest, XMLSignature.XMLNS, "ds:DigestValue").setTextContent(Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(namedCertificate.getEncoded())));
            if (v2) {
                child(cert, XADES, "xades:IssuerSerialV2").setTextContent(issuerSerial());
            } else {
                Element issuerSerial = child(cert, XADES, "xades:IssuerSerial");
                child(issuerSerial, XMLSignature.XMLNS, "ds:X509IssuerName").setTextContent(
                        namedCertificate.getIssuerX500Principal().getName());
                child(issuerSerial, XMLSignature.XMLNS, "ds:X509SerialNumber").setTextContent(
                        namedCertificate.getSerialNumber().toString());
            }
        }
        Element format = child(child(signedProperties, XADES, "xades:SignedDataObjectProperties"), XADES, "xades:DataObjectFormat");
        format.setAttribute("ObjectReference", "#r-" + id + "-document");
        child(format, XADES, "xades:MimeType").setTextContent("text/xml");
        return qualifying;
    }

    private String issuerSerial() {
        try {
            X500Name issuer = X500Name.getInstance(namedCertificate.getIssuerX500Principal().getEncoded());
            return Base64.getEncoder().encodeToString(new IssuerSerial(new GeneralNames(new GeneralName(issuer)),
                    namedCertificate.getSerialNumber()).getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element identityStylesheet(Document document) {
        String xsl = "http://www.w3.org/1999/XSL/Transform";
        Element stylesheet = document.createElementNS(xsl, "xsl:stylesheet");
        stylesheet.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsl", xsl);
        stylesheet.setAttribute("version", "1.0");
        Element template = child(stylesheet, xsl, "xsl:template");
        template.setAttribute("match", "/");
        child(template, xsl, "xsl:copy-of").setAttribute("select", ".");
        return stylesheet;
    }

    private String defaultId(byte[] xml) throws GeneralSecurityException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(xml);
        digest.update(certificate.getEncoded());
        return "sig-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static Element findById(Element root, String id) {
        for (Node node = root; node != null; node = next(node, root)) {
            if (node instanceof Element element && id.equals(element.getAttribute("Id"))) {
                return element;
            }
        }
        throw new IllegalArgumentException("no element with Id=\"" + id + "\" to reference");
    }

    private static Node next(Node node, Node root) {
        if (node.getFirstChild() != null) {
            return node.getFirstChild();
        }
        for (Node current = node; current != null && current != root; current = current.getParentNode()) {
            if (current.getNextSibling() != null) {
                return current.getNextSibling();
            }
        }
        return null;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("the document to sign is not XML: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.xml.transform.Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize the signed list", e);
        }
    }
}
