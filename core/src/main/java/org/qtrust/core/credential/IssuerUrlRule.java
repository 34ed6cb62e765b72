package org.qtrust.core.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs the documents an issuer publishes — its metadata and its Token Status Lists — may
 * be fetched from. Real issuers publish at https URLs, and only https is fetched: a status list
 * token is signed, but over plain http anyone on the path could replay an older, still
 * unexpired token from before a revocation, and would learn which credential is being checked.
 * A sandbox running on this machine (e.g. {@code qtrust sandbox serve}) serves plain http on
 * loopback; {@link #HTTPS_OR_LOOPBACK_HTTP} admits exactly that, and must be chosen explicitly —
 * it is never a default.
 */
public enum IssuerUrlRule {

    /** https only: the default, and the only rule for real issuers. */
    HTTPS_ONLY,
    /** https, and plain http to 127.0.0.1, [::1] or localhost (any port): a sandbox on this machine. */
    HTTPS_OR_LOOPBACK_HTTP;

    /** Host names exactly as they may be written; anything else (127.0.0.2, 0x7f000001, localhost.example…) is not loopback here. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    /**
     * The URL, parsed, when a document may be fetched from it: an absolute http(s) URL with a host,
     * no user information and no fragment, https — or http to a loopback host when this rule allows it.
     */
    public Optional<URI> permitted(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.of(uri);
        }
        boolean loopback = LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
        return scheme.equals("http") && loopback && this == HTTPS_OR_LOOPBACK_HTTP ? Optional.of(uri) : Optional.empty();
    }

    /** What the rule admits, for traces. */
    public String describe() {
        return this == HTTPS_ONLY ? "https URLs only" : "https URLs, and http URLs on loopback (127.0.0.1, [::1], localhost)";
    }
}
