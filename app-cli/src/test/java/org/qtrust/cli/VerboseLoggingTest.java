package org.qtrust.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16.3: the libraries' log lines appear only with --verbose/-v, and then on stderr. Each run
 * is its own JVM (logging is configured once per process), refreshing a cache that holds a file
 * an interrupted write left behind (whose removal the cache logs) from a closed loopback port.
 */
class VerboseLoggingTest {

    @TempDir
    Path folder;

    private record Output(int exit, String out, String err) {
    }

    private Output refresh(String... extra) throws IOException, InterruptedException {
        Path cache = Files.createDirectories(folder.resolve("cache-" + extra.length));
        Files.writeString(cache.resolve(".EU.xml.tmp-interrupted"), "half a list");
        Path ojCerts = CliRoughEdgesTest.shared().resolve("trust-data/oj-keystore");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), QtrustCli.class.getName(), "lists", "refresh",
                "--cache", cache.toString(), "--lotl-url", "http://127.0.0.1:" + closedPort() + "/eu-lotl.xml",
                "--oj-certs", ojCerts.toString(), "--timeout", "PT2S"));
        command.addAll(List.of(extra));
        Path out = folder.resolve("out-" + extra.length);
        Path err = folder.resolve("err-" + extra.length);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the refresh ends").isTrue();
        return new Output(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void library_logs_only_with_verbose_and_on_stderr() throws Exception {
        Output quiet = refresh();
        Output verbose = refresh("-v");

        assertThat(quiet.exit()).as(quiet.err()).isEqualTo(1);
        assertThat(quiet.err()).doesNotContain("left by an interrupted write").doesNotContain("INFO");
        assertThat(quiet.err()).contains("qtrust: the cache holds no trusted LOTL");
        assertThat(verbose.exit()).isEqualTo(1);
        assertThat(verbose.err()).contains("INFO", "left by an interrupted write");
        assertThat(verbose.out()).doesNotContain("INFO", "left by an interrupted write");
    }
}
