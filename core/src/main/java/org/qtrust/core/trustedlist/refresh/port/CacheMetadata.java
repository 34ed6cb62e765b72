package org.qtrust.core.trustedlist.refresh.port;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.qtrust.core.trustedlist.ListLocation;

/**
 * What the cache records beside each stored list.
 *
 * @param location       where the copy was fetched from, its role and territory
 * @param etag           the publisher's ETag for that copy
 * @param lastModified   the publisher's Last-Modified for that copy, verbatim
 * @param fetchedAt      when this copy was downloaded
 * @param checkedAt      when the publisher last confirmed it (downloaded or "not modified")
 * @param sha256         SHA-256 of the stored bytes, lower-case hex
 * @param sequenceNumber the copy's TSLSequenceNumber
 * @param issued         the copy's ListIssueDateTime
 * @param nextUpdate     the copy's NextUpdate; empty for a closed list
 * @param mirror         the mirror these bytes were downloaded from when the publisher's location
 *                       failed (issue 19.2); empty when the publisher served or confirmed them
 */
public record CacheMetadata(ListLocation location, Optional<String> etag, Optional<String> lastModified,
                            Instant fetchedAt, Instant checkedAt, String sha256, BigInteger sequenceNumber,
                            Instant issued, Optional<Instant> nextUpdate, Optional<String> mirror) {

    /** Metadata of a copy the publisher's own location served. */
    public CacheMetadata(ListLocation location, Optional<String> etag, Optional<String> lastModified,
                         Instant fetchedAt, Instant checkedAt, String sha256, BigInteger sequenceNumber,
                         Instant issued, Optional<Instant> nextUpdate) {
        this(location, etag, lastModified, fetchedAt, checkedAt, sha256, sequenceNumber, issued, nextUpdate, Optional.empty());
    }

    public CacheMetadata {
        Objects.requireNonNull(location);
        Objects.requireNonNull(etag);
        Objects.requireNonNull(lastModified);
        Objects.requireNonNull(fetchedAt);
        Objects.requireNonNull(checkedAt);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(sequenceNumber);
        Objects.requireNonNull(issued);
        Objects.requireNonNull(nextUpdate);
        Objects.requireNonNull(mirror);
    }

    /**
     * The metadata as named text fields (format 1), for caches that store it as properties or a
     * hash: {@code role, territory, url, etag, lastModified, fetchedAt, checkedAt, sha256,
     * sequenceNumber, issued, nextUpdate, mirror} (absent optional values are left out).
     */
    public java.util.SortedMap<String, String> fields() {
        java.util.TreeMap<String, String> values = new java.util.TreeMap<>();
        values.put("format", "1");
        values.put("role", location.role().name());
        values.put("territory", location.territory());
        values.put("url", location.url());
        etag.ifPresent(value -> values.put("etag", value));
        lastModified.ifPresent(value -> values.put("lastModified", value));
        values.put("fetchedAt", fetchedAt.toString());
        values.put("checkedAt", checkedAt.toString());
        values.put("sha256", sha256);
        values.put("sequenceNumber", sequenceNumber.toString());
        values.put("issued", issued.toString());
        nextUpdate.ifPresent(next -> values.put("nextUpdate", next.toString()));
        mirror.ifPresent(url -> values.put("mirror", url));
        return values;
    }

    /**
     * Reads {@link #fields()} back.
     *
     * @param field a field's value, or null when absent
     * @throws IllegalArgumentException when a required field is missing or unreadable (one line)
     */
    public static CacheMetadata fromFields(java.util.function.Function<String, String> field) {
        try {
            ListLocation location = new ListLocation(required(field, "url"),
                    ListLocation.Role.valueOf(required(field, "role")), required(field, "territory"));
            return new CacheMetadata(location, Optional.ofNullable(field.apply("etag")),
                    Optional.ofNullable(field.apply("lastModified")), Instant.parse(required(field, "fetchedAt")),
                    Instant.parse(required(field, "checkedAt")), required(field, "sha256"),
                    new BigInteger(required(field, "sequenceNumber")), Instant.parse(required(field, "issued")),
                    Optional.ofNullable(field.apply("nextUpdate")).map(Instant::parse),
                    Optional.ofNullable(field.apply("mirror")));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String required(java.util.function.Function<String, String> field, String name) {
        String value = field.apply(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    /** The validators to send for a location: only for the very URL this copy came from. */
    public ListFetcher.Validators validatorsFor(ListLocation target) {
        if (!location.url().equals(target.url())) {
            return ListFetcher.Validators.NONE;
        }
        return new ListFetcher.Validators(etag, lastModified);
    }

    /** The publisher confirmed this copy (HTTP 304, or the same bytes): it is the publisher's copy now, not a mirror's. */
    public CacheMetadata checked(Instant at, Optional<String> newEtag, Optional<String> newLastModified) {
        return new CacheMetadata(location, newEtag.or(() -> etag), newLastModified.or(() -> lastModified), fetchedAt,
                at, sha256, sequenceNumber, issued, nextUpdate, Optional.empty());
    }
}
