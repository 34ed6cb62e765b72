package org.qtrust.cli.cert;

import picocli.CommandLine.Command;

/** {@code qtrust cert …}: decisions on X.509 certificates. */
@Command(name = "cert", mixinStandardHelpOptions = true, description = "Decide whether certificates are trusted.",
        subcommands = {CertVerifyCommand.class})
public final class CertCommand {
}
