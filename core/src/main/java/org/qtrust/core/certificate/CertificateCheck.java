package org.qtrust.core.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.qtrust.core.transport.OutboundBudget;

/**
 * One question: is this certificate trusted at this time? The chain is untrusted input that
 * may help to build the path; only a trusted list (or the policy's plain anchors) makes an
 * anchor.
 *
 * @param certificate    the certificate (DER)
 * @param chain          other certificates that may be intermediates (DER), in any order
 * @param validationTime the time the decision is for (never read from a clock here)
 * @param outboundBudget how long the decision may wait for revocation fetches (issue 15.1); it bounds waiting,
 *                       it is no part of what is decided
 */
public record CertificateCheck(byte[] certificate, List<byte[]> chain, Instant validationTime, OutboundBudget outboundBudget) {

    public CertificateCheck {
        Objects.requireNonNull(certificate);
        chain = List.copyOf(chain);
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(outboundBudget);
    }

    /** A check without an outbound budget of its own (the transport's deadlines bound each fetch). */
    public CertificateCheck(byte[] certificate, List<byte[]> chain, Instant validationTime) {
        this(certificate, chain, validationTime, OutboundBudget.unlimited());
    }

    /** The same check, waiting for revocation fetches at most within {@code budget}. */
    public CertificateCheck withOutboundBudget(OutboundBudget budget) {
        return new CertificateCheck(certificate, chain, validationTime, budget);
    }

    public static CertificateCheck of(byte[] certificate, Instant validationTime) {
        return new CertificateCheck(certificate, List.of(), validationTime);
    }
}
