package org.qtrust.cli.oj;

import picocli.CommandLine.Command;

/** {@code qtrust oj …}: the Official Journal certificates that anchor the LOTL. */
@Command(name = "oj", mixinStandardHelpOptions = true,
        description = "Inspect the Official Journal certificates that may sign the LOTL (docs/live-eu.md).",
        subcommands = {OjShowCommand.class})
public final class OjCommand {
}
