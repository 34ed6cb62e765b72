package org.qtrust.adapters.http.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@link HttpClient5Transport}.
 *
 * @param connectTimeout     longest wait for a TCP/TLS connection (and for a pooled connection)
 * @param readTimeout        longest silence while waiting for response data
 * @param callTimeout        longest whole exchange, redirects and body included
 * @param maxBodyBytes       the largest response body read (requests may ask for less); the rest is never read
 * @param maxRedirects       redirects followed before giving up (never https to http)
 * @param rewrites           URL rewrite rules, applied before sending and to redirect targets
 * @param proxy              the proxy to use
 * @param trustStore         extra TLS trust anchors (e.g. a mirror's internal CA); the JDK's by default
 * @param userAgent          the User-Agent header
 * @param maxConnections     pooled connections in all
 * @param maxConnectionsPerRoute pooled connections per host
 * @param egress             where fetches may go ({@link EgressRule}); strict by default
 */
public record TransportConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                              int maxRedirects, RewriteRules rewrites, ProxySetting proxy,
                              Optional<TrustStore> trustStore, String userAgent, int maxConnections,
                              int maxConnectionsPerRoute, EgressRule egress) {

    /** A configuration under the strict egress rule. */
    public TransportConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                           int maxRedirects, RewriteRules rewrites, ProxySetting proxy,
                           Optional<TrustStore> trustStore, String userAgent, int maxConnections,
                           int maxConnectionsPerRoute) {
        this(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rewrites, proxy, trustStore, userAgent,
                maxConnections, maxConnectionsPerRoute, EgressRule.strict());
    }

    /** A keystore file of trusted certificates (PKCS#12 or JKS) and its password. */
    public record TrustStore(Path file, String password) {
        public TrustStore {
            Objects.requireNonNull(file);
            Objects.requireNonNull(password);
        }

        @Override
        public String toString() {
            return "TrustStore[" + file + "]";
        }
    }

    public static final String DEFAULT_USER_AGENT = "QTrust/" + version()
            + " (trusted-list client)";

    public TransportConfig {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(callTimeout, "callTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0 || maxRedirects > EgressRule.MAX_REDIRECTS) {
            throw new IllegalArgumentException("maxRedirects is between 0 and " + EgressRule.MAX_REDIRECTS);
        }
        Objects.requireNonNull(egress);
        Objects.requireNonNull(rewrites);
        Objects.requireNonNull(proxy);
        Objects.requireNonNull(trustStore);
        Objects.requireNonNull(userAgent);
        if (maxConnections <= 0 || maxConnectionsPerRoute <= 0) {
            throw new IllegalArgumentException("connection pool sizes must be positive");
        }
    }

    /**
     * 10 s to connect, 30 s of silence, 2 min per exchange, 64 MiB bodies, 3 redirects, the JVM's proxy
     * settings, the strict egress rule.
     */
    public static TransportConfig defaults() {
        return new TransportConfig(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
                64L * 1024 * 1024, EgressRule.MAX_REDIRECTS, RewriteRules.NONE, ProxySetting.system(), Optional.empty(),
                DEFAULT_USER_AGENT, 32, 8, EgressRule.strict());
    }

    public TransportConfig withEgress(EgressRule rule) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rewrites, proxy,
                trustStore, userAgent, maxConnections, maxConnectionsPerRoute, rule);
    }

    public TransportConfig withTimeouts(Duration connect, Duration read, Duration call) {
        return new TransportConfig(connect, read, call, maxBodyBytes, maxRedirects, rewrites, proxy, trustStore,
                userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withMaxBodyBytes(long bytes) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, bytes, maxRedirects, rewrites, proxy,
                trustStore, userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withMaxRedirects(int redirects) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, redirects, rewrites, proxy,
                trustStore, userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withRewrites(RewriteRules rules) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rules, proxy,
                trustStore, userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withProxy(ProxySetting setting) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rewrites,
                setting, trustStore, userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withTrustStore(TrustStore store) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rewrites, proxy,
                Optional.of(store), userAgent, maxConnections, maxConnectionsPerRoute, egress);
    }

    public TransportConfig withUserAgent(String agent) {
        return new TransportConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, maxRedirects, rewrites, proxy,
                trustStore, agent, maxConnections, maxConnectionsPerRoute, egress);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static String version() {
        String version = TransportConfig.class.getPackage().getImplementationVersion();
        return version == null ? "0.1" : version;
    }
}
