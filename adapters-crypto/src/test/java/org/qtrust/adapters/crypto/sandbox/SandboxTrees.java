package org.qtrust.adapters.crypto.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A written sandbox as data, for comparing two of them byte for byte (here and in app-cli's tests, through the test-jar). */
public final class SandboxTrees {

    private SandboxTrees() {
    }

    /** Every file of the tree, by its path relative to the root ('/'-separated), in path order. */
    public static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
