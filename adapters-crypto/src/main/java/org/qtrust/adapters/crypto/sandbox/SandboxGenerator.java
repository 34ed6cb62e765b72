package org.qtrust.adapters.crypto.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * Builds a sandbox trust ecosystem in a folder, deterministically from its settings: the same
 * seed and port give byte-identical lists, certificates and CRLs. Returns every artefact with
 * the verdict QTrust must give for it (the README table and manifest are written from that by
 * the application).
 */
public final class SandboxGenerator {

    /**
     * The artefact families, in order (later ones may rely on files of earlier ones). Credentials
     * (SD-JWT VC with holder keys, issuer metadata, status lists) and a LoTE of PID providers are
     * to be added here as further generators.
     */
    static final List<ArtefactGenerator> GENERATORS = List.of(
            new TrustedListsArtefacts(), new CertificateArtefacts(), new RevocationArtefacts());

    private SandboxGenerator() {
    }

    public static List<SandboxArtefact> generate(Path directory, SandboxSettings settings) {
        SandboxPki pki = new SandboxPki(settings);
        SandboxOutput output = new SandboxOutput(directory.toAbsolutePath().normalize());
        for (ArtefactGenerator generator : GENERATORS) {
            generator.generate(pki, output);
        }
        return output.artefacts();
    }
}
