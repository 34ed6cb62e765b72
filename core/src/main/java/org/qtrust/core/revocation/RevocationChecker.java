package org.qtrust.core.revocation;

import java.security.cert.X509Certificate;

/**
 * Outgoing port: the revocation status of one certificate, given the certificate that issued
 * it. A chain is checked link by link (every certificate but the trust anchor).
 *
 * <p>Implementations never throw for anything the network or a server does: garbage, an
 * error page, a timeout, a bad signature all give an {@code unknown} outcome whose trace says
 * why. Whether unknown is acceptable is the {@link RevocationMode}'s decision, not the checker's.
 */
public interface RevocationChecker {

    RevocationOutcome check(X509Certificate certificate, X509Certificate issuer, RevocationQuery query);
}
