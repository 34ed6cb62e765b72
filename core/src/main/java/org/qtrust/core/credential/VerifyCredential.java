package org.qtrust.core.credential;

/** Use case: decide whether an SD-JWT VC presentation is valid and its issuer trusted. */
public interface VerifyCredential {

    /** Never throws for bad input: a malformed presentation is a verdict too. */
    CredentialVerdict verify(CredentialCheck check);
}
