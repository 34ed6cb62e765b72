package org.qtrust.core.certificate;

/** Use case: decide whether a certificate is trusted under a policy and the loaded trusted lists. */
public interface VerifyCertificate {

    /** Never throws for bad input: a malformed certificate is a verdict too. */
    CertificateVerdict verify(CertificateCheck check);
}
