package org.qtrust.core.trustsource;

/** Use case: is a credential's issuer vouched for by the lists the policy names for its kind? */
public interface CheckIssuerTrust {

    /** Never throws for bad input: a malformed certificate is a verdict too. */
    IssuerTrustVerdict check(IssuerTrustQuery query);
}
