package org.qtrust.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@link ListOptions} for commands that can also read the lists from an offline folder. */
public final class OfflineListOptions extends ListOptions {

    @Option(names = "--offline", paramLabel = "DIR",
            description = "Folder with the LOTL as EU.xml and each list as <territory>.xml (pivots by file name).")
    void offline(Path folder) {
        this.offline = folder;
    }
}
