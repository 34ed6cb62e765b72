package org.qtrust.core.credential;

import java.time.Instant;

/**
 * Remembers the key-binding JWTs a verifier has accepted, so that the same presentation is not
 * accepted twice (RFC 9901 §7.3 leaves replay detection to the verifier; issue 13.8).
 */
public interface ReplayGuard {

    /** What the guard says about one presentation. */
    enum Seen {
        /** Not seen before; now remembered. */
        FIRST,
        /** The same (nonce, sd_hash) was accepted before and is still fresh: a replay. */
        REPLAYED,
        /** Nothing more can be remembered now: freshness cannot be proven (fail closed). */
        FULL
    }

    /**
     * @param nonce  the KB-JWT's nonce
     * @param sdHash the KB-JWT's sd_hash
     * @param now    the verifier's clock
     * @param until  when the KB-JWT stops being fresh (after that it is refused as too old anyway)
     */
    Seen present(String nonce, String sdHash, Instant now, Instant until);
}
