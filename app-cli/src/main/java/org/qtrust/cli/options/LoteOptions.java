package org.qtrust.cli.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that name lists of trusted entities (ETSI TS 119 602) and who may sign them. */
public final class LoteOptions {

    @Option(names = "--lote", paramLabel = "FILE|URL",
            description = "A list of trusted entities (TS 119 602, JSON/JWS or XML), as a file or an http(s) URL; repeatable.")
    List<String> lotes = new ArrayList<>();

    @Option(names = "--lote-anchor", paramLabel = "FILE",
            description = "Certificate file(s) (PEM or DER, or a folder of them) allowed to sign the --lote lists; repeatable.")
    List<Path> anchors = new ArrayList<>();

    public List<String> lotes() {
        return List.copyOf(lotes);
    }

    public List<Path> anchors() {
        return List.copyOf(anchors);
    }

    public boolean given() {
        return !lotes.isEmpty();
    }
}
