package org.qtrust.core.credential.metadata;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One metadata document an issuer publishes about itself.
 *
 * @param kind           which well-known document it is
 * @param location       where it was fetched
 * @param declaredIssuer the issuer identifier it declares ({@code issuer}, or {@code credential_issuer} for OpenID4VCI)
 * @param keys           the JWKs it publishes ({@code jwks} inline or from {@code jwks_uri}), when it publishes keys
 */
public record IssuerMetadata(Kind kind, String location, String declaredIssuer, Optional<List<Map<String, Object>>> keys) {

    public enum Kind {
        /** draft-ietf-oauth-sd-jwt-vc §5: {@code /.well-known/jwt-vc-issuer}. */
        JWT_VC_ISSUER("jwt-vc-issuer"),
        /** OpenID4VCI §12.2: {@code /.well-known/openid-credential-issuer}. */
        OPENID_CREDENTIAL_ISSUER("openid-credential-issuer");

        private final String wellKnownName;

        Kind(String wellKnownName) {
            this.wellKnownName = wellKnownName;
        }

        public String wellKnownName() {
            return wellKnownName;
        }
    }

    public IssuerMetadata {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(location);
        Objects.requireNonNull(declaredIssuer);
        keys = keys.map(List::copyOf);
    }
}
