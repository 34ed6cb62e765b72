package org.qtrust.core.credential.status;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the verdict says about the credential's status list entry — the credential document's
 * {@code status}, beside the certificate document's {@code revocation}.
 *
 * @param checked   whether a status value was read from a verified status list token
 * @param uri       the status list the credential names, if any
 * @param index     its index in that list
 * @param value     the status value read (0 valid, 1 invalid, 2 suspended, …)
 * @param source    where the token came from: {@code fetched} (now) or {@code cache}
 * @param fetchedAt when the token was fetched
 */
public record CredentialStatus(boolean checked, Optional<String> uri, Optional<Long> index, Optional<Integer> value,
                               Optional<String> source, Optional<Instant> fetchedAt) {

    public CredentialStatus {
        Objects.requireNonNull(uri);
        Objects.requireNonNull(index);
        Objects.requireNonNull(value);
        Objects.requireNonNull(source);
        Objects.requireNonNull(fetchedAt);
    }

    /** Nothing checked and nothing referenced (no status list, or the verdict stopped earlier). */
    public static CredentialStatus none() {
        return new CredentialStatus(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Referenced but not established. */
    public static CredentialStatus unchecked(StatusReference reference) {
        return new CredentialStatus(false, Optional.of(reference.uri()), Optional.of(reference.index()), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Referenced; the token was had but no value was read from it. */
    public static CredentialStatus unchecked(StatusReference reference, StatusListFetch.Fetched fetch) {
        return new CredentialStatus(false, Optional.of(reference.uri()), Optional.of(reference.index()), Optional.empty(),
                Optional.of(fetch.source()), Optional.of(fetch.fetchedAt()));
    }

    /** The value read from a verified token. */
    public static CredentialStatus read(StatusReference reference, StatusListFetch.Fetched fetch, int value) {
        return new CredentialStatus(true, Optional.of(reference.uri()), Optional.of(reference.index()), Optional.of(value),
                Optional.of(fetch.source()), Optional.of(fetch.fetchedAt()));
    }
}
