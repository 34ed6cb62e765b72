package org.qtrust.core.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qtrust.core.transport.OutboundBudget;

/**
 * One revocation question: at which time, under which policy, and which OCSP responders a
 * trusted list authorises for the certificate's issuer.
 *
 * @param validationTime    the time at which the status is wanted (now, the issuance time, or a time the caller gives)
 * @param policy            how to check
 * @param listedResponders  certificates of OCSP services (Svctype/Certstatus/OCSP[/QC]) a trusted list lists for
 *                          this CA: a response signed with one of their keys is accepted although the CA did not
 *                          issue the responder certificate. Empty when none.
 * @param expiredCertsRevocationInfo the issuing service's ExpiredCertsRevocationInfo on its trusted list
 *                          (TS 119 612 §5.5.9.1): from that instant on, the service keeps the revocation status
 *                          of certificates after they expire. Empty when the list says nothing.
 * @param budget            how long the question may wait for fetches, its own and those other callers started
 *                          (issue 15.1); out of budget the status is unknown and the trace says so. It bounds
 *                          waiting only: no answer depends on it.
 */
public record RevocationQuery(Instant validationTime, RevocationPolicy policy, Set<X509Certificate> listedResponders,
                              Optional<Instant> expiredCertsRevocationInfo, OutboundBudget budget) {

    public RevocationQuery {
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        listedResponders = Set.copyOf(listedResponders);
        Objects.requireNonNull(expiredCertsRevocationInfo);
        Objects.requireNonNull(budget);
    }

    public RevocationQuery(Instant validationTime, RevocationPolicy policy, Set<X509Certificate> listedResponders,
                           Optional<Instant> expiredCertsRevocationInfo) {
        this(validationTime, policy, listedResponders, expiredCertsRevocationInfo, OutboundBudget.unlimited());
    }

    public RevocationQuery(Instant validationTime, RevocationPolicy policy, Set<X509Certificate> listedResponders) {
        this(validationTime, policy, listedResponders, Optional.empty());
    }

    public static RevocationQuery at(Instant validationTime, RevocationPolicy policy) {
        return new RevocationQuery(validationTime, policy, Set.of());
    }

    public RevocationQuery withListedResponders(Set<X509Certificate> responders) {
        return new RevocationQuery(validationTime, policy, responders, expiredCertsRevocationInfo, budget);
    }

    /** The same question, knowing since when the issuing service keeps the status of expired certificates. */
    public RevocationQuery withExpiredCertsRevocationInfo(Optional<Instant> since) {
        return new RevocationQuery(validationTime, policy, listedResponders, since, budget);
    }

    /** The same question at another validation time. */
    public RevocationQuery withValidationTime(Instant time) {
        return new RevocationQuery(time, policy, listedResponders, expiredCertsRevocationInfo, budget);
    }

    /** The same question, waiting for fetches at most within {@code value}. */
    public RevocationQuery withBudget(OutboundBudget value) {
        return new RevocationQuery(validationTime, policy, listedResponders, expiredCertsRevocationInfo, value);
    }
}
