package org.qtrust.adapters.crypto.issuance;

import java.util.Objects;
import java.util.Optional;

/**
 * One disclosure as issued.
 *
 * @param encoded the base64url form that travels in the SD-JWT
 * @param name    the claim name; empty for an array element
 * @param value   the disclosed value (JSON-ready)
 * @param digest  its digest, as the issuer JWT references it
 */
public record Disclosure(String encoded, Optional<String> name, Object value, String digest) {

    public Disclosure {
        Objects.requireNonNull(encoded);
        Objects.requireNonNull(name);
        Objects.requireNonNull(digest);
    }
}
