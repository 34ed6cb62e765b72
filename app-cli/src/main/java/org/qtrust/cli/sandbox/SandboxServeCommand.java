package org.qtrust.cli.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxServer;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qtrust sandbox serve DIR [--port P]}: serves a sandbox on loopback until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a sandbox on 127.0.0.1: lists at their pointer locations, OCSP responders, CRLs, status lists "
                + "and the issuers' well-known metadata. Runs until interrupted (Ctrl-C).")
public final class SandboxServeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "A folder written by `qtrust sandbox init`.")
    Path directory;

    @Option(names = "--port", paramLabel = "P",
            description = "Port to listen on (default: the port the sandbox was built for, from its sandbox.properties; "
                    + "0 for any free port).")
    Integer port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(directory.resolve(SandboxLayout.MANIFEST))
                || !Files.isDirectory(directory.resolve(SandboxLayout.LISTS))) {
            throw new UsageException(directory + " is not a sandbox (no manifest.json and lists/): run `qtrust sandbox init` first");
        }
        int listenOn = port != null ? port : builtForPort();
        if (listenOn < 0 || listenOn > 65_535) {
            throw new UsageException("--port " + listenOn + " is not a TCP port");
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(directory, listenOn, Clock.systemUTC());
        } catch (IOException e) {
            throw new UsageException("cannot serve on 127.0.0.1:" + listenOn + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "qtrust-sandbox-stop"));
        spec.commandLine().getOut().println("serving " + directory + " on http://127.0.0.1:" + server.port()
                + " (lists under /lists/, OCSP under /ocsp/, CRLs under /crl/, status lists under /status/, issuer metadata under "
                + "/.well-known/); Ctrl-C stops");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private int builtForPort() {
        try {
            return SandboxGenerator.builtForPort(directory).orElse(SandboxSettings.DEFAULT_PORT);
        } catch (IOException e) {
            throw new UsageException("cannot read " + directory.resolve(SandboxLayout.SETTINGS) + ": " + e.getMessage());
        }
    }
}
