package org.qtrust.cli.credential;

import picocli.CommandLine.Command;

/** {@code qtrust credential …}: EUDI wallet credentials (SD-JWT VC). */
@Command(name = "credential", mixinStandardHelpOptions = true, description = "Verify wallet credentials (SD-JWT VC).",
        subcommands = {CredentialVerifyCommand.class})
public final class CredentialCommand {
}
