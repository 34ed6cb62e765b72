package org.qtrust.cli.options;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.qtrust.adapters.http.mirror.ListMirrors;
import org.qtrust.adapters.http.transport.EgressRule;
import org.qtrust.cli.UsageException;
import picocli.CommandLine.Option;

/**
 * The options that say where the trusted lists come from and how they are judged. Commands that
 * also read an offline folder use {@link OfflineListOptions}, which adds {@code --offline}.
 */
public class ListOptions {

    /** The EU LOTL's published location (configuration, never assumed elsewhere). */
    public static final String EU_LOTL_URL = "https://ec.europa.eu/tools/lotl/eu-lotl.xml";

    /** Set only by {@link OfflineListOptions}: commands without {@code --offline} never see one. */
    Path offline;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The list cache filled by 'qtrust lists refresh' (default: $XDG_CACHE_HOME/qtrust or ~/.cache/qtrust).")
    Path cache;

    @Option(names = "--store", paramLabel = "redis://HOST:PORT[/DB]",
            description = "A shared Redis store of verified lists (see docs/deployment.md), instead of --offline or --cache.")
    String store;

    @Option(names = "--store-prefix", paramLabel = "P", description = "Key prefix in the --store (default: qtrust:).")
    String storePrefix;

    @Option(names = "--oj-keystore", paramLabel = "FILE",
            description = "PKCS#12 or JKS keystore with the Official Journal LOTL signing certificates.")
    Path ojKeystore;

    @Option(names = "--oj-password", paramLabel = "PW", description = "Password of the --oj-keystore.")
    String ojPassword;

    @Option(names = "--oj-certs", paramLabel = "DIR",
            description = "Folder of PEM/DER Official Journal certificates (instead of a keystore).")
    Path ojCerts;

    @Option(names = "--oj-url", paramLabel = "URL",
            description = "The Official Journal publication of those certificates; pivots listed after it are not followed.")
    String ojUrl;

    @Option(names = "--lotl-url", paramLabel = "URL", description = "Location of the LOTL (default: ${DEFAULT-VALUE}).",
            defaultValue = EU_LOTL_URL)
    String lotlUrl;

    @Option(names = "--lotl-mirror", paramLabel = "URL",
            description = "A mirror of the LOTL and the lists, laid out like the cache folder (as 'qtrust lists export' writes it), "
                    + "asked when a document's own location fails; what it serves is verified exactly like the original. "
                    + "Repeatable, tried in order; also QTRUST_LOTL_MIRROR (comma-separated). https only "
                    + "(plain http to loopback with --allow-loopback-http).")
    java.util.List<String> lotlMirrors = new java.util.ArrayList<>();

    @Option(names = "--allow-loopback-http",
            description = "Sandbox opt-in: also fetch from loopback addresses (127.0.0.0/8, ::1, localhost), over plain http too, "
                    + "as `qtrust sandbox serve` publishes. Off by default: every fetch goes to public https destinations only.")
    boolean allowLoopbackHttp;

    @Option(names = "--fetch-allow", paramLabel = "HOST|CIDR",
            description = "Allow fetches to this host name or network although it is internal (private, link-local, loopback…); "
                    + "any port on it. Repeatable.")
    java.util.List<String> fetchAllow = new java.util.ArrayList<>();

    @Option(names = "--fetch-port", paramLabel = "PORT",
            description = "Allow fetches to this port besides 443 (and 80 for signed documents over plain http). Repeatable.")
    java.util.List<Integer> fetchPorts = new java.util.ArrayList<>();

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Validation time: an ISO-8601 instant (2019-10-01T00:00:00Z, 2019-10-01T00:00Z, "
                    + "2019-10-01T02:00+02:00) or a date (2019-10-01: midnight UTC); default: now.")
    String at;

    @Option(names = "--expiry-grace", paramLabel = "DURATION",
            description = "Accept a list this long after its NextUpdate, as stale (ISO-8601, e.g. P7D); default none.")
    String expiryGrace;

    /** Whether the sandbox opt-in --allow-loopback-http was given. */
    public boolean allowLoopbackHttp() {
        return allowLoopbackHttp;
    }

    /** The egress rule every fetch of this command passes (docs/credentials.md, "What an attacker cannot do"). */
    public EgressRule egress() {
        try {
            return EgressRule.strict().allowingLoopbackHttp(allowLoopbackHttp).allowing(fetchAllow)
                    .allowingPorts(new java.util.TreeSet<>(fetchPorts));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The mirrors from {@code --lotl-mirror}, else from the environment's QTRUST_LOTL_MIRROR (issue 19.2). */
    public ListMirrors mirrors() {
        return mirrors(System.getenv("QTRUST_LOTL_MIRROR"));
    }

    ListMirrors mirrors(String environment) {
        java.util.List<String> urls = new java.util.ArrayList<>(lotlMirrors);
        if (urls.isEmpty() && environment != null) {
            for (String item : environment.split(",")) {
                if (!item.isBlank()) {
                    urls.add(item.trim());
                }
            }
        }
        try {
            return ListMirrors.parse(urls, allowLoopbackHttp);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    public Optional<Path> offline() {
        return Optional.ofNullable(offline);
    }

    /** The cache folder given with --cache; absent means the default cache (when --offline is absent too). */
    public Optional<Path> cache() {
        return Optional.ofNullable(cache);
    }

    /** True when the user said where the lists are (--offline, --cache or --store) rather than relying on the default cache. */
    public boolean listsGiven() {
        return offline != null || cache != null || store != null;
    }

    /** The shared store given with --store (a redis:// URL, checked when it is opened); refused beside --offline or --cache. */
    public Optional<String> store() {
        if (store != null && (offline != null || cache != null)) {
            throw new UsageException("--store and " + (offline != null ? "--offline" : "--cache")
                    + " name two places for the lists: give one");
        }
        if (store == null && storePrefix != null) {
            throw new UsageException("--store-prefix goes with --store");
        }
        return Optional.ofNullable(store);
    }

    public Optional<String> storePrefix() {
        return Optional.ofNullable(storePrefix);
    }

    /** True when the Official Journal certificates are given: the trusted lists are asked for, not only LoTEs. */
    public boolean officialJournalGiven() {
        return ojKeystore != null || ojCerts != null;
    }

    public Optional<Path> ojKeystore() {
        return Optional.ofNullable(ojKeystore);
    }

    public Optional<String> ojPassword() {
        return Optional.ofNullable(ojPassword);
    }

    public Optional<Path> ojCerts() {
        return Optional.ofNullable(ojCerts);
    }

    public Optional<String> ojUrl() {
        return Optional.ofNullable(ojUrl);
    }

    public String lotlUrl() {
        return lotlUrl;
    }

    /** The validation time; the clock is read here, at the edge, and only when --at is absent. */
    public Instant validationTime(java.time.Clock clock) {
        if (at == null) {
            return clock.instant();
        }
        return ValidationTimes.parse("--at", at);
    }

    public Duration expiryGrace() {
        if (expiryGrace == null) {
            return Duration.ZERO;
        }
        try {
            Duration grace = Duration.parse(expiryGrace);
            if (grace.isNegative()) {
                throw new UsageException("--expiry-grace cannot be negative");
            }
            return grace;
        } catch (DateTimeParseException e) {
            throw new UsageException("--expiry-grace '" + expiryGrace + "' is not an ISO-8601 duration such as P7D");
        }
    }
}
