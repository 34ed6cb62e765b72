package org.qtrust.core.trustedlist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying a list's signature.
 *
 * @param status        the outcome reported to users
 * @param failure       the precise failure, empty when VALID
 * @param signer        the signing certificate (from KeyInfo), when one could be read
 * @param signerSubject the signer's subject DN, or "" when unknown
 * @param detail        one readable sentence on what was checked or what failed
 * @param signedSignatureProperties the local names of the XAdES SignedSignatureProperties the verified
 *                      signature covers, in document order (e.g. SigningTime, SigningCertificateV2); empty
 *                      when the signature did not verify or the format has none
 */
public record SignatureCheck(SignatureStatus status, Optional<Failure> failure,
                             Optional<ServiceCertificate> signer, String signerSubject, String detail,
                             List<String> signedSignatureProperties) {

    public enum Failure {
        /** No ds:Signature at all. */
        MISSING(SignatureStatus.MISSING),
        /** More than one ds:Signature in the document. */
        MULTIPLE_SIGNATURES(SignatureStatus.INVALID),
        /** The signature is not a child of the root, or its reference does not cover the root: wrapping. */
        NOT_COVERING_DOCUMENT(SignatureStatus.INVALID),
        /** A transform, reference or KeyInfo form that is not allowed (XSLT, XPath, external URI…). */
        FORBIDDEN_CONSTRUCT(SignatureStatus.INVALID),
        /** The XAdES SignedProperties reference is absent or does not verify. */
        SIGNED_PROPERTIES_INVALID(SignatureStatus.INVALID),
        /** A reference digest or the signature value does not verify. */
        CRYPTOGRAPHIC_FAILURE(SignatureStatus.INVALID),
        /** The document cannot be read as a signed XML document. */
        UNREADABLE(SignatureStatus.INVALID),
        /** The signature verifies, or could, but not with any expected signer's key. */
        SIGNER_NOT_TRUSTED(SignatureStatus.SIGNER_NOT_TRUSTED);

        private final SignatureStatus status;

        Failure(SignatureStatus status) {
            this.status = status;
        }

        public SignatureStatus status() {
            return status;
        }
    }

    public SignatureCheck {
        Objects.requireNonNull(status);
        Objects.requireNonNull(failure);
        Objects.requireNonNull(signer);
        Objects.requireNonNull(signerSubject);
        Objects.requireNonNull(detail);
        signedSignatureProperties = List.copyOf(signedSignatureProperties);
        if ((status == SignatureStatus.VALID) != failure.isEmpty()) {
            throw new IllegalArgumentException("a VALID check has no failure, any other has one");
        }
        failure.ifPresent(f -> {
            if (f.status() != status) {
                throw new IllegalArgumentException(f + " is reported as " + f.status());
            }
        });
    }

    public SignatureCheck(SignatureStatus status, Optional<Failure> failure, Optional<ServiceCertificate> signer,
                          String signerSubject, String detail) {
        this(status, failure, signer, signerSubject, detail, List.of());
    }

    /** This check, recording the signed XAdES SignedSignatureProperties its signature covers. */
    public SignatureCheck withSignedSignatureProperties(List<String> localNames) {
        return new SignatureCheck(status, failure, signer, signerSubject, detail, localNames);
    }

    public static SignatureCheck valid(ServiceCertificate signer, String signerSubject, String detail) {
        return new SignatureCheck(SignatureStatus.VALID, Optional.empty(), Optional.of(signer), signerSubject, detail);
    }

    public static SignatureCheck failed(Failure failure, Optional<ServiceCertificate> signer, String signerSubject, String detail) {
        return new SignatureCheck(failure.status(), Optional.of(failure), signer, signerSubject, detail);
    }

    public boolean isValid() {
        return status == SignatureStatus.VALID;
    }
}
