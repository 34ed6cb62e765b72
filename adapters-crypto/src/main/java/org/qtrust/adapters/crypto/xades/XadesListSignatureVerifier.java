package org.qtrust.adapters.crypto.xades;

import java.security.KeyException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.qtrust.adapters.crypto.xades.SignatureLayout.IdTarget;
import org.qtrust.adapters.crypto.xades.SignatureLayout.Kind;
import org.qtrust.adapters.crypto.xades.SignatureLayout.ReferenceInfo;
import org.qtrust.adapters.crypto.xades.SignatureProviders.VerificationKey;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;
import org.qtrust.core.trustedlist.port.ListSignatureVerifier;
import org.w3c.dom.Document;

/**
 * Verifies the enveloped XAdES signature of a trusted list (ETSI TS 119 612) with the JDK's
 * XML Digital Signature API (JSR 105) under secure validation.
 *
 * <ol>
 *   <li>Parse with a hardened parser (no DOCTYPE, no entities, no XInclude, size and depth caps).</li>
 *   <li>Check the layout on the DOM: exactly one ds:Signature, a child of the root; exactly one
 *       reference covering the document (URI="" or the root's unique Id) with only the
 *       enveloped-signature and canonicalization transforms; a signed XAdES SignedProperties
 *       reference into this signature; other references only into the signature itself; no
 *       external URI, no RetrievalMethod, only allow-listed algorithms.</li>
 *   <li>Unmarshal with secure validation, Ids registered explicitly for the resolved targets only.</li>
 *   <li>Find the signer: a KeyInfo certificate equal (DER) to an expected signer; without a
 *       certificate in KeyInfo, each expected signer's key in turn. The SignatureValue is
 *       checked per candidate key (cheap: SignedInfo only), the reference digests once.</li>
 *   <li>Report VALID only for an expected signer; a cryptographically sound signature by anyone
 *       else is SIGNER_NOT_TRUSTED.</li>
 * </ol>
 *
 * <p>Thread-safe: parsers and signature factories are per thread, everything else is per call.
 */
public final class XadesListSignatureVerifier implements ListSignatureVerifier {

    /** Lists are a few MB at most (the biggest EU national list is about 2 MB). */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** Real lists nest about 20 elements deep. */
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 100;

    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

    private static final KeySelector NO_KEY_YET = new KeySelector() {
        @Override
        public javax.xml.crypto.KeySelectorResult select(KeyInfo keyInfo, Purpose purpose,
                                                         javax.xml.crypto.AlgorithmMethod method,
                                                         javax.xml.crypto.XMLCryptoContext context)
                throws KeySelectorException {
            throw new KeySelectorException("no key chosen");
        }
    };

    private final HardenedXmlParser parser;
    private final ThreadLocal<XMLSignatureFactory> signatureFactories =
            ThreadLocal.withInitial(() -> XMLSignatureFactory.getInstance("DOM"));

    public XadesListSignatureVerifier() {
        this(DEFAULT_MAX_BYTES, DEFAULT_MAX_ELEMENT_DEPTH);
    }

    public XadesListSignatureVerifier(long maxBytes, int maxElementDepth) {
        if (maxBytes <= 0 || maxElementDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.parser = new HardenedXmlParser(maxBytes, maxElementDepth);
    }

    @Override
    public SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(expectedSigners, "expectedSigners");
        try {
            Document dom = parser.parse(document.content());
            SignatureLayout layout = SignatureLayout.of(dom);
            return verifySignature(layout, expectedSigners);
        } catch (Rejection rejection) {
            return rejection.toCheck();
        } catch (RuntimeException unexpected) {
            // The port promises no exception for a bad document: whatever slipped through is a refusal.
            return SignatureCheck.failed(Failure.UNREADABLE, Optional.empty(), "",
                    "the signature could not be processed: " + unexpected);
        }
    }

    /** A signature unmarshalled with its own validation context (a SignatureValue caches its result). */
    private record Unmarshalled(XMLSignature signature, DOMValidateContext context) {
    }

    /** A key to try, the certificate it came from (if any) and the expected signer it equals (if any). */
    private record Candidate(PublicKey key, X509Certificate certificate, ServiceCertificate expected) {
    }

    private SignatureCheck verifySignature(SignatureLayout layout, List<ServiceCertificate> expectedSigners) throws Rejection {
        XMLSignatureFactory factory = signatureFactories.get();
        Unmarshalled first = unmarshal(factory, layout);
        List<X509Certificate> keyInfoCertificates = new ArrayList<>();
        List<PublicKey> keyValues = new ArrayList<>();
        readKeyInfo(first.signature().getKeyInfo(), keyInfoCertificates, keyValues);
        List<Candidate> candidates = candidates(keyInfoCertificates, keyValues, expectedSigners);

        Unmarshalled current = first;
        Candidate signer = null;
        VerificationKey signerKey = null;
        String lastProblem = "";
        for (int i = 0; i < candidates.size() && signer == null; i++) {
            if (i > 0) {
                current = unmarshal(factory, layout);
            }
            Candidate candidate = candidates.get(i);
            VerificationKey key = SignatureProviders.forKey(candidate.key());
            DOMValidateContext context = current.context();
            context.setKeySelector(KeySelector.singletonKeySelector(key.key()));
            context.setProperty(SignatureProviders.CONTEXT_PROPERTY, key.provider().orElse(null));
            try {
                if (current.signature().getSignatureValue().validate(context)) {
                    signer = candidate;
                    signerKey = key;
                }
            } catch (XMLSignatureException e) {
                refuseIfSecureValidation(e.getMessage());
                lastProblem = " (" + rootMessage(e) + ")";
            }
        }

        if (signer == null) {
            X509Certificate named = keyInfoCertificates.isEmpty() ? null : keyInfoCertificates.get(0);
            if (named != null || !keyValues.isEmpty()) {
                throw new Rejection(Failure.CRYPTOGRAPHIC_FAILURE, named, "the SignatureValue does not verify with the key"
                        + " given in ds:KeyInfo" + (named == null ? "" : " (" + subject(named) + ")") + lastProblem);
            }
            checkReferences(layout, current, null);
            throw new Rejection(Failure.SIGNER_NOT_TRUSTED, "ds:KeyInfo names no key and the SignatureValue verifies with"
                    + " none of the " + expectedSigners.size() + " expected signers' keys");
        }

        checkReferences(layout, current, signer.certificate());
        String signingCertificate = "";
        if (signer.certificate() != null) {
            SigningCertificateReference.Result named = SigningCertificateReference.check(layout.signedProperties, signer.certificate());
            if (named.outcome() == SigningCertificateReference.Outcome.DIFFERS) {
                // XAdES binds the signing certificate into the signed properties; another one there means substitution.
                throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, signer.certificate(), named.description());
            }
            signingCertificate = "; " + named.description();
        }
        String provider = signerKey.provider().map(p -> " via " + p.getName()).orElse("");
        String what = "SignatureValue (" + XmlDsigAlgorithms.shortName(layout.signatureMethod) + provider
                + ", SignedInfo " + XmlDsigAlgorithms.shortName(layout.canonicalization) + ")"
                + "; reference " + layout.documentReference().describe() + " covers the whole document"
                + "; SignedProperties reference " + layout.signedPropertiesReference().describe()
                + signingCertificate;
        if (signer.expected() == null) {
            throw new Rejection(Failure.SIGNER_NOT_TRUSTED, signer.certificate(), "the signature verifies with the key of "
                    + (signer.certificate() == null ? "the ds:KeyValue" : subject(signer.certificate()))
                    + ", which is not among the " + expectedSigners.size() + " expected signers; verified " + what);
        }
        X509Certificate certificate = signer.certificate();
        return SignatureCheck.valid(signer.expected(), subject(certificate), "verified with the key of the expected signer "
                + subject(certificate) + ": " + what)
                .withSignedSignatureProperties(SigningCertificateReference.signedSignatureProperties(layout.signedProperties));
    }

    private static List<Candidate> candidates(List<X509Certificate> keyInfoCertificates, List<PublicKey> keyValues,
                                              List<ServiceCertificate> expectedSigners) {
        List<Candidate> matching = new ArrayList<>();
        List<Candidate> others = new ArrayList<>();
        for (X509Certificate certificate : keyInfoCertificates) {
            Optional<ServiceCertificate> expected = expectedSigners.stream().filter(e -> e.sameAs(certificate)).findFirst();
            (expected.isPresent() ? matching : others)
                    .add(new Candidate(certificate.getPublicKey(), certificate, expected.orElse(null)));
        }
        if (keyInfoCertificates.isEmpty()) {
            for (ServiceCertificate expected : expectedSigners) {
                try {
                    X509Certificate certificate = expected.toX509();
                    matching.add(new Candidate(certificate.getPublicKey(), certificate, expected));
                } catch (IllegalArgumentException e) {
                    // an expected signer that does not decode can sign nothing
                }
            }
            for (PublicKey key : keyValues) {
                others.add(new Candidate(key, null, null));
            }
        }
        List<Candidate> all = new ArrayList<>(matching);
        all.addAll(others);
        return all;
    }

    private static void readKeyInfo(KeyInfo keyInfo, List<X509Certificate> certificates, List<PublicKey> keyValues) {
        if (keyInfo == null) {
            return;
        }
        for (Object structure : keyInfo.getContent()) {
            if (structure instanceof X509Data data) {
                for (Object item : data.getContent()) {
                    if (item instanceof X509Certificate certificate && !certificates.contains(certificate)) {
                        certificates.add(certificate);
                    }
                }
            } else if (structure instanceof KeyValue value) {
                try {
                    keyValues.add(value.getPublicKey());
                } catch (KeyException e) {
                    // an unusable KeyValue offers no key
                }
            }
        }
    }

    /** Each reference's digest is computed once; the document reference is judged first. */
    private static void checkReferences(SignatureLayout layout, Unmarshalled unmarshalled, X509Certificate signer) throws Rejection {
        @SuppressWarnings("unchecked")
        List<Reference> references = unmarshalled.signature().getSignedInfo().getReferences();
        if (references.size() != layout.references.size()) {
            throw new Rejection(Failure.UNREADABLE, signer, "ds:SignedInfo was read differently by the DOM and by XML-DSig");
        }
        List<ReferenceInfo> ordered = new ArrayList<>(layout.references);
        ordered.sort(Comparator.comparing(r -> r.kind() == Kind.DOCUMENT ? 0 : r.kind() == Kind.SIGNED_PROPERTIES ? 1 : 2));
        for (ReferenceInfo info : ordered) {
            Reference reference = references.get(info.index());
            String problem = "";
            boolean valid;
            try {
                valid = reference.validate(unmarshalled.context());
            } catch (XMLSignatureException e) {
                refuseIfSecureValidation(e.getMessage());
                valid = false;
                problem = " (" + rootMessage(e) + ")";
            }
            if (!valid) {
                switch (info.kind()) {
                    case DOCUMENT -> throw new Rejection(Failure.CRYPTOGRAPHIC_FAILURE, signer, "the digest of reference "
                            + info.describe() + " does not match: the list was changed after signing" + problem);
                    case SIGNED_PROPERTIES -> throw new Rejection(Failure.SIGNED_PROPERTIES_INVALID, signer,
                            "the digest of the SignedProperties reference " + info.describe()
                                    + " does not match: the signed properties were changed" + problem);
                    default -> throw new Rejection(Failure.CRYPTOGRAPHIC_FAILURE, signer, "the digest of reference "
                            + info.describe() + " does not match" + problem);
                }
            }
        }
    }

    private static Unmarshalled unmarshal(XMLSignatureFactory factory, SignatureLayout layout) throws Rejection {
        DOMValidateContext context = new DOMValidateContext(NO_KEY_YET, layout.signature);
        context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
        context.setURIDereferencer(sameDocumentOnly(factory.getURIDereferencer()));
        for (IdTarget target : layout.idTargets) {
            context.setIdAttributeNS(target.element(), null, target.attribute());
        }
        try {
            return new Unmarshalled(factory.unmarshalXMLSignature(context), context);
        } catch (MarshalException e) {
            refuseIfSecureValidation(e.getMessage());
            throw new Rejection(Failure.UNREADABLE, "the ds:Signature is malformed: " + rootMessage(e));
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new Rejection(Failure.UNREADABLE, "the ds:Signature is malformed: " + e.getMessage());
        }
    }

    /** Belt and braces: the layout check already refused every URI but "" and "#id". */
    private static URIDereferencer sameDocumentOnly(URIDereferencer dereferencer) {
        return (uriReference, context) -> {
            String uri = uriReference.getURI();
            if (uri == null || !(uri.isEmpty() || uri.startsWith("#"))) {
                throw new URIReferenceException("only same-document references are dereferenced: " + uri);
            }
            return dereferencer.dereference(uriReference, context);
        };
    }

    /** The JDK words its secure-validation refusals with "forbidden" or "secure validation". */
    private static void refuseIfSecureValidation(String message) throws Rejection {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("forbidden") || lower.contains("secure validation")) {
            throw new Rejection(Failure.FORBIDDEN_CONSTRUCT, "refused by JDK secure validation: " + message);
        }
    }

    private static String rootMessage(Throwable throwable) {
        Throwable root = throwable;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String subject(X509Certificate certificate) {
        return SubjectNames.rfc2253(certificate);
    }
}
