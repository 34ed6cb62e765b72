package org.qtrust.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.qtrust.adapters.crypto.sandbox.SandboxGenerator;
import org.qtrust.adapters.crypto.sandbox.SandboxLayout;
import org.qtrust.adapters.crypto.sandbox.SandboxSettings;
import org.qtrust.server.config.SettingsResolver;

/**
 * A server over the sandbox's lists (adapters-crypto {@code SandboxGenerator}: quick to load,
 * certificates offered with their intermediates as PEM bundles), started once per test JVM on a
 * free loopback port. Its clock is in 2037, after the lists' NextUpdate (end of 2035), so that "now"
 * shows lists that are not current; questions name their time ({@link SandboxLayout#VALIDATION_TIME}).
 * Revocation off; a short request deadline for the hostile-load suite.
 */
public final class SandboxServer {

    public static final Instant NOW = Instant.parse("2037-01-01T00:00:00Z");
    public static final String AT = SandboxLayout.VALIDATION_TIME.toString();

    private static SandboxServer instance;

    private final QtrustServer server;
    private final Path folder;

    private SandboxServer(QtrustServer server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    public static synchronized SandboxServer get() {
        if (instance == null) {
            try {
                Path folder = Files.createTempDirectory("qtrust-sandbox-server");
                SandboxGenerator.generate(folder, new SandboxSettings(SandboxSettings.DEFAULT_SEED, SandboxSettings.DEFAULT_PORT));
                QtrustServer server = QtrustServer.start(SettingsResolver.of(List.of("--port", "0",
                        "--offline", folder.resolve(SandboxLayout.LISTS).toString(),
                        "--oj-keystore", folder.resolve(SandboxLayout.OJ_KEYSTORE).toString(), "--oj-password", SandboxLayout.OJ_PASSWORD,
                        "--revocation", "off", "--request-timeout", "PT3S", "--min-data-rate", "256"), Map.of()).resolve(),
                        Clock.fixed(NOW, ZoneOffset.UTC));
                if (!server.awaitSnapshot(Duration.ofMinutes(2))) {
                    server.close();
                    throw new IllegalStateException("the sandbox lists did not load within 2 minutes");
                }
                instance = new SandboxServer(server, folder);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public int port() {
        return server.port();
    }

    /** The generated sandbox (lists, keystore, certificates), for tests that start a server of their own over it. */
    public Path folder() {
        return folder;
    }

    /** A sandbox certificate file's text (the leaf, then the intermediates offered with it). */
    public String certificate(String fileName) {
        try {
            return Files.readString(folder.resolve(SandboxLayout.CERTS).resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return RunningServer.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RawHttp.Response get(String path) {
        return RawHttp.get(port(), path, "127.0.0.1");
    }

    public RawHttp.Response verify(String json) {
        return RawHttp.exchange(port(), false, "POST", "/v1/certificates/verify", "127.0.0.1", "application/json", json);
    }
}
