package org.qtrust.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.adapters.http.mirror.ListMirrors;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.revocation.RevocationMode;

/**
 * The resolved configuration of the server (flags over environment over config file over
 * defaults; see {@link SettingsResolver}).
 *
 * @param host            the address to listen on
 * @param port            the port (0: any free port)
 * @param lists           where the lists come from: an offline folder or a refreshed cache
 * @param officialJournal the LOTL signing certificates
 * @param lotlUrl         the LOTL's published location
 * @param policies        built-in policy names or policy files; the first is the default
 * @param expiryGrace     how long after NextUpdate a list is still accepted, as stale
 * @param refreshInterval how often the lists are reloaded (offline) or refreshed (cache)
 * @param maxBodyBytes    the largest request body accepted
 * @param revocation      the revocation mode that overrides every policy's own, when set
 * @param transport       how the server fetches over HTTP (lists, OCSP, CRLs): rewrites, timeouts
 * @param lotes           the lists of trusted entities (TS 119 602) loaded beside the trusted lists
 * @param ceilings        what a request may change of the server's settings
 * @param exposure        who may reach the server and how: Host allow-list, TLS
 * @param clients         how long, how slowly and how many clients may keep the server busy
 * @param missRefreshInterval at most one on-miss refresh per territory in this time (cache and store modes)
 * @param fetching        whether credentials' status lists and issuer metadata are fetched, the credential
 *                        status mode (a ceiling requests may lower), and the outbound budget of a request
 * @param mirrors         where the LOTL and the lists are also fetched when their own location fails ({@code --lotl-mirror})
 */
public record ServerSettings(String host, int port, ListOrigin lists, OfficialJournal officialJournal, String lotlUrl,
                             List<String> policies, Duration expiryGrace, Duration refreshInterval, int maxBodyBytes,
                             Optional<RevocationMode> revocation, TransportConfig transport, LoteSources lotes,
                             Ceilings ceilings, Exposure exposure, ClientLimits clients,
                             Duration missRefreshInterval, Fetching fetching, ListMirrors mirrors) {

    /** The settings without mirrors (issue 19.2). */
    public ServerSettings(String host, int port, ListOrigin lists, OfficialJournal officialJournal, String lotlUrl,
                          List<String> policies, Duration expiryGrace, Duration refreshInterval, int maxBodyBytes,
                          Optional<RevocationMode> revocation, TransportConfig transport, LoteSources lotes,
                          Ceilings ceilings, Exposure exposure, ClientLimits clients,
                          Duration missRefreshInterval, Fetching fetching) {
        this(host, port, lists, officialJournal, lotlUrl, policies, expiryGrace, refreshInterval, maxBodyBytes, revocation,
                transport, lotes, ceilings, exposure, clients, missRefreshInterval, fetching, ListMirrors.NONE);
    }

    /** The settings with the default on-miss refresh interval (10 minutes). */
    public ServerSettings(String host, int port, ListOrigin lists, OfficialJournal officialJournal, String lotlUrl,
                          List<String> policies, Duration expiryGrace, Duration refreshInterval, int maxBodyBytes,
                          Optional<RevocationMode> revocation, TransportConfig transport, LoteSources lotes,
                          Ceilings ceilings, Exposure exposure, ClientLimits clients) {
        this(host, port, lists, officialJournal, lotlUrl, policies, expiryGrace, refreshInterval, maxBodyBytes, revocation,
                transport, lotes, ceilings, exposure, clients, Duration.ofMinutes(10), Fetching.DEFAULTS);
    }

    /** The settings with the default credential fetching (on, status required, 10 s budget). */
    public ServerSettings(String host, int port, ListOrigin lists, OfficialJournal officialJournal, String lotlUrl,
                          List<String> policies, Duration expiryGrace, Duration refreshInterval, int maxBodyBytes,
                          Optional<RevocationMode> revocation, TransportConfig transport, LoteSources lotes,
                          Ceilings ceilings, Exposure exposure, ClientLimits clients, Duration missRefreshInterval) {
        this(host, port, lists, officialJournal, lotlUrl, policies, expiryGrace, refreshInterval, maxBodyBytes, revocation,
                transport, lotes, ceilings, exposure, clients, missRefreshInterval, Fetching.DEFAULTS);
    }

    /** The same settings with another on-miss refresh interval. */
    public ServerSettings withMissRefreshInterval(Duration interval) {
        return new ServerSettings(host, port, lists, officialJournal, lotlUrl, policies, expiryGrace, refreshInterval,
                maxBodyBytes, revocation, transport, lotes, ceilings, exposure, clients, interval, fetching, mirrors);
    }


    /**
     * Limits on slow and abusive clients (issue 15 item 2).
     *
     * @param idleTimeout      a connection silent this long is closed
     * @param requestTimeout   a request body must arrive whole within this time (else 408)
     * @param minDataRate      the slowest acceptable body upload in bytes per second, judged after 2 s (0: none)
     * @param maxConnections   connections open at once; beyond, new ones wait in the accept backlog
     * @param maxVerifications verifications computed at once; beyond, 503 {@code busy} at once
     */
    public record ClientLimits(Duration idleTimeout, Duration requestTimeout, long minDataRate, int maxConnections,
                               int maxVerifications) {
        public static final ClientLimits DEFAULT = new ClientLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 1024, 1024, 48);

        public ClientLimits {
            Objects.requireNonNull(idleTimeout);
            Objects.requireNonNull(requestTimeout);
            if (idleTimeout.compareTo(Duration.ofSeconds(1)) < 0 || requestTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException("--idle-timeout and --request-timeout must be at least PT1S");
            }
            if (minDataRate < 0) {
                throw new ConfigurationException("--min-data-rate cannot be negative");
            }
            if (maxConnections < 8) {
                throw new ConfigurationException("--max-connections must be at least 8");
            }
            if (maxVerifications < 1 || maxVerifications > 56) {
                throw new ConfigurationException("--max-verifications must be between 1 and 56 (the HTTP threads are 64; the rest answer /health, /ready and the lists)");
            }
        }
    }

    /**
     * What the server exposes (issue 15 item 5).
     *
     * @param allowedHosts the Host header values answered (names or addresses, without port;
     *                     {@code *} for any); requests naming another host get 400 {@code host_not_allowed}
     * @param tls          built-in TLS, when configured
     */
    public record Exposure(List<String> allowedHosts, Optional<Tls> tls) {
        public Exposure {
            allowedHosts = List.copyOf(allowedHosts);
            Objects.requireNonNull(tls);
            if (allowedHosts.isEmpty()) {
                throw new ConfigurationException("--allowed-hosts: name at least one host (or * for any)");
            }
        }

        /** The bind address (unless it is a wildcard address) and the loopback names. */
        public static Exposure defaultsFor(String host) {
            List<String> hosts = new java.util.ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
            if (!List.of("0.0.0.0", "::", "[::]").contains(host) && !hosts.contains(host)) {
                hosts.add(0, host);
            }
            return new Exposure(hosts, Optional.empty());
        }
    }

    /**
     * Built-in TLS: the server's key and certificate chain.
     *
     * @param keystore a PKCS#12 (or JKS) keystore holding one private key entry
     * @param password its password (and the key's), never logged
     */
    public record Tls(Path keystore, String password) {
        public Tls {
            Objects.requireNonNull(keystore);
            Objects.requireNonNull(password);
        }

        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", password=***]";
        }
    }

    /**
     * Operator ceilings (issue 15 item 4): request fields such as {@code revocation} may lower the
     * server's settings, never raise them, unless the operator allows it.
     *
     * @param allowRequestOverrides {@code --allow-request-overrides}: requests may also raise them
     */
    public record Ceilings(boolean allowRequestOverrides) {
        public static final Ceilings DEFAULT = new Ceilings(false);
    }

    /**
     * What the server fetches for credentials (issues 13.3, 15.1).
     *
     * @param enabled          {@code --fetch on|off}: status lists and issuer metadata (through the egress rule)
     * @param credentialStatus {@code --credential-status}: the most a request may ask for (a ceiling)
     * @param budget           {@code --outbound-budget}: the longest a request waits for outbound work
     */
    public record Fetching(boolean enabled, org.qtrust.core.credential.CredentialStatusMode credentialStatus, Duration budget) {
        public static final Fetching DEFAULTS = new Fetching(true, org.qtrust.core.credential.CredentialStatusMode.REQUIRE,
                Duration.ofSeconds(10));

        public Fetching {
            Objects.requireNonNull(credentialStatus);
            Objects.requireNonNull(budget);
            if (budget.isNegative() || budget.isZero()) {
                throw new ConfigurationException("--outbound-budget must be positive");
            }
        }
    }

    /**
     * The lists of trusted entities, as {@code qtrust lists load --lote … --lote-anchor …} names them.
     *
     * @param locations files or http(s) URLs, judged in this order
     * @param anchors   certificate files or folders allowed to sign them; never empty when lists are named
     */
    public record LoteSources(List<String> locations, List<Path> anchors) {
        public static final LoteSources NONE = new LoteSources(List.of(), List.of());

        public LoteSources {
            locations = List.copyOf(locations);
            anchors = List.copyOf(anchors);
            if (!locations.isEmpty() && anchors.isEmpty()) {
                throw new ConfigurationException("say which certificates may sign the --lote lists: --lote-anchor FILE");
            }
        }

        public boolean given() {
            return !locations.isEmpty();
        }
    }

    /** Where the lists come from. */
    public sealed interface ListOrigin permits Offline, Cache, Store {
        /** The origin as it may be shown (no credentials). */
        String describe();
    }

    /** A folder laid out like {@code lists load --offline}: read, never written. */
    public record Offline(Path folder) implements ListOrigin {
        public Offline {
            Objects.requireNonNull(folder);
        }

        @Override
        public String describe() {
            return "offline " + folder;
        }
    }

    /** The adapters-http cache folder, refreshed from the network in the background. */
    public record Cache(Path folder) implements ListOrigin {
        public Cache {
            Objects.requireNonNull(folder);
        }

        @Override
        public String describe() {
            return "cache " + folder;
        }
    }

    /**
     * A Redis store shared by replicas (docs/deployment.md): one replica refreshes under the
     * lease and publishes a snapshot; every replica loads it, verifying each document.
     *
     * @param config where the store is, its prefix and timeouts (the password is never shown)
     * @param poll   how often the current snapshot is checked besides pub/sub announcements
     *               (the config's lease time is how long a refresher that stops renewing keeps the others waiting)
     */
    public record Store(org.qtrust.adapters.redis.RedisStoreConfig config, Duration poll) implements ListOrigin {
        public Store {
            Objects.requireNonNull(config);
            Objects.requireNonNull(poll);
        }

        static Store of(String url, Optional<String> prefix, Duration poll, Duration lease) {
            try {
                return new Store(org.qtrust.adapters.redis.RedisStoreConfig.parse(url, prefix.orElse(null)).withLeaseTime(lease), poll);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("--store: " + e.getMessage());
            }
        }

        @Override
        public String describe() {
            return "store " + config.display();
        }

        @Override
        public String toString() {
            return "Store[" + config + ", poll=" + poll + "]";
        }
    }

    /**
     * The Official Journal certificates: a keystore (with its password) or a folder of certificates.
     *
     * @param uri the OJ publication they come from, when known (pivots listed after it are not followed)
     */
    public record OfficialJournal(Optional<Path> keystore, Optional<String> password, Optional<Path> certificates,
                                  Optional<String> uri) {
        public OfficialJournal {
            Objects.requireNonNull(keystore);
            Objects.requireNonNull(password);
            Objects.requireNonNull(certificates);
            Objects.requireNonNull(uri);
        }

        /** Hides the password from logs. */
        @Override
        public String toString() {
            return "OfficialJournal[keystore=" + keystore.map(Path::toString).orElse("-") + ", password="
                    + (password.isPresent() ? "***" : "-") + ", certificates=" + certificates.map(Path::toString).orElse("-")
                    + ", uri=" + uri.orElse("-") + "]";
        }
    }

    public ServerSettings {
        Objects.requireNonNull(host);
        Objects.requireNonNull(lists);
        Objects.requireNonNull(officialJournal);
        Objects.requireNonNull(lotlUrl);
        policies = List.copyOf(policies);
        Objects.requireNonNull(expiryGrace);
        Objects.requireNonNull(refreshInterval);
        Objects.requireNonNull(revocation);
        Objects.requireNonNull(transport);
        Objects.requireNonNull(lotes);
        Objects.requireNonNull(ceilings);
        Objects.requireNonNull(exposure);
        Objects.requireNonNull(clients);
        Objects.requireNonNull(missRefreshInterval);
        Objects.requireNonNull(mirrors);
        if (missRefreshInterval.isNegative()) {
            throw new ConfigurationException("--miss-refresh-interval cannot be negative");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("port " + port + " is not between 0 and 65535");
        }
        if (policies.isEmpty()) {
            throw new ConfigurationException("at least one policy is needed");
        }
        if (maxBodyBytes < 1024) {
            throw new ConfigurationException("max-body must be at least 1024 bytes");
        }
    }
}
