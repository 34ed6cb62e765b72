package org.qtrust.adapters.ocsp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OpenSSL OCSP responder ({@code openssl ocsp -index … -port 0 …}) for tests. Port 0
 * lets OpenSSL pick a free port, read back from its "ACCEPT" line. Clients connect to
 * 127.0.0.1 only. {@link #close()} kills the process (and a shutdown hook does if a test
 * run dies first).
 */
public final class OpensslResponder implements AutoCloseable {

    private static final Pattern ACCEPT = Pattern.compile("ACCEPT .*:(\\d+)");

    private final Process process;
    private final int port;
    private final Thread killer;

    private OpensslResponder(Process process, int port, Thread killer) {
        this.process = process;
        this.port = port;
        this.killer = killer;
    }

    public static boolean available() {
        try {
            Process probe = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * @param dir     working directory (the logs go there)
     * @param name    a name for the log files
     * @param index   the OpenSSL CA index (index.txt)
     * @param ca      the CA certificate whose certificates it answers for
     * @param signer  the responder certificate
     * @param key     its private key
     * @param extra   more options (e.g. "-ndays", "1")
     */
    public static OpensslResponder start(Path dir, String name, Path index, Path ca, Path signer, Path key,
                                         List<String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-index", index.toString(), "-port", "0",
                "-rsigner", signer.toString(), "-rkey", key.toString(), "-CA", ca.toString(), "-ignore_err"));
        command.addAll(extra);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Thread killer = new Thread(process::destroyForcibly, "kill-openssl-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (System.nanoTime() < deadline) {
                String text = Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
                Matcher matcher = ACCEPT.matcher(text);
                if (matcher.find()) {
                    return new OpensslResponder(process, Integer.parseInt(matcher.group(1)), killer);
                }
                if (!process.isAlive()) {
                    throw new IOException("openssl ocsp exited with " + process.exitValue() + ": " + text.strip());
                }
                Thread.sleep(20);
            }
            throw new IOException("openssl ocsp did not report its port within 10 s");
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop(process);
            removeHook(killer);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop(process);
        removeHook(killer);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down already: the hook runs anyway
        }
    }
}
