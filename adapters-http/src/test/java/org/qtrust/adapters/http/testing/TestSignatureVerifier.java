package org.qtrust.adapters.http.testing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A test-only list signature check with the JDK's XML-DSig API: one signature, every
 * reference and the signature value verify with the KeyInfo certificate's key, and that
 * certificate is among the expected signers. (The real, hardened XAdES verifier is
 * adapters-crypto's, which this module must not depend on.)
 */
public final class TestSignatureVerifier implements ListSignatureVerifier {

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    @Override
    public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
        Document dom;
        try {
            dom = TestListReader.parse(document.content());
        } catch (SAXException | IOException e) {
            return SignatureCheck.failed(SignatureCheck.Failure.UNREADABLE, Optional.empty(), "", "not XML: " + e.getMessage());
        }
        NodeList signatures = dom.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            return SignatureCheck.failed(SignatureCheck.Failure.MISSING, Optional.empty(), "", "no signature");
        }
        if (signatures.getLength() > 1) {
            return SignatureCheck.failed(SignatureCheck.Failure.MULTIPLE_SIGNATURES, Optional.empty(), "", "several signatures");
        }
        markIds(dom.getDocumentElement());
        Element element = (Element) signatures.item(0);
        KeyInfoCertificate keys = new KeyInfoCertificate();
        DOMValidateContext context = new DOMValidateContext(keys, element);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        try {
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            boolean valid = signature.validate(context);
            if (keys.certificate == null) {
                return SignatureCheck.failed(SignatureCheck.Failure.UNREADABLE, Optional.empty(), "", "no certificate in KeyInfo");
            }
            ServiceCertificate signer = ServiceCertificate.of(keys.certificate);
            String subject = keys.certificate.getSubjectX500Principal().getName();
            if (!valid) {
                return SignatureCheck.failed(SignatureCheck.Failure.CRYPTOGRAPHIC_FAILURE, Optional.of(signer), subject,
                        "the signature value or a reference does not verify");
            }
            if (!expectedSigners.contains(signer)) {
                return SignatureCheck.failed(SignatureCheck.Failure.SIGNER_NOT_TRUSTED, Optional.of(signer), subject,
                        "signed by a certificate not among the " + expectedSigners.size() + " expected");
            }
            return SignatureCheck.valid(signer, subject, "XML-DSig verifies with an expected signer's key");
        } catch (MarshalException | XMLSignatureException e) {
            return SignatureCheck.failed(SignatureCheck.Failure.UNREADABLE, Optional.empty(), "", String.valueOf(e.getMessage()));
        }
    }

    /** Takes the key from the first X509Certificate of KeyInfo, and remembers the certificate. */
    private static final class KeyInfoCertificate extends KeySelector {
        private X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object content : keyInfo.getContent()) {
                    if (content instanceof X509Data data) {
                        for (Object value : data.getContent()) {
                            if (value instanceof X509Certificate found) {
                                certificate = found;
                                return found::getPublicKey;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("no X509Certificate in KeyInfo");
        }
    }

    private static void markIds(Element element) {
        if (element.hasAttributeNS(null, "Id")) {
            element.setIdAttributeNS(null, "Id", true);
        }
        for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                markIds(child);
            }
        }
    }
}
