package org.qtrust.core.credential.mdoc;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.certificate.CertificateVerdict;
import org.qtrust.core.credential.CredentialCode;
import org.qtrust.core.trustsource.IssuerTrustVerdict;

/**
 * The decision on one mdoc.
 *
 * @param valid        whether every rule passed
 * @param code         {@link CredentialCode#OK} or the first rule that failed (codes shared with SD-JWT VCs, plus
 *                     {@code digest_mismatch}, {@code doc_type_mismatch}, {@code device_mac_unsupported})
 * @param docType      the document type, when it could be read
 * @param issuer       the Document Signer certificate's subject, when it could be read
 * @param elements     the issuer-signed elements per namespace as JSON values (full-date and tdate as ISO
 *                     strings, byte strings as base64url); empty unless the mdoc is valid
 * @param deviceBound  whether a device signature over the verifier's session transcript was verified
 * @param validity     the MSO's validityInfo, when it could be read
 * @param status       what the status check found (a line), when the MSO names a status list
 * @param certificate  the decision on the Document Signer chain, when one was made
 * @param trustSource  {@code LoTE}, {@code TL}, {@code anchor} or {@code key}; empty when no issuer key was reached
 * @param issuerTrust  the issuer-trust decision (list, entity, service), when lists of trusted entities were used
 * @param trace        the rules applied, in order
 */
public record MdocVerdict(boolean valid, CredentialCode code, Optional<String> docType, Optional<String> issuer,
                          Map<String, Map<String, Object>> elements, boolean deviceBound, Optional<Validity> validity,
                          Optional<String> status, Optional<CertificateVerdict> certificate, Optional<String> trustSource,
                          Optional<IssuerTrustVerdict> issuerTrust, List<String> trace) {

    /** The MSO's validityInfo (ISO/IEC 18013-5 §9.1.2.4). */
    public record Validity(Instant signed, Instant validFrom, Instant validUntil) {
    }

    public MdocVerdict {
        Objects.requireNonNull(code);
        Objects.requireNonNull(docType);
        Objects.requireNonNull(issuer);
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        elements.forEach((ns, values) -> copy.put(ns, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        elements = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(validity);
        Objects.requireNonNull(status);
        Objects.requireNonNull(certificate);
        Objects.requireNonNull(trustSource);
        Objects.requireNonNull(issuerTrust);
        trace = List.copyOf(trace);
        if (valid != (code == CredentialCode.OK)) {
            throw new IllegalArgumentException("a verdict is valid exactly when its code is ok");
        }
    }
}
