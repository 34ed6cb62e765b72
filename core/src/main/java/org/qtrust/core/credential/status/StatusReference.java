package org.qtrust.core.credential.status;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential's pointer into a status list (draft-ietf-oauth-status-list §6.2):
 * {@code "status": {"status_list": {"idx": 0, "uri": "https://…"}}}.
 *
 * @param uri   where the Status List Token is published (its {@code sub} must equal it)
 * @param index the credential's position in the list
 */
public record StatusReference(String uri, long index) {

    public StatusReference {
        Objects.requireNonNull(uri);
        if (index < 0) {
            throw new IllegalArgumentException("a status index is not negative");
        }
    }

    /**
     * The reference in the claims, empty when the credential has no {@code status.status_list}.
     *
     * @throws IllegalArgumentException when {@code status.status_list} is present but not {idx, uri}
     */
    public static Optional<StatusReference> in(Map<String, Object> claims) {
        if (!(claims.get("status") instanceof Map<?, ?> status) || status.get("status_list") == null) {
            return Optional.empty();
        }
        if (!(status.get("status_list") instanceof Map<?, ?> list) || !(list.get("uri") instanceof String uri)
                || !(list.get("idx") instanceof Number idx) || idx.doubleValue() != Math.floor(idx.doubleValue())
                || idx.longValue() < 0) {
            throw new IllegalArgumentException("status.status_list is not {\"idx\": non-negative integer, \"uri\": string}");
        }
        return Optional.of(new StatusReference(uri, idx.longValue()));
    }
}
