package org.qtrust.core.credential.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compact JWS as read (not yet verified): its header and payload as JSON objects.
 *
 * @param compact the token as received
 * @param header  the protected header
 * @param claims  the payload
 */
public record SignedJwt(String compact, Map<String, Object> header, Map<String, Object> claims) {

    public SignedJwt {
        Objects.requireNonNull(compact);
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    public Optional<String> algorithm() {
        return text(header, "alg");
    }

    public Optional<String> type() {
        return text(header, "typ");
    }

    public Optional<String> claim(String name) {
        return text(claims, name);
    }

    private static Optional<String> text(Map<String, Object> map, String name) {
        return map.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
