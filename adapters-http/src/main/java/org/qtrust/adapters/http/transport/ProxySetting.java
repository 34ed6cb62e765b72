package org.qtrust.adapters.http.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Which proxy to use: the JVM's settings (https.proxyHost, http.nonProxyHosts…), none, or an explicit one. */
public sealed interface ProxySetting {

    /** The JVM's {@link java.net.ProxySelector} (the standard proxy system properties). The default. */
    record System() implements ProxySetting {
    }

    /** Always connect directly. */
    record Direct() implements ProxySetting {
    }

    /** Always through this proxy ({@code http://[user:password@]host:port}). */
    record Explicit(URI uri) implements ProxySetting {
        public Explicit {
            Objects.requireNonNull(uri);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getPort() <= 0) {
                throw new IllegalArgumentException("a proxy is http://host:port (or https://host:port), not " + uri);
            }
        }

        @Override
        public String toString() {
            return "Explicit[" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + "]";
        }
    }

    static ProxySetting system() {
        return new System();
    }

    static ProxySetting direct() {
        return new Direct();
    }

    /** "system", "none"/"direct", or a proxy URL. */
    static ProxySetting parse(String value) {
        String trimmed = value.trim();
        return switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "system" -> system();
            case "none", "direct" -> direct();
            default -> new Explicit(URI.create(trimmed));
        };
    }
}
