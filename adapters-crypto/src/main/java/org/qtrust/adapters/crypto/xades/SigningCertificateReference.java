package org.qtrust.adapters.crypto.xades;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The XAdES signing-certificate property (SigningCertificateV2, or the older SigningCertificate),
 * compared with the certificate whose key verified the signature. Its CertDigest is an
 * identifier, so SHA-1 (common in v1 properties) is read here although it is refused for references.
 */
final class SigningCertificateReference {

    private static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";

    enum Outcome { MATCHES, DIFFERS, ABSENT, UNREADABLE }

    record Result(Outcome outcome, String description) {
    }

    private SigningCertificateReference() {
    }

    static Result check(Element signedProperties, X509Certificate signer) {
        Optional<Element> property = find(signedProperties, "SigningCertificateV2");
        String name = "SigningCertificateV2";
        if (property.isEmpty()) {
            property = find(signedProperties, "SigningCertificate");
            name = "SigningCertificate";
        }
        if (property.isEmpty()) {
            return new Result(Outcome.ABSENT, "no XAdES SigningCertificate(V2) property");
        }
        byte[] der;
        try {
            der = signer.getEncoded();
        } catch (GeneralSecurityException e) {
            return new Result(Outcome.UNREADABLE, name + " not checked: " + e.getMessage());
        }
        List<Element> certs = SignatureLayout.children(property.get(), property.get().getNamespaceURI(), "Cert");
        boolean readable = false;
        for (Element cert : certs) {
            Optional<Element> certDigest = SignatureLayout.firstChild(cert, cert.getNamespaceURI(), "CertDigest");
            Optional<Element> method = certDigest.flatMap(d -> SignatureLayout.firstChild(d, SignatureLayout.DS, "DigestMethod"));
            Optional<Element> value = certDigest.flatMap(d -> SignatureLayout.firstChild(d, SignatureLayout.DS, "DigestValue"));
            if (method.isEmpty() || value.isEmpty()) {
                continue;
            }
            String algorithm = method.get().getAttribute("Algorithm");
            Optional<String> jcaName = XmlDsigAlgorithms.certDigestJcaName(algorithm);
            if (jcaName.isEmpty()) {
                continue;
            }
            try {
                byte[] expected = Base64.getMimeDecoder().decode(value.get().getTextContent().strip());
                readable = true;
                if (MessageDigest.isEqual(expected, MessageDigest.getInstance(jcaName.get()).digest(der))) {
                    return new Result(Outcome.MATCHES, name + " (" + jcaName.get() + ") names the signer");
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                // an unreadable entry names nobody; look at the next one
            }
        }
        if (!readable) {
            return new Result(Outcome.UNREADABLE, name + " has no CertDigest that can be read");
        }
        return new Result(Outcome.DIFFERS, name + " names another certificate than the signer");
    }

    /**
     * The local names of the XAdES elements in SignedSignatureProperties, in document order: what
     * the list's structure rules (TS 119 612 §5.7.1) read once the SignedProperties reference verified.
     */
    static List<String> signedSignatureProperties(Element signedProperties) {
        List<String> names = new ArrayList<>();
        for (Node node = signedProperties.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "SignedSignatureProperties".equals(element.getLocalName())
                    && XADES.equals(element.getNamespaceURI())) {
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element property && XADES.equals(property.getNamespaceURI())) {
                        names.add(property.getLocalName());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static Optional<Element> find(Element signedProperties, String localName) {
        for (Node node = signedProperties.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "SignedSignatureProperties".equals(element.getLocalName())) {
                return SignatureLayout.firstChild(element, element.getNamespaceURI(), localName);
            }
        }
        return Optional.empty();
    }
}
