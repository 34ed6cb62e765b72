package org.qtrust.core.credential.mdoc;

/** Use case: decide whether an mdoc (ISO/IEC 18013-5 mso_mdoc) presentation is valid and its issuer trusted. */
public interface VerifyMdoc {

    /** Never throws for bad input: a malformed presentation is a verdict too. */
    MdocVerdict verify(MdocCheck check);
}
