package org.qtrust.core.trustsource;

import java.time.Instant;
import java.util.Objects;
import org.qtrust.core.policy.CredentialKind;

/**
 * Is the issuer of a credential of this kind trusted?
 *
 * @param kind           what the credential is (chooses the lists, by policy)
 * @param issuer         its chain or key
 * @param issuedAt       when the credential was issued (iat): the status that counts by default
 * @param validationTime the time of the decision (path validity; never read from a clock here)
 */
public record IssuerTrustQuery(CredentialKind kind, IssuerKey issuer, Instant issuedAt, Instant validationTime) {

    public IssuerTrustQuery {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(issuedAt);
        Objects.requireNonNull(validationTime);
    }
}
