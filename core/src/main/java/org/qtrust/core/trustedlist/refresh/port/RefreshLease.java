package org.qtrust.core.trustedlist.refresh.port;

import java.util.Optional;

/**
 * Leadership of the refresh among replicas that share a store: one holder at a time, for a
 * limited time that the holder renews while it works. Each grant carries a fencing token that
 * grows with every grant, so a holder whose lease ran out (paused, partitioned) cannot publish
 * over the work of the next one: the store refuses a publication with an older token.
 */
public interface RefreshLease {

    /** The lease when nobody holds it; empty when another holder does, or the store cannot be reached. Never blocks long. */
    Optional<Held> tryAcquire();

    /** A granted lease. */
    interface Held extends AutoCloseable {

        /** Grows with every grant of this lease. */
        long fencingToken();

        /** Extends the lease; false when it was lost (expired and taken, or the store unreachable). */
        boolean renew();

        /** Gives the lease up if still held. */
        @Override
        void close();
    }
}
