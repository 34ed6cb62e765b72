package org.qtrust.cli.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.qtrust.adapters.crypto.sandbox.SandboxArtefact;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qtrust sandbox init DIR [--seed N] [--port P]}: writes a sandbox into an empty or new folder. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a sandbox trust ecosystem in DIR, deterministically from the seed, with README.md and manifest.json "
                + "listing every artefact and the verdict QTrust must give for it.")
public final class SandboxInitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A new or empty folder.")
    Path directory;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + SandboxSettings.DEFAULT_SEED,
            description = "Seed of every key: the same seed gives byte-identical lists (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + SandboxSettings.DEFAULT_PORT,
            description = "Loopback port `sandbox serve` will use; written into list locations, OCSP and CRL URLs "
                    + "(default: ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 1 || port > 65_535) {
            throw new UsageException("--port " + port + " is not a TCP port");
        }
        List<SandboxArtefact> artefacts = create(directory, new SandboxSettings(seed, port));
        spec.commandLine().getOut().println("sandbox written to " + directory + ": " + artefacts.size()
                + " artefacts, expected verdicts in " + directory.resolve(SandboxLayout.README) + " and "
                + directory.resolve(SandboxLayout.MANIFEST));
        return 0;
    }

    /** Generates the sandbox, its manifest and README; refuses a folder that already holds something. */
    static List<SandboxArtefact> create(Path directory, SandboxSettings settings) {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new UsageException(directory + " is a file, not a folder");
            }
            if (Files.isDirectory(directory)) {
                try (Stream<Path> content = Files.list(directory)) {
                    if (content.findAny().isPresent()) {
                        throw new UsageException(directory + " is not empty: choose a new or empty folder");
                    }
                }
            }
            Files.createDirectories(directory);
            List<SandboxArtefact> artefacts = SandboxGenerator.generate(directory, settings);
            Files.writeString(directory.resolve(SandboxLayout.MANIFEST), SandboxManifest.json(artefacts), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(SandboxLayout.README), SandboxManifest.readme(artefacts, settings),
                    StandardCharsets.UTF_8);
            return artefacts;
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot write the sandbox in " + directory + ": " + e.getMessage());
        }
    }
}
