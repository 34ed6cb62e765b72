package org.qtrust.core.lote.port;

import java.util.List;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;

/**
 * Verifies the signature of a list of trusted entities: a JWS (JAdES, compact or JSON
 * serialization) over a JSON list, an enveloped XAdES signature over an XML list. VALID only
 * when the signer's certificate is one of the expected signers and only allowed algorithms are used.
 */
public interface LoteSignatureVerifier {

    /** Never throws for a bad document: every failure is a {@link SignatureCheck} with a reason. */
    SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners);
}
