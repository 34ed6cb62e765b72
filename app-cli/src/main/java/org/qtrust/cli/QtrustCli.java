package org.qtrust.cli;

import java.io.PrintWriter;
import org.qtrust.cli.bench.BenchCommand;
import org.qtrust.cli.cert.CertCommand;
import org.qtrust.cli.credential.CredentialCommand;
import org.qtrust.cli.lists.ListsCommand;
import org.qtrust.cli.sandbox.DemoCommand;
import org.qtrust.cli.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qtrust} command line. Thin: parses options, wires adapters with Guice, prints verdicts. */
@Command(name = "qtrust", mixinStandardHelpOptions = true, version = "qtrust 0.1.0",
        description = "Decides whether certificates and wallet credentials are trusted under the official trusted lists.",
        subcommands = {ListsCommand.class, CertCommand.class, CredentialCommand.class, BenchCommand.class, SandboxCommand.class,
                DemoCommand.class})
public final class QtrustCli {

    /** Exit code for unusable input (missing file, bad option, unreadable keystore). */
    public static final int EXIT_UNUSABLE_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new QtrustCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Expected failures (bad input) become one clear line; nothing prints a stack trace.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof UsageException usage) {
                cmd.getErr().println("qtrust: " + usage.getMessage());
                return usage.exitCode();
            }
            cmd.getErr().println("qtrust: internal error: " + exception.getClass().getSimpleName()
                    + (exception.getMessage() == null ? "" : ": " + exception.getMessage()));
            return EXIT_UNUSABLE_INPUT;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("qtrust: " + exception.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_UNUSABLE_INPUT;
        });
        return commandLine.execute(args);
    }
}
