package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Builds a sandbox trust ecosystem in a folder, deterministically from its settings: the same
 * seed and port give byte-identical files (lists, certificates, CRLs, credentials, metadata, the keystore). Returns every artefact with
 * the verdict QTrust must give for it (the README table and manifest are written from that by
 * the application).
 */
public final class SandboxGenerator {

    /**
     * The artefact families, in order (later ones may rely on files of earlier ones): lists,
     * certificates, revocation data, SD-JWT VC credentials with their status list, the PID
     * providers LoTE with its PID credentials, the issuers' metadata, and mdoc PIDs (ISO/IEC 18013-5).
     */
    static final List<ArtefactGenerator> GENERATORS = List.of(
            new TrustedListsArtefacts(), new CertificateArtefacts(), new RevocationArtefacts(), new CredentialArtefacts(),
            new LoteArtefacts(), new IssuerMetadataArtefacts(), new MdocArtefacts());

    private SandboxGenerator() {
    }

    /** The port a sandbox folder was built for, from its settings file; empty when it has none. */
    public static OptionalInt builtForPort(Path directory) throws IOException {
        Path settings = directory.resolve(SandboxLayout.SETTINGS);
        if (!Files.isRegularFile(settings)) {
            return OptionalInt.empty();
        }
        for (String line : Files.readAllLines(settings)) {
            if (line.startsWith("port=")) {
                try {
                    return OptionalInt.of(Integer.parseInt(line.substring("port=".length()).trim()));
                } catch (NumberFormatException e) {
                    return OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }

    public static List<SandboxArtefact> generate(Path directory, SandboxSettings settings) {
        SandboxPki pki = new SandboxPki(settings);
        SandboxOutput output = new SandboxOutput(directory.toAbsolutePath().normalize());
        output.write(SandboxLayout.SETTINGS, "seed=" + settings.seed() + "\nport=" + settings.port() + "\n");
        for (ArtefactGenerator generator : GENERATORS) {
            generator.generate(pki, output);
        }
        return output.artefacts();
    }
}
