package org.qtrust.adapters.crypto.sandbox;

/**
 * Writes one family of sandbox artefacts (lists, certificates, revocation data…) and declares
 * each verifiable one with its expected verdict. New families — SD-JWT VC credentials, a LoTE
 * of PID providers — are further implementations added to {@link SandboxGenerator#GENERATORS}.
 */
public interface ArtefactGenerator {

    void generate(SandboxPki pki, SandboxOutput output);
}
