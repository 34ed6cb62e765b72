package org.qtrust.cli.options;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Options that cannot be given together. Each pair is refused before the command runs, with a
 * message naming both (exit 2), rather than one of them being silently ignored.
 */
public final class OptionConflicts {

    /** Two conflicting options were given: one line names both (no usage hint: the fix is in the line). */
    public static final class ConflictException extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        ConflictException(CommandLine command, String message) {
            super(command, message);
        }
    }

    /** Two options that exclude each other, and why. */
    record Conflict(String first, String second, String why) {
    }

    private static final String ISSUER_KEY = "--issuer-key verifies a plain SD-JWT with that key alone; no chain or list is used";

    static final List<Conflict> CONFLICTS = List.of(
            new Conflict("--offline", "--cache",
                    "--offline DIR reads a folder as it is, --cache DIR the cache 'qtrust lists refresh' fills; give one"),
            new Conflict("--store", "--offline", "--store reads the shared store of verified lists, --offline a folder; give one"),
            new Conflict("--store", "--cache", "--store reads the shared store of verified lists, --cache a local cache; give one"),
            new Conflict("--oj-keystore", "--oj-certs",
                    "the Official Journal certificates come from one place: a keystore or a folder of certificate files"),
            new Conflict("--oj-certs", "--oj-password",
                    "--oj-password opens an --oj-keystore; a folder of certificate files has none"),
            new Conflict("--issuer-key", "--trust-anchor", ISSUER_KEY),
            new Conflict("--issuer-key", "--offline", ISSUER_KEY),
            new Conflict("--issuer-key", "--cache", ISSUER_KEY),
            new Conflict("--issuer-key", "--lote", ISSUER_KEY),
            new Conflict("--issuer-key", "--oj-keystore", ISSUER_KEY),
            new Conflict("--issuer-key", "--oj-certs", ISSUER_KEY));

    private OptionConflicts() {
    }

    /** Refuses the command line when the command that runs was given two conflicting options. */
    public static void check(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        for (Conflict conflict : CONFLICTS) {
            if (command.hasMatchedOption(conflict.first()) && command.hasMatchedOption(conflict.second())) {
                throw new ConflictException(command.commandSpec().commandLine(),
                        conflict.first() + " and " + conflict.second() + " cannot be used together: " + conflict.why());
            }
        }
    }
}
