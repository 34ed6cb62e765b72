package org.qtrust.core.credential.mdoc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.credential.mdoc.cbor.Cbor;
import org.qtrust.core.credential.mdoc.cbor.MalformedCborException;

/**
 * The Mobile Security Object (ISO/IEC 18013-5 §9.1.2.4), the issuer-signed payload of
 * {@code issuerAuth}.
 *
 * @param version         "1.0"
 * @param digestAlgorithm "SHA-256", "SHA-384" or "SHA-512"
 * @param valueDigests    namespace → digestID → digest
 * @param deviceKey       the device's COSE_Key (deviceKeyInfo.deviceKey)
 * @param authorizedNamespaces    deviceKeyInfo.keyAuthorizations.nameSpaces
 * @param authorizedElements      deviceKeyInfo.keyAuthorizations.dataElements: namespace → identifiers
 * @param docType         the document type the issuer signed
 * @param signed          validityInfo.signed
 * @param validFrom       validityInfo.validFrom
 * @param validUntil      validityInfo.validUntil
 * @param status          the {@code status} member (draft-ietf-oauth-status-list §6.3), when present
 */
public record MobileSecurityObject(String version, String digestAlgorithm, Map<String, Map<Long, byte[]>> valueDigests,
                                   Cbor.Map deviceKey, Set<String> authorizedNamespaces,
                                   Map<String, Set<String>> authorizedElements, String docType, Instant signed,
                                   Instant validFrom, Instant validUntil, Optional<Cbor> status) {

    /** The digest algorithms of §9.1.2.5 and their JDK names. */
    static final Map<String, String> DIGESTS = Map.of("SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    static MobileSecurityObject read(Cbor item) throws MalformedCborException {
        Cbor.Map mso = CborRead.map(item, "the MSO");
        String version = CborRead.text(CborRead.required(mso, "version", "the MSO"), "MSO version");
        String digestAlgorithm = CborRead.text(CborRead.required(mso, "digestAlgorithm", "the MSO"), "MSO digestAlgorithm");
        Map<String, Map<Long, byte[]>> digests = new LinkedHashMap<>();
        for (Map.Entry<Cbor, Cbor> ns : CborRead.map(CborRead.required(mso, "valueDigests", "the MSO"), "valueDigests").entries().entrySet()) {
            String namespace = CborRead.text(ns.getKey(), "a valueDigests namespace");
            Map<Long, byte[]> ids = new LinkedHashMap<>();
            // Duplicate digestIDs cannot reach here: the reader refuses duplicate map keys.
            for (Map.Entry<Cbor, Cbor> d : CborRead.map(ns.getValue(), "valueDigests of " + namespace).entries().entrySet()) {
                ids.put(CborRead.unsigned(d.getKey(), "a digestID in " + namespace), CborRead.bytes(d.getValue(), "a digest in " + namespace));
            }
            digests.put(namespace, ids);
        }
        Cbor.Map keyInfo = CborRead.map(CborRead.required(mso, "deviceKeyInfo", "the MSO"), "deviceKeyInfo");
        Cbor.Map deviceKey = CborRead.map(CborRead.required(keyInfo, "deviceKey", "deviceKeyInfo"), "deviceKey");
        Set<String> namespaces = new LinkedHashSet<>();
        Map<String, Set<String>> elements = new LinkedHashMap<>();
        Optional<Cbor> authorizations = keyInfo.get("keyAuthorizations");
        if (authorizations.isPresent()) {
            Cbor.Map auth = CborRead.map(authorizations.get(), "keyAuthorizations");
            if (auth.get("nameSpaces").isPresent()) {
                for (Cbor ns : CborRead.array(auth.get("nameSpaces").get(), "keyAuthorizations.nameSpaces").items()) {
                    namespaces.add(CborRead.text(ns, "an authorized namespace"));
                }
            }
            if (auth.get("dataElements").isPresent()) {
                for (Map.Entry<Cbor, Cbor> e : CborRead.map(auth.get("dataElements").get(), "keyAuthorizations.dataElements").entries().entrySet()) {
                    Set<String> ids = new LinkedHashSet<>();
                    for (Cbor id : CborRead.array(e.getValue(), "authorized data elements").items()) {
                        ids.add(CborRead.text(id, "an authorized data element"));
                    }
                    elements.put(CborRead.text(e.getKey(), "an authorized namespace"), ids);
                }
            }
        }
        String docType = CborRead.text(CborRead.required(mso, "docType", "the MSO"), "MSO docType");
        Cbor.Map validity = CborRead.map(CborRead.required(mso, "validityInfo", "the MSO"), "validityInfo");
        Instant signed = CborRead.tdate(CborRead.required(validity, "signed", "validityInfo"), "validityInfo.signed");
        Instant validFrom = CborRead.tdate(CborRead.required(validity, "validFrom", "validityInfo"), "validityInfo.validFrom");
        Instant validUntil = CborRead.tdate(CborRead.required(validity, "validUntil", "validityInfo"), "validityInfo.validUntil");
        return new MobileSecurityObject(version, digestAlgorithm, digests, deviceKey, namespaces, elements, docType, signed,
                validFrom, validUntil, mso.get("status"));
    }

    /** §9.1.2.4 key authorizations: whether the device key may sign this element. */
    boolean authorizes(String namespace, String element) {
        return authorizedNamespaces.contains(namespace) || authorizedElements.getOrDefault(namespace, Set.of()).contains(element);
    }
}
