package org.qtrust.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code qtrust serve …}: the relying-party server lives in its own jar (app-server, with Jetty),
 * so the CLI stays small. The {@code ./qtrust} launcher starts that jar directly; run from the CLI
 * jar, this command starts it the same way, with the same arguments.
 */
@Command(name = "serve",
        description = "Run the relying-party server: JSON API, trusted-list browser, metrics (docs/server.md). "
                + "'qtrust serve --help' lists its options.")
public final class ServeCommand implements Callable<Integer> {

    static final String SERVER_JAR = "app-server/target/qtrust-server.jar";

    @Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jar = serverJar().orElseThrow(() -> new UsageException(
                "the server is not built: run 'mvn -B -q -DskipTests package' in the repository, then './qtrust serve …'"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** The server jar of the repository this CLI was built in: {@value #SERVER_JAR} a few folders above the CLI's classes. */
    static Optional<Path> serverJar() {
        Path here;
        try {
            here = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        for (Path folder = here; folder != null; folder = folder.getParent()) {
            Path jar = folder.resolve(SERVER_JAR);
            if (Files.isRegularFile(jar)) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }
}
