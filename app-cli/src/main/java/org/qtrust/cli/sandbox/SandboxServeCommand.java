package org.qtrust.cli.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qtrust sandbox serve DIR [--port P]}: serves a sandbox on loopback until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a sandbox on 127.0.0.1: lists at their pointer locations, OCSP responders, CRLs. "
                + "Runs until interrupted (Ctrl-C).")
public final class SandboxServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A folder written by `qtrust sandbox init`.")
    Path directory;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + SandboxSettings.DEFAULT_PORT,
            description = "The port given to `sandbox init` (default: ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(directory.resolve(SandboxLayout.MANIFEST))
                || !Files.isDirectory(directory.resolve(SandboxLayout.LISTS))) {
            throw new UsageException(directory + " is not a sandbox (no manifest.json and lists/): run `qtrust sandbox init` first");
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port " + port + " is not a TCP port");
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(directory, port, Clock.systemUTC());
        } catch (IOException e) {
            throw new UsageException("cannot serve on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "qtrust-sandbox-stop"));
        spec.commandLine().getOut().println("serving " + directory + " on http://127.0.0.1:" + server.port()
                + " (lists under /lists/, OCSP under /ocsp/, CRLs under /crl/); Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
