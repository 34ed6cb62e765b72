package org.qtrust.core.lote.refresh.port;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the cache records beside each stored list of trusted entities.
 *
 * @param location       where the list is published, as configured (an http(s) URL, or a file)
 * @param loteType       the copy's LoTEType
 * @param territory      the copy's SchemeTerritory
 * @param sequenceNumber the copy's LoTESequenceNumber: no later copy may be lower
 * @param issued         the copy's ListIssueDateTime
 * @param nextUpdate     the copy's NextUpdate; empty for a closed list
 * @param sha256         SHA-256 of the stored bytes, lower-case hex
 * @param fetchedAt      when these bytes were obtained
 * @param checkedAt      when the publisher last served them (first download or the same bytes again)
 */
public record LoteCacheMetadata(String location, String loteType, String territory, BigInteger sequenceNumber,
                                Instant issued, Optional<Instant> nextUpdate, String sha256, Instant fetchedAt,
                                Instant checkedAt) {

    public LoteCacheMetadata {
        Objects.requireNonNull(location);
        Objects.requireNonNull(loteType);
        Objects.requireNonNull(territory);
        Objects.requireNonNull(sequenceNumber);
        Objects.requireNonNull(issued);
        Objects.requireNonNull(nextUpdate);
        Objects.requireNonNull(sha256);
        Objects.requireNonNull(fetchedAt);
        Objects.requireNonNull(checkedAt);
    }

    /** The same copy, served again at {@code at}. */
    public LoteCacheMetadata checked(Instant at) {
        return new LoteCacheMetadata(location, loteType, territory, sequenceNumber, issued, nextUpdate, sha256, fetchedAt, at);
    }
}
