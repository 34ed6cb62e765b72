package org.qtrust.cli.bench;

import picocli.CommandLine.Command;

/** {@code qtrust bench …}: speed and memory measurements on real data, in one process. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchListsCommand.class, BenchDecisionsCommand.class, BenchRevocationCommand.class, BenchCredentialsCommand.class})
public final class BenchCommand {
}
