package org.qtrust.adapters.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the shared store is and how to talk to it.
 *
 * @param host          the Redis host
 * @param port          its port
 * @param database      the logical database (the URL's path, default 0)
 * @param user          an ACL user name, when the URL carries one
 * @param password      the password, when the URL carries one; never printed
 * @param prefix        every key starts with it (default {@code qtrust:}); replicas that share a prefix share the lists
 * @param timeout       connect and socket timeout of each command: no request waits longer on Redis
 * @param documentTtl   how long a document no snapshot references is kept (7 days)
 * @param leaseTime     how long a refresh lease lasts unless renewed
 */
public record RedisStoreConfig(String host, int port, int database, Optional<String> user, Optional<String> password,
                               String prefix, Duration timeout, Duration documentTtl, Duration leaseTime) {

    public static final String DEFAULT_PREFIX = "qtrust:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_DOCUMENT_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public RedisStoreConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        Objects.requireNonNull(prefix);
        Objects.requireNonNull(timeout);
        Objects.requireNonNull(documentTtl);
        Objects.requireNonNull(leaseTime);
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("the store prefix must be 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        if (port < 1 || port > 65535 || database < 0 || database > 15) {
            throw new IllegalArgumentException("the store URL needs a port from 1 to 65535 and a database from 0 to 15");
        }
        if (timeout.isNegative() || timeout.isZero() || leaseTime.compareTo(Duration.ofSeconds(1)) < 0
                || documentTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("store timeouts must be positive");
        }
    }

    /**
     * Reads {@code redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]} (port 6379 and database 0 by default).
     *
     * @throws IllegalArgumentException with a message that never repeats the password
     */
    public static RedisStoreConfig parse(String url, String prefix) {
        Objects.requireNonNull(url);
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the store must be redis://HOST[:PORT][/DB]");
        }
        if (!"redis".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the store must be redis://HOST[:PORT][/DB]");
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the store URL's path must be a database number from 0 to 15");
            }
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            String name = colon >= 0 ? info.substring(0, colon) : "";
            String secret = colon >= 0 ? info.substring(colon + 1) : info;
            user = name.isEmpty() ? Optional.empty() : Optional.of(URLDecoder.decode(name, StandardCharsets.UTF_8));
            password = secret.isEmpty() ? Optional.empty() : Optional.of(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        }
        return new RedisStoreConfig(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database, user, password,
                prefix == null ? DEFAULT_PREFIX : prefix, DEFAULT_TIMEOUT, DEFAULT_DOCUMENT_TTL, DEFAULT_LEASE);
    }

    /** The store as it may be shown: {@code redis://host:port/db}, never the credentials. */
    public String display() {
        String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "redis://" + shownHost + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return display() + " (prefix " + prefix + ")";
    }

    public RedisStoreConfig withTimeout(Duration value) {
        return new RedisStoreConfig(host, port, database, user, password, prefix, value, documentTtl, leaseTime);
    }

    public RedisStoreConfig withLeaseTime(Duration value) {
        return new RedisStoreConfig(host, port, database, user, password, prefix, timeout, documentTtl, value);
    }

    public RedisStoreConfig withDocumentTtl(Duration value) {
        return new RedisStoreConfig(host, port, database, user, password, prefix, timeout, value, leaseTime);
    }
}
