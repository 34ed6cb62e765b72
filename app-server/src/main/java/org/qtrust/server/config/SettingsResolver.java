package org.qtrust.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.qtrust.adapters.http.lote.LoteDocumentFetcher;
import org.qtrust.adapters.http.mirror.ListMirrors;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.adapters.http.transport.RewriteRules;
import org.qtrust.adapters.http.transport.TransportConfig;
import org.qtrust.core.revocation.RevocationMode;

/**
 * Resolves the settings from three places, first match wins: a command-line flag
 * ({@code --port 8080} or {@code --port=8080}), an environment variable ({@code QTRUST_PORT}),
 * a key of the properties file named by {@code --config} or {@code QTRUST_CONFIG}
 * ({@code port=8080}), then the default.
 */
public final class SettingsResolver {

    public static final String EU_LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";
    public static final String DEFAULT_POLICY = "eu-eidas";

    /** Every key, as a flag without its dashes, a file key, and (upper case, '_' for '-') after QTRUST_ in the environment. */
    public static final Set<String> KEYS = Set.of("config", "host", "port", "offline", "cache", "oj-keystore", "oj-password",
            "oj-certs", "oj-url", "lotl-url", "policy", "expiry-grace", "refresh-interval", "max-body",
            "revocation", "rewrite", "timeout", "lote", "lote-anchor", "allow-request-overrides",
            "store", "store-prefix", "store-poll", "store-lease", "allow-loopback-http", "fetch-allow", "fetch-port",
            "allowed-hosts", "tls-keystore", "tls-password", "idle-timeout", "request-timeout", "min-data-rate",
            "max-connections", "max-verifications", "miss-refresh-interval", "fetch", "credential-status",
            "outbound-budget", "lotl-mirror");

    /** Keys that may be given more than once as flags; comma-separated in the environment and the file. */
    private static final Set<String> REPEATABLE = Set.of("policy", "rewrite", "lote", "lote-anchor", "fetch-allow", "fetch-port",
            "allowed-hosts", "lotl-mirror");

    /** Switches: {@code --allow-request-overrides} alone means true; {@code =true|false} in flags, environment and file. */
    private static final Set<String> SWITCHES = Set.of("allow-request-overrides", "allow-loopback-http");

    public static final String USAGE = String.join("\n",
            "Usage: qtrust serve [--port P] [--host ADDR] (--offline DIR | --cache DIR | --store redis://HOST:PORT[/DB])",
            "                    (--oj-keystore FILE --oj-password PW | --oj-certs DIR) [--oj-url URL] [--lotl-url URL]",
            "                    [--policy NAME|FILE[,…]] [--expiry-grace DURATION] [--refresh-interval DURATION]",
            "                    [--max-body BYTES] [--revocation require|prefer|off] [--rewrite FROM=TO]…",
            "                    [--timeout DURATION] [--lote FILE|URL]… [--lote-anchor FILE|DIR]… [--config FILE]",
            "                    [--allow-request-overrides] [--store-prefix P] [--store-poll DURATION] [--store-lease DURATION]",
            "                    [--fetch-allow HOST|CIDR]… [--fetch-port PORT]… [--allow-loopback-http]",
            "                    [--allowed-hosts HOST[,…]] [--tls-keystore FILE --tls-password PW]",
            "                    [--idle-timeout D] [--request-timeout D] [--min-data-rate B/S] [--max-connections N]",
            "                    [--max-verifications N]",
            "                    [--miss-refresh-interval DURATION]",
            "                    [--fetch on|off] [--credential-status require|prefer|off] [--outbound-budget DURATION]",
            "                    [--lotl-mirror URL]…",
            "Each flag can also come from the environment (QTRUST_PORT, QTRUST_OJ_PASSWORD, …) or from the",
            "properties file named by --config / QTRUST_CONFIG (port=8080, oj-password=…); flags win over the",
            "environment, the environment over the file. See docs/server.md.");

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Properties file;

    private SettingsResolver(Map<String, String> flags, Map<String, String> environment, Properties file) {
        this.flags = flags;
        this.environment = environment;
        this.file = file;
    }

    /** @throws ConfigurationException for an unknown flag, a flag without value or an unreadable config file */
    public static SettingsResolver of(List<String> arguments, Map<String, String> environment) {
        Map<String, String> flags = parseFlags(arguments);
        String configFile = flags.getOrDefault("config", environment.get(environmentName("config")));
        Properties file = new Properties();
        if (configFile != null && !configFile.isBlank()) {
            Path path = Path.of(configFile);
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new ConfigurationException("--config " + configFile + ": cannot be read (" + e.getMessage() + ")");
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("--config " + configFile + ": not a properties file (" + e.getMessage() + ")");
            }
            for (String key : file.stringPropertyNames()) {
                if (!KEYS.contains(key) || key.equals("config")) {
                    throw new ConfigurationException("--config " + configFile + ": unknown key '" + key + "'");
                }
            }
        }
        return new SettingsResolver(flags, environment, file);
    }

    private static Map<String, String> parseFlags(List<String> arguments) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new ConfigurationException("unexpected argument '" + argument + "' (try --help)");
            }
            String name = argument.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (SWITCHES.contains(name)) {
                value = "true";
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new ConfigurationException("--" + name + " needs a value");
            }
            if (!KEYS.contains(name)) {
                throw new ConfigurationException("unknown option --" + name + " (try --help)");
            }
            if (REPEATABLE.contains(name) && flags.containsKey(name)) {
                value = flags.get(name) + "," + value;
            }
            flags.put(name, value);
        }
        return flags;
    }

    static String environmentName(String key) {
        return "QTRUST_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The value of a key, from the first place that has it. */
    public Optional<String> value(String key) {
        if (flags.containsKey(key)) {
            return Optional.of(flags.get(key));
        }
        String fromEnvironment = environment.get(environmentName(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        return Optional.ofNullable(file.getProperty(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public ServerSettings resolve() {
        Optional<String> offline = value("offline");
        Optional<String> cache = value("cache");
        Optional<String> store = value("store");
        long origins = java.util.stream.Stream.of(offline, cache, store).filter(Optional::isPresent).count();
        if (origins != 1) {
            throw new ConfigurationException("say where the lists come from: --offline DIR (a snapshot folder), --cache DIR "
                    + "(refreshed from the network) or --store redis://HOST:PORT (shared by replicas), exactly one");
        }
        if (store.isEmpty() && (value("store-prefix").isPresent() || value("store-poll").isPresent()
                || value("store-lease").isPresent())) {
            throw new ConfigurationException("--store-prefix, --store-poll and --store-lease go with --store");
        }
        ServerSettings.ListOrigin origin;
        if (store.isPresent()) {
            Duration poll = duration("store-poll", Duration.ofSeconds(30));
            if (poll.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException("--store-poll must be at least PT1S");
            }
            Duration lease = duration("store-lease", Duration.ofSeconds(60));
            if (lease.compareTo(Duration.ofSeconds(2)) < 0) {
                throw new ConfigurationException("--store-lease must be at least PT2S");
            }
            origin = ServerSettings.Store.of(store.get(), value("store-prefix"), poll, lease);
        } else if (offline.isPresent()) {
            Path folder = Path.of(offline.get());
            if (!Files.isDirectory(folder)) {
                throw new ConfigurationException("--offline " + folder + ": no such folder");
            }
            if (!Files.isRegularFile(folder.resolve("EU.xml"))) {
                throw new ConfigurationException("--offline " + folder + ": no EU.xml (the LOTL) in that folder");
            }
            origin = new ServerSettings.Offline(folder);
        } else {
            origin = new ServerSettings.Cache(Path.of(cache.get()));
        }
        Optional<Path> keystore = value("oj-keystore").map(Path::of);
        Optional<Path> certificates = value("oj-certs").map(Path::of);
        if (keystore.isEmpty() && certificates.isEmpty()) {
            throw new ConfigurationException("say which certificates may sign the LOTL: --oj-keystore FILE --oj-password PW, or --oj-certs DIR");
        }
        ServerSettings.OfficialJournal officialJournal = new ServerSettings.OfficialJournal(keystore, value("oj-password"),
                certificates, value("oj-url"));
        List<String> policies = value("policy").isPresent() ? list("policy") : List.of(DEFAULT_POLICY);
        Duration grace = duration("expiry-grace", Duration.ZERO);
        if (grace.isNegative()) {
            throw new ConfigurationException("--expiry-grace cannot be negative");
        }
        Duration refresh = duration("refresh-interval", offline.isPresent() ? Duration.ofHours(1) : Duration.ofHours(12));
        // A store's refresh runs under the lease; a shorter interval than a minute only matters for tests.
        if (refresh.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new ConfigurationException("--refresh-interval must be at least PT1M");
        }
        String host = value("host").orElse("127.0.0.1");
        return new ServerSettings(host, integer("port", 8080), origin, officialJournal,
                value("lotl-url").orElse(EU_LOTL_URL), policies, grace, refresh, integer("max-body", 256 * 1024),
                revocation(), transport(), lotes(), new ServerSettings.Ceilings(bool("allow-request-overrides")),
                exposure(host), clients(), duration("miss-refresh-interval", Duration.ofMinutes(10)), fetching(),
                mirrors(offline.isPresent()));
    }

    /** {@code --lotl-mirror URL}… (issue 19.2): where lists are fetched when their own location fails; not for an offline folder. */
    private ListMirrors mirrors(boolean offline) {
        List<String> urls = list("lotl-mirror");
        if (offline && !urls.isEmpty()) {
            throw new ConfigurationException("--lotl-mirror goes with --cache or --store: an --offline folder is never fetched");
        }
        try {
            return ListMirrors.parse(urls, bool("allow-loopback-http"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private ServerSettings.ClientLimits clients() {
        ServerSettings.ClientLimits defaults = ServerSettings.ClientLimits.DEFAULT;
        return new ServerSettings.ClientLimits(duration("idle-timeout", defaults.idleTimeout()),
                duration("request-timeout", defaults.requestTimeout()), integer("min-data-rate", (int) defaults.minDataRate()),
                integer("max-connections", defaults.maxConnections()), integer("max-verifications", defaults.maxVerifications()));
    }

    /** The Host allow-list (default: the bind address and the loopback names) and built-in TLS. */
    private ServerSettings.Exposure exposure(String host) {
        ServerSettings.Exposure defaults = ServerSettings.Exposure.defaultsFor(host);
        List<String> hosts = value("allowed-hosts").isPresent()
                ? list("allowed-hosts").stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()
                : defaults.allowedHosts();
        Optional<Path> keystore = value("tls-keystore").map(Path::of);
        Optional<String> password = value("tls-password");
        if (keystore.isEmpty() != password.isEmpty()) {
            throw new ConfigurationException("built-in TLS needs both --tls-keystore FILE and --tls-password PW");
        }
        if (keystore.isPresent() && !Files.isRegularFile(keystore.get())) {
            throw new ConfigurationException("--tls-keystore " + keystore.get() + ": no such file");
        }
        return new ServerSettings.Exposure(hosts, keystore.map(k -> new ServerSettings.Tls(k, password.get())));
    }

    /** The lists of trusted entities and their signers, as the CLI's --lote and --lote-anchor. */
    private ServerSettings.LoteSources lotes() {
        List<String> locations = list("lote");
        List<Path> anchors = new ArrayList<>();
        for (String anchor : list("lote-anchor")) {
            Path path = Path.of(anchor);
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw new ConfigurationException("--lote-anchor " + anchor + ": no such file or folder");
            }
            anchors.add(path);
        }
        if (locations.isEmpty() && !anchors.isEmpty()) {
            throw new ConfigurationException("--lote-anchor is given but no --lote list: name the lists with --lote FILE|URL");
        }
        for (String location : locations) {
            if (LoteDocumentFetcher.carriesCredentials(location)) {
                // The location is shown in traces, the lists endpoint and metrics: credentials do not belong in it (nor in this message).
                throw new ConfigurationException("--lote: a URL with user information (user:password@) is refused; "
                        + "serve the list without credentials or give a file");
            }
            if (location.contains("://") && !LoteDocumentFetcher.isUrl(location)) {
                throw new ConfigurationException("--lote " + location + ": only http and https URLs can be fetched");
            }
            if (!LoteDocumentFetcher.isUrl(location) && !Files.isRegularFile(Path.of(location))) {
                throw new ConfigurationException("--lote " + location + ": no such file");
            }
        }
        return new ServerSettings.LoteSources(locations, anchors);
    }

    /** A repeatable key's values: each flag, or the comma-separated items of the environment or file value. */
    private List<String> list(String key) {
        List<String> items = new ArrayList<>();
        for (String item : value(key).orElse("").split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    /** Credential fetching: on by default, status required (a ceiling), a 10 s outbound budget per request. */
    private ServerSettings.Fetching fetching() {
        boolean enabled = switch (value("fetch").orElse("on").trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new ConfigurationException("--fetch is on or off, not '" + value("fetch").orElse("") + "'");
        };
        org.qtrust.core.credential.CredentialStatusMode mode;
        try {
            mode = value("credential-status").map(org.qtrust.core.credential.CredentialStatusMode::parse)
                    .orElse(org.qtrust.core.credential.CredentialStatusMode.REQUIRE);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--credential-status: " + e.getMessage());
        }
        return new ServerSettings.Fetching(enabled, mode, duration("outbound-budget", ServerSettings.Fetching.DEFAULTS.budget()));
    }

    /** The mode that overrides every policy's own revocation mode, when given. */
    private Optional<RevocationMode> revocation() {
        try {
            return value("revocation").map(RevocationMode::parse);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--revocation: " + e.getMessage());
        }
    }

    /** Rewrites and timeouts for every fetch, read as app-cli reads its HTTP options. */
    private TransportConfig transport() {
        TransportConfig config = TransportConfig.defaults();
        Optional<String> timeout = value("timeout");
        if (timeout.isPresent()) {
            Duration read = duration("timeout", Duration.ZERO);
            if (read.isNegative() || read.isZero()) {
                throw new ConfigurationException("--timeout must be positive");
            }
            // Connecting gets a third of the silence allowed; the whole exchange at least the default.
            Duration connect = read.dividedBy(3).isZero() ? read : read.dividedBy(3);
            Duration call = read.multipliedBy(4).compareTo(config.callTimeout()) > 0 ? read.multipliedBy(4) : config.callTimeout();
            config = config.withTimeouts(connect, read, call);
        }
        try {
            config = config.withRewrites(RewriteRules.parse(list("rewrite")));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--rewrite: " + e.getMessage());
        }
        return config.withEgress(egress());
    }

    /**
     * The one egress rule of every fetch the server makes (lists, LoTEs, OCSP, CRLs, issuer
     * metadata, status lists): public https destinations, plus the operator's allowances.
     */
    private EgressRule egress() {
        Set<Integer> ports = new java.util.TreeSet<>();
        for (String port : list("fetch-port")) {
            try {
                ports.add(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("--fetch-port '" + port + "' is not a port number");
            }
        }
        try {
            return EgressRule.strict().allowingLoopbackHttp(bool("allow-loopback-http")).allowing(list("fetch-allow"))
                    .allowingPorts(ports);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    private boolean bool(String key) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get().trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigurationException("--" + key + " '" + text.get() + "' is neither true nor false");
        };
    }

    private int integer(String key, int fallback) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.get().trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("--" + key + " '" + text.get() + "' is not a whole number");
        }
    }

    private Duration duration(String key, Duration fallback) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.parse(text.get().trim());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("--" + key + " '" + text.get() + "' is not an ISO-8601 duration such as PT12H");
        }
    }
}
