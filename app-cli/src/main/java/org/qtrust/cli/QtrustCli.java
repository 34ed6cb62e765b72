package org.qtrust.cli;

import java.io.PrintWriter;
import org.qtrust.cli.bench.BenchCommand;
import org.qtrust.cli.cert.CertCommand;
import org.qtrust.cli.credential.CredentialCommand;
import org.qtrust.cli.lists.ListsCommand;
import org.qtrust.cli.doctor.DoctorCommand;
import org.qtrust.cli.oj.OjCommand;
import org.qtrust.cli.options.OptionConflicts;
import org.qtrust.cli.sandbox.DemoCommand;
import org.qtrust.cli.sandbox.SandboxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code qtrust} command line. Thin: parses options, wires adapters with Guice, prints verdicts. */
@Command(name = "qtrust", mixinStandardHelpOptions = true, version = "qtrust 0.1.0",
        description = "Decides whether certificates and wallet credentials are trusted under the official trusted lists.",
        subcommands = {ListsCommand.class, CertCommand.class, CredentialCommand.class, OjCommand.class, DoctorCommand.class, ServeCommand.class, BenchCommand.class,
                SandboxCommand.class, DemoCommand.class})
public final class QtrustCli {

    /** Exit code for unusable input (missing file, bad option, unreadable keystore). */
    public static final int EXIT_UNUSABLE_INPUT = 2;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Also print the libraries' log lines (downloads, retries), on stderr.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Logging.verbose(args);
        Logging.configure(verbose);
        CommandLine commandLine = new CommandLine(new QtrustCli());
        DoctorCommand.withoutOptionsItDoesNotTake(commandLine.getSubcommands().get("doctor"));
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Options that exclude each other are refused before anything runs, naming both.
        commandLine.setExecutionStrategy(parseResult -> {
            OptionConflicts.check(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        // Expected failures (bad input) become one clear line; nothing prints a stack trace unless asked.
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            UsageException usage = usageCause(exception);
            if (usage != null) {
                cmd.getErr().println("qtrust: " + usage.getMessage());
                return usage.exitCode();
            }
            // A bug: the message of our own code or the JDK's, never a class name; the details with --verbose.
            cmd.getErr().println("qtrust: internal error" + (exception.getMessage() == null ? "" : ": " + exception.getMessage())
                    + (verbose ? "" : " (run again with --verbose for the details)"));
            if (verbose) {
                exception.printStackTrace(cmd.getErr());
            }
            return EXIT_UNUSABLE_INPUT;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("qtrust: " + exception.getMessage());
            if (cmd.getCommandSpec().findOption("--cache") != null && cmd.getCommandSpec().findOption("--offline") == null
                    && exception instanceof CommandLine.UnmatchedArgumentException unmatched
                    && unmatched.getUnmatched().contains("--offline")) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + " fills or reads the cache: give --cache DIR "
                        + "(an offline folder is read by 'qtrust lists load --offline DIR')");
            }
            if (cmd.getCommandSpec().findOption("--store") == null && exception instanceof CommandLine.UnmatchedArgumentException unmatched
                    && unmatched.getUnmatched().stream().anyMatch(arg -> arg.equals("--store") || arg.startsWith("--store="))) {
                cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + " does not read a shared store: "
                        + "'qtrust lists load --store URL' checks one");
            }
            if (exception instanceof OptionConflicts.ConflictException) {
                return EXIT_UNUSABLE_INPUT;
            }
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_UNUSABLE_INPUT;
        });
        return commandLine.execute(args);
    }

    /** The usage error a wrapper (a Guice provision, a completion) carries, if any. */
    private static UsageException usageCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UsageException usage) {
                return usage;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
