package org.qtrust.core.trustedlist;

/** The signature status of a list, as the CLI and the API report it. */
public enum SignatureStatus { VALID, INVALID, MISSING, SIGNER_NOT_TRUSTED }
