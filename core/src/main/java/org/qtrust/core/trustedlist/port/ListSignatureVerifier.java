package org.qtrust.core.trustedlist.port;

import java.util.List;
import org.qtrust.core.trustedlist.ListDocument;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;

/**
 * Verifies the enveloped XAdES signature of a list document: exactly one signature, a child
 * of the root, covering the whole document, made by one of the expected signers.
 */
public interface ListSignatureVerifier {

    /** Never throws for a bad document: every failure is a {@link SignatureCheck} with a reason. */
    SignatureCheck verify(ListDocument document, List<ServiceCertificate> expectedSigners);
}
