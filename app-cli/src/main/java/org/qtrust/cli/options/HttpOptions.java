package org.qtrust.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.qtrust.adapters.http.transport.ProxySetting;
import org.qtrust.adapters.http.transport.RewriteRules;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Option;

/** The options of every command that goes to the network: mirrors, proxy, timeouts, extra TLS trust. */
public final class HttpOptions {

    @Option(names = "--rewrite", paramLabel = "FROM=TO",
            description = "Rewrite URLs starting with FROM to start with TO (mirrors, air-gapped networks). Repeatable; the first matching rule applies, once.")
    List<String> rewrites = new ArrayList<>();

    @Option(names = "--proxy", paramLabel = "URL", defaultValue = "system",
            description = "HTTP proxy: http://[user:pw@]host:port, 'none', or 'system' (the JVM's https.proxyHost… properties; default).")
    String proxy;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "Longest silence from a server (ISO-8601, default ${DEFAULT-VALUE}); connecting gets a third of it.")
    String timeout;

    @Option(names = "--tls-trust", paramLabel = "FILE",
            description = "Extra trusted TLS certificates (PKCS#12/JKS), e.g. a mirror's internal CA.")
    Path tlsTrust;

    @Option(names = "--tls-trust-password", paramLabel = "PW", defaultValue = "",
            description = "Password of the --tls-trust keystore.")
    String tlsTrustPassword;

    /** The transport configuration these options describe; bad values are usage errors. */
    public TransportConfig transportConfig() {
        Duration read;
        try {
            read = Duration.parse(timeout);
        } catch (DateTimeParseException e) {
            throw new UsageException("--timeout '" + timeout + "' is not an ISO-8601 duration such as PT30S");
        }
        if (read.isNegative() || read.isZero()) {
            throw new UsageException("--timeout must be positive");
        }
        TransportConfig config = TransportConfig.defaults();
        Duration connect = read.dividedBy(3).isZero() ? read : read.dividedBy(3);
        Duration call = read.multipliedBy(4).compareTo(config.callTimeout()) > 0 ? read.multipliedBy(4) : config.callTimeout();
        config = config.withTimeouts(connect, read, call);
        try {
            config = config.withRewrites(RewriteRules.parse(rewrites));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rewrite: " + e.getMessage());
        }
        try {
            config = config.withProxy(ProxySetting.parse(proxy));
        } catch (IllegalArgumentException e) {
            // The value is not echoed: it may carry the proxy's password.
            throw new UsageException("--proxy: not a proxy; give http://[user:pw@]host:port (or https://…), 'none' or 'system'");
        }
        if (tlsTrust != null) {
            checkTrustStore(tlsTrust, tlsTrustPassword);
            config = config.withTrustStore(new TransportConfig.TrustStore(tlsTrust, tlsTrustPassword));
        }
        return config;
    }

    /** The --tls-trust keystore opens with its password, else a usage error naming the option (never a library's words). */
    static void checkTrustStore(Path file, String password) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--tls-trust " + file + ": no such file");
        }
        try {
            KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new UsageException("--tls-trust " + file + ": " + (password.isEmpty()
                        ? "the keystore is protected by a password: give it with --tls-trust-password"
                        : "the --tls-trust-password is wrong for this keystore"));
            }
            throw new UsageException("--tls-trust " + file + ": not a PKCS#12 or JKS keystore");
        } catch (GeneralSecurityException e) {
            throw new UsageException("--tls-trust " + file + ": not a PKCS#12 or JKS keystore");
        }
    }
}
