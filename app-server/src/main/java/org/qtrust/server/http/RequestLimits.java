package org.qtrust.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a client may make the server wait or work (issue 15 item 2).
 *
 * @param maxBodyBytes             the largest request body
 * @param requestTimeout           a request body must have arrived whole within this time
 * @param minDataRate              the slowest acceptable body upload, bytes per second (0: none)
 * @param maxConcurrentVerifications verifications computed at once; more get 503 {@code busy} at
 *                                 once, so that threads stay free for {@code /health}, {@code /ready}
 *                                 and the lists
 */
public record RequestLimits(int maxBodyBytes, Duration requestTimeout, long minDataRate, int maxConcurrentVerifications) {

    public RequestLimits {
        Objects.requireNonNull(requestTimeout);
        if (maxBodyBytes < 1 || requestTimeout.isNegative() || requestTimeout.isZero() || minDataRate < 0
                || maxConcurrentVerifications < 1) {
            throw new IllegalArgumentException("request limits must be positive");
        }
    }

    /** The defaults of {@code qtrust serve} with this body limit. */
    public static RequestLimits withBody(int maxBodyBytes) {
        return new RequestLimits(maxBodyBytes, Duration.ofSeconds(10), 1024, 48);
    }
}
