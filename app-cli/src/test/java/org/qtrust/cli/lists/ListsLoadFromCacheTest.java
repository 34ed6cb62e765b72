package org.qtrust.cli.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtrust.cli.QtrustCli;

/** {@code lists load --cache DIR} reads the cache in the --offline layout, and says how to fill an empty one. */
class ListsLoadFromCacheTest {

    private static Path trustData() {
        String configured = System.getProperty("qtrust.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("../../shared");
        return shared.resolve("trust-data");
    }

    private static int run(StringWriter out, StringWriter err, String... arguments) {
        return QtrustCli.run(arguments, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void an_empty_cache_is_unusable_input_that_names_the_refresh_command(@TempDir Path cache) {
        StringWriter err = new StringWriter();
        Path data = trustData();

        int exit = run(new StringWriter(), err, "lists", "load", "--cache", cache.toString(),
                "--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("qtrust lists refresh --cache").doesNotContain("Exception");
    }

    @Test
    void a_filled_cache_loads_like_the_offline_folder_it_mirrors(@TempDir Path cache) throws IOException {
        Path data = trustData();
        try (var files = Files.list(data.resolve("lotl-snapshot"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Files.copy(file, cache.resolve(file.getFileName()));
            }
        }
        StringWriter fromCache = new StringWriter();
        StringWriter offline = new StringWriter();
        String[] judged = {"--oj-keystore", data.resolve("oj-keystore/keystore.p12").toString(), "--oj-password", "dss-password",
            "--at", "2019-10-01T00:00:00Z", "--json"};

        int cacheExit = run(fromCache, new StringWriter(), concat(new String[] {"lists", "load", "--cache", cache.toString()}, judged));
        int offlineExit = run(offline, new StringWriter(),
                concat(new String[] {"lists", "load", "--offline", data.resolve("lotl-snapshot").toString()}, judged));

        assertThat(cacheExit).isEqualTo(0).isEqualTo(offlineExit);
        // Identical but for the folder named in "no file DE.xml in <folder>" lines and in each list's location (the file read).
        Path snapshot = data.resolve("lotl-snapshot");
        assertThat(fromCache.toString().replace(cache.toAbsolutePath().normalize().toString(), "<folder>").replace(cache.toString(), "<folder>"))
                .isEqualTo(offline.toString().replace(snapshot.toAbsolutePath().normalize().toString(), "<folder>")
                        .replace(snapshot.toString(), "<folder>"));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
