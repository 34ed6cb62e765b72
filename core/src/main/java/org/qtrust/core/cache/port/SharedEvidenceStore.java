package org.qtrust.core.cache.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outgoing port: a store of revocation and status evidence shared by server replicas — OCSP
 * responses, CRLs and Status List Tokens exactly as their publishers served them, each kept no
 * longer than the time to live its user gives (bounded by the evidence's own nextUpdate or exp),
 * so that one replica's download serves all (issue 17.4). It sits behind the in-memory caches.
 *
 * <p><b>Storage, not trust.</b> What {@link #find} returns is untrusted bytes: its user parses and
 * verifies them exactly as a fresh download (signature, issuer, freshness, size) and ignores them
 * — fetching anew — when they do not pass. A store that is slow, down or full must never make a
 * caller wait or fail: both methods return quickly and never throw; an unusable store behaves as
 * an empty one.
 */
public interface SharedEvidenceStore {

    /** What an entry holds: each kind has its own key space. */
    enum Kind {
        /** A DER OCSPResponse (RFC 6960 §4.2.1), keyed by responder URL, CertID and issuer. */
        OCSP,
        /** A DER CertificateList (RFC 5280 §5.1), keyed by distribution point URL and issuer. */
        CRL,
        /** A Status List Token (draft-ietf-oauth-status-list §5) as a compact JWT, keyed by its URI. */
        STATUS_LIST
    }

    /**
     * An entry as read back.
     *
     * @param bytes     what was stored (untrusted)
     * @param remaining how long the store still keeps it (untrusted: a caller never keeps it longer
     *                  than what it derives from the verified content itself)
     */
    record Entry(byte[] bytes, Duration remaining) {
        public Entry {
            Objects.requireNonNull(bytes);
            Objects.requireNonNull(remaining);
        }
    }

    /**
     * The entry stored under {@code key}; empty when there is none, when it is longer than
     * {@code maxBytes} (never read in full), or when the store cannot answer at once.
     */
    Optional<Entry> find(Kind kind, String key, long maxBytes);

    /**
     * Stores {@code bytes} under {@code key} for {@code timeToLive} (nothing when it is not
     * positive). Best effort: may return before the store has it, may drop it.
     */
    void put(Kind kind, String key, byte[] bytes, Duration timeToLive);

    /** Whether anything is shared at all (false for {@link #none()}): for traces and wiring. */
    default boolean shared() {
        return true;
    }

    /** No shared store: nothing is found, nothing kept (a single server, the CLI). */
    static SharedEvidenceStore none() {
        return None.INSTANCE;
    }

    /** The store that keeps nothing. */
    enum None implements SharedEvidenceStore {
        INSTANCE;

        @Override
        public Optional<Entry> find(Kind kind, String key, long maxBytes) {
            return Optional.empty();
        }

        @Override
        public void put(Kind kind, String key, byte[] bytes, Duration timeToLive) {
            // nothing is shared
        }

        @Override
        public boolean shared() {
            return false;
        }
    }
}
