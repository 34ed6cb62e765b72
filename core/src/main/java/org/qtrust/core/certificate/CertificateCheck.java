package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One question: is this certificate trusted at this time? The chain is untrusted input that
 * may help to build the path; only a trusted list (or the policy's plain anchors) makes an
 * anchor.
 *
 * @param certificate    the certificate (DER)
 * @param chain          other certificates that may be intermediates (DER), in any order
 * @param validationTime the time the decision is for (never read from a clock here)
 */
public record CertificateCheck(byte[] certificate, List<byte[]> chain, Instant validationTime) {

    public CertificateCheck {
        Objects.requireNonNull(certificate);
        chain = List.copyOf(chain);
        Objects.requireNonNull(validationTime);
    }

    public static CertificateCheck of(byte[] certificate, Instant validationTime) {
        return new CertificateCheck(certificate, List.of(), validationTime);
    }
}
