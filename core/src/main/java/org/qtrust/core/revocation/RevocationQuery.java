package org.qtrust.core.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One revocation question: at which time, under which policy, and which OCSP responders a
 * trusted list authorises for the certificate's issuer.
 *
 * @param validationTime    the time at which the status is wanted (now, the issuance time, or a time the caller gives)
 * @param policy            how to check
 * @param listedResponders  certificates of OCSP services (Svctype/Certstatus/OCSP[/QC]) a trusted list lists for
 *                          this CA: a response signed with one of their keys is accepted although the CA did not
 *                          issue the responder certificate. Empty when none.
 */
public record RevocationQuery(Instant validationTime, RevocationPolicy policy, Set<X509Certificate> listedResponders) {

    public RevocationQuery {
        Objects.requireNonNull(validationTime);
        Objects.requireNonNull(policy);
        listedResponders = Set.copyOf(listedResponders);
    }

    public static RevocationQuery at(Instant validationTime, RevocationPolicy policy) {
        return new RevocationQuery(validationTime, policy, Set.of());
    }

    public RevocationQuery withListedResponders(Set<X509Certificate> responders) {
        return new RevocationQuery(validationTime, policy, responders);
    }
}
