package org.qtrust.cli.sandbox;

import picocli.CommandLine.Command;

/** {@code qtrust sandbox …}: a whole EU-style trust ecosystem on this machine, for tests and demonstrations. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Build and serve a sandbox trust ecosystem (Official Journal keystore, LOTL, national lists, "
                + "certificates, OCSP, CRLs) on this machine, without network or third-party data.",
        subcommands = {SandboxInitCommand.class, SandboxServeCommand.class})
public final class SandboxCommand {
}
