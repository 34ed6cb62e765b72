package org.qtrust.core.credential.metadata;

import org.qtrust.core.credential.IssuerUrlRule;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an issuer's metadata lives: the well-known segment is inserted between the host and the
 * path of the issuer identifier (draft-ietf-oauth-sd-jwt-vc §5.1, OpenID4VCI §12.2.2, as RFC 8414
 * §3.1 does): {@code https://example.com/tenant/1} → {@code https://example.com/.well-known/jwt-vc-issuer/tenant/1}.
 */
public final class WellKnown {

    private WellKnown() {
    }

    /** The metadata URL, or empty when the issuer is not an https URL without user information, query and fragment. */
    public static Optional<String> location(String issuer, IssuerMetadata.Kind kind) {
        return location(issuer, kind, IssuerUrlRule.HTTPS_ONLY);
    }

    /** The metadata URL, or empty when {@code rule} does not admit the issuer identifier or it has a query. */
    public static Optional<String> location(String issuer, IssuerMetadata.Kind kind, IssuerUrlRule rule) {
        Optional<URI> permitted = rule.permitted(issuer);
        if (permitted.isEmpty() || permitted.get().getRawQuery() != null) {
            return Optional.empty();
        }
        URI uri = permitted.get();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                + "/.well-known/" + kind.wellKnownName() + path);
    }
}
