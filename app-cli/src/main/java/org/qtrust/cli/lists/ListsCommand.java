package org.qtrust.cli.lists;

import picocli.CommandLine.Command;

/** {@code qtrust lists …}: load, inspect and refresh trusted lists. */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Load and inspect trusted lists.",
        subcommands = {ListsLoadCommand.class, ListsRefreshCommand.class, ListsExportCommand.class})
public final class ListsCommand {
}
