package org.qtrust.cli.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.qtrust.adapters.crypto.sandbox.SandboxArtefact;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxServer;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.cli.QtrustCli;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtrust demo [--dir DIR]}: the main job end to end with no network and no external
 * data. Builds a sandbox, serves it on 127.0.0.1 in this process while the demo runs (OCSP,
 * CRLs, status list, issuer metadata), loads its lists, verifies a trusted, a revoked and a
 * refused certificate and a PID credential, and prints the verdicts with their traces. Exit 0
 * when every verdict is the one the sandbox expects.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Build a sandbox trust ecosystem in a temporary folder, serve it on 127.0.0.1 while the demo runs, load its lists "
                + "and verify certificates (revocation included) and a credential from it, printing verdicts and traces. "
                + "No network, no external data.")
public final class DemoCommand implements Callable<Integer> {

    /**
     * The artefacts the demo verifies: a trusted certificate with its revocation checked (good, by
     * OCSP), a revoked one, one refused by its trusted list, and a PID credential (metadata and
     * status fetched from the sandbox's server), an mdoc PID and an mdoc mDL (issue 18).
     */
    static final List<String> SHOWN = List.of(SandboxLayout.CERTS + "/qualified-esig.pem", SandboxLayout.CERTS + "/revoked.pem",
            SandboxLayout.CERTS + "/withdrawn-service-after.pem", SandboxLayout.CREDENTIALS + "/pid.sdjwt",
            SandboxLayout.CREDENTIALS + "/mdoc/pid.mdoc", SandboxLayout.CREDENTIALS + "/mdoc/mdl.mdoc");

    @Option(names = "--dir", paramLabel = "DIR", description = "Build the sandbox in this new or empty folder and keep it.")
    Path keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = keep != null ? keep : temporaryFolder();
        int port = freePort();
        try {
            List<SandboxArtefact> artefacts = SandboxInitCommand.create(directory, new SandboxSettings(SandboxSettings.DEFAULT_SEED, port));
            try (SandboxServer server = serve(directory, port)) {
                out.println("QTrust demo: a sandbox trust ecosystem (Official Journal keystore, pivot LOTL, LOTL, lists XA, XB, XC,");
                out.println("certificates, OCSP, CRLs, credentials) built on this machine in " + directory + ", served on http://127.0.0.1:"
                        + server.port() + " while the demo runs, verified at " + SandboxLayout.VALIDATION_TIME);
                out.println();
                boolean asExpected = run(out, err, directory, "1. Load and verify the trusted lists", listsTable(), 0);
                int step = 2;
                for (SandboxArtefact artefact : shown(artefacts)) {
                    List<String> args = new ArrayList<>(artefact.args());
                    args.add("--trace");
                    asExpected &= run(out, err, directory, step++ + ". Verify " + artefact.artefact()
                            + " (expected: " + artefact.expectCode() + ")", args, artefact.expectExit());
                }
                return finish(out, directory, asExpected);
            }
        } finally {
            if (keep == null) {
                deleteQuietly(directory);
            }
        }
    }

    /** Each shown artefact once, in the order of {@link #SHOWN}: its served form (revocation checked, metadata fetched) when it has one. */
    static List<SandboxArtefact> shown(List<SandboxArtefact> artefacts) {
        List<SandboxArtefact> shown = new ArrayList<>();
        for (String name : SHOWN) {
            artefacts.stream().filter(a -> a.artefact().equals(name))
                    .sorted(Comparator.comparing(a -> a.needsServe() || a.args().contains(SandboxLayout.ALLOW_LOOPBACK_HTTP) ? 0 : 1))
                    .findFirst().ifPresent(shown::add);
        }
        return shown;
    }

    private static SandboxServer serve(Path directory, int port) {
        try {
            return SandboxServer.start(directory, port, Clock.systemUTC());
        } catch (IOException e) {
            throw new UsageException("cannot serve the sandbox on 127.0.0.1:" + port + ": " + e.getMessage());
        }
    }

    /** A port free on 127.0.0.1 now: the sandbox is built for it, then served on it. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UsageException("no free port on 127.0.0.1 for the sandbox: " + e.getMessage());
        }
    }

    private int finish(PrintWriter out, Path directory, boolean asExpected) {
        out.println("Every artefact and its expected verdict: " + (keep != null ? directory.resolve(SandboxLayout.README)
                + " (`qtrust sandbox serve " + directory + "` serves it again)" : "`qtrust sandbox init DIR`, then DIR/README.md") + ".");
        out.println(asExpected ? "demo: every verdict is the expected one" : "demo: a verdict differs from the expected one");
        out.flush();
        return asExpected ? 0 : 1;
    }

    private static List<String> listsTable() {
        List<String> args = new ArrayList<>(SandboxLayout.listsLoad());
        args.remove("--json");
        return args;
    }

    private static boolean run(PrintWriter out, PrintWriter err, Path directory, String title, List<String> args, int expectedExit) {
        out.println(title);
        out.println("$ qtrust " + String.join(" ", args));
        out.flush();
        int exit = QtrustCli.run(SandboxArguments.resolve(args, directory), out, err);
        out.println("(exit " + exit + ")");
        out.println();
        return exit == expectedExit;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("qtrust-demo-");
        } catch (IOException e) {
            throw new UsageException("cannot create a temporary folder: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary folder left behind is harmless; the demo's result does not depend on it.
        }
    }
}
