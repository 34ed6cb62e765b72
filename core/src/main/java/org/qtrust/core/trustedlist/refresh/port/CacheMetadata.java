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
 */
public record CacheMetadata(ListLocation location, Optional<String> etag, Optional<String> lastModified,
                            Instant fetchedAt, Instant checkedAt, String sha256, BigInteger sequenceNumber,
                            Instant issued, Optional<Instant> nextUpdate) {

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
    }

    /** The validators to send for a location: only for the very URL this copy came from. */
    public ListFetcher.Validators validatorsFor(ListLocation target) {
        if (!location.url().equals(target.url())) {
            return ListFetcher.Validators.NONE;
        }
        return new ListFetcher.Validators(etag, lastModified);
    }

    public CacheMetadata checked(Instant at, Optional<String> newEtag, Optional<String> newLastModified) {
        return new CacheMetadata(location, newEtag.or(() -> etag), newLastModified.or(() -> lastModified), fetchedAt,
                at, sha256, sequenceNumber, issued, nextUpdate);
    }
}
