package org.qtrust.server.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body without holding a thread while the client is slow (issue 15 item 2):
 * each chunk is taken when Jetty says it is there ({@link Request#demand}), nothing waits in
 * between. The body must arrive whole within the request deadline, at no less than the
 * minimum data rate (checked from {@value #GRACE_MILLIS} ms on), and within the size limit;
 * otherwise the future fails with a 408 or 413 {@link ApiProblem}.
 */
final class AsyncBody implements Runnable {

    /** The rate is judged after this long: a first packet may take a round trip or two. */
    static final long GRACE_MILLIS = 2000;

    /**
     * @param deadline          the whole body must have arrived by then
     * @param minBytesPerSecond the slowest acceptable average, from the first byte of the request on (0: no minimum)
     */
    record Limits(int maxBytes, Duration deadline, long minBytesPerSecond) {
        Limits {
            Objects.requireNonNull(deadline);
        }
    }

    private final Request request;
    private final Limits limits;
    private final long started = System.nanoTime();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer;
    private int size;

    private AsyncBody(Request request, Limits limits, int expected) {
        this.request = request;
        this.limits = limits;
        this.buffer = new byte[Math.max(256, Math.min(expected, limits.maxBytes()))];
    }

    /**
     * Starts reading; the future completes on a Jetty thread (or the deadline's timer). A body
     * that is already whole when the request starts (the usual case: headers and a small body
     * arrive in one packet) completes at once, without arming a timer; otherwise the deadline's
     * timer runs for what is left of the deadline, counted from the start of the request.
     */
    static CompletableFuture<byte[]> read(Request request, Limits limits, long declaredLength) {
        AsyncBody body = new AsyncBody(request, limits, declaredLength > 0 ? (int) Math.min(declaredLength, Integer.MAX_VALUE) : 4096);
        body.run();
        if (body.result.isDone()) {
            return body.result;
        }
        long left = limits.deadline().toNanos() - (System.nanoTime() - body.started);
        return body.result.orTimeout(Math.max(1, left), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof java.util.concurrent.TimeoutException
                                ? new ApiProblem(408, "request_timeout", "the request body did not arrive within "
                                + limits.deadline().toMillis() + " ms")
                                : failure));
    }

    @Override
    public void run() {
        try {
            while (!result.isDone()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    result.completeExceptionally(ApiProblem.badRequest("unreadable_body", "the request body could not be read"));
                    return;
                }
                boolean last = chunk.isLast();
                try {
                    ByteBuffer bytes = chunk.getByteBuffer();
                    int length = bytes.remaining();
                    if ((long) size + length > limits.maxBytes()) {
                        result.completeExceptionally(new ApiProblem(413, "payload_too_large",
                                "the request body exceeds " + limits.maxBytes() + " bytes"));
                        return;
                    }
                    if (size + length > buffer.length) {
                        buffer = Arrays.copyOf(buffer, (int) Math.min(limits.maxBytes(), Math.max((long) size + length, 2L * buffer.length)));
                    }
                    bytes.get(buffer, size, length);
                    size += length;
                } finally {
                    chunk.release();
                }
                if (last) {
                    result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
                    return;
                }
                if (tooSlow()) {
                    result.completeExceptionally(new ApiProblem(408, "request_timeout", "the request body arrives slower than "
                            + limits.minBytesPerSecond() + " bytes per second"));
                    return;
                }
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(ApiProblem.badRequest("unreadable_body", "the request body could not be read"));
        }
    }

    private boolean tooSlow() {
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return limits.minBytesPerSecond() > 0 && elapsedMillis >= GRACE_MILLIS
                && size * 1000L < limits.minBytesPerSecond() * elapsedMillis;
    }
}
