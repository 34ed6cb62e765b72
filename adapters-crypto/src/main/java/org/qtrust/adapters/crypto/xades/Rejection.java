package org.qtrust.adapters.crypto.xades;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.qtrust.core.trustedlist.ServiceCertificate;
import org.qtrust.core.trustedlist.SignatureCheck;
import org.qtrust.core.trustedlist.SignatureCheck.Failure;

/** Why a document was refused: carried up from the step that found it, then turned into a {@link SignatureCheck}. */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Failure failure;
    private final transient X509Certificate signer;

    Rejection(Failure failure, String detail) {
        this(failure, null, detail);
    }

    Rejection(Failure failure, X509Certificate signer, String detail) {
        super(detail, null, false, false);
        this.failure = failure;
        this.signer = signer;
    }

    SignatureCheck toCheck() {
        if (signer == null) {
            return SignatureCheck.failed(failure, Optional.empty(), "", getMessage());
        }
        return SignatureCheck.failed(failure, Optional.of(ServiceCertificate.of(signer)),
                SubjectNames.rfc2253(signer), getMessage());
    }
}
