package org.qtrust.core.revocation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Set;

/**
 * The OCSP responders a trusted list lists for a CA (services of type
 * {@code http://uri.etsi.org/TrstSvc/Svctype/Certstatus/OCSP/QC} or {@code …/Certstatus/OCSP}
 * under the same trust service provider, with a status that is granted at the time). The
 * certificate decision fills {@link RevocationQuery#listedResponders()} from it.
 */
@FunctionalInterface
public interface ListedResponders {

    ListedResponders NONE = (issuer, at) -> Set.of();

    /** The responder certificates authorised for certificates issued by {@code issuer}, at time {@code at}. */
    Set<X509Certificate> forIssuer(X509Certificate issuer, Instant at);
}
