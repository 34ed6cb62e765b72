package org.qtrust.adapters.crypto.xades;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The algorithms a list signature may use: an explicit allow-list, checked before the JDK sees
 * the signature, so that a refusal names the construct instead of surfacing as a JDK error.
 */
final class XmlDsigAlgorithms {

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /** Canonicalization, as CanonicalizationMethod or as a Transform: inclusive, exclusive, 1.1; with or without comments. */
    static final Set<String> CANONICALIZATIONS = Set.of(
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2001/10/xml-exc-c14n#",
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    /** Transforms with a name in refusals. Any transform not allowed is refused, named or not. */
    private static final Map<String, String> KNOWN_FORBIDDEN_TRANSFORMS = Map.of(
            "http://www.w3.org/TR/1999/REC-xslt-19991116", "XSLT",
            "http://www.w3.org/TR/1999/REC-xpath-19991116", "XPath",
            "http://www.w3.org/2002/06/xmldsig-filter2", "XPath Filter 2.0",
            "http://www.w3.org/2000/09/xmldsig#base64", "Base64");

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha224",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#rsa-pss",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512",
            "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519",
            "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed448");

    private static final Set<String> DIGEST_METHODS = Set.of(
            "http://www.w3.org/2001/04/xmldsig-more#sha224",
            "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-224",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-256",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-384",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-512");

    /** JCA names for digests met in XAdES CertDigest, which is an identifier, not a signature: SHA-1 is read there. */
    private static final Map<String, String> CERT_DIGESTS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA-224",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-224", "SHA3-224",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-256", "SHA3-256",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-384", "SHA3-384",
            "http://www.w3.org/2007/05/xmldsig-more#sha3-512", "SHA3-512");

    private XmlDsigAlgorithms() {
    }

    static boolean isAllowedTransform(String algorithm) {
        return ENVELOPED.equals(algorithm) || CANONICALIZATIONS.contains(algorithm);
    }

    static String transformName(String algorithm) {
        return KNOWN_FORBIDDEN_TRANSFORMS.getOrDefault(algorithm, algorithm);
    }

    /** Empty when allowed, else why not. */
    static Optional<String> refuseSignatureMethod(String algorithm) {
        if (SIGNATURE_METHODS.contains(algorithm)) {
            return Optional.empty();
        }
        String lower = algorithm.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("hmac")) {
            return Optional.of("signature method " + algorithm + " is a MAC, not a signature: refused");
        }
        if (lower.contains("sha1") || lower.contains("md5")) {
            return Optional.of("signature method " + algorithm + " uses a broken hash (SHA-1/MD5): refused");
        }
        return Optional.of("signature method " + algorithm + " is not accepted");
    }

    /** Empty when allowed, else why not. */
    static Optional<String> refuseDigestMethod(String algorithm) {
        if (DIGEST_METHODS.contains(algorithm)) {
            return Optional.empty();
        }
        String lower = algorithm.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("#sha1") || lower.contains("md5")) {
            return Optional.of("digest method " + algorithm + " (SHA-1/MD5) is refused for references,"
                    + " as JDK secure validation does");
        }
        return Optional.of("digest method " + algorithm + " is not accepted");
    }

    static Optional<String> certDigestJcaName(String algorithm) {
        return Optional.ofNullable(CERT_DIGESTS.get(algorithm));
    }

    /** The fragment or last path segment of an algorithm URI, for readable details. */
    static String shortName(String algorithm) {
        int hash = algorithm.lastIndexOf('#');
        if (hash >= 0 && hash < algorithm.length() - 1) {
            return algorithm.substring(hash + 1);
        }
        String trimmed = hash == algorithm.length() - 1 ? algorithm.substring(0, hash) : algorithm;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
