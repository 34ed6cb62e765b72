package org.qtrust.adapters.ocsp.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * A transport whose exchanges hang until the test opens the gate (a responder that never
 * answers, made deterministic): counts them and records the threads they ran on.
 */
public final class GatedTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    public GatedTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
        count.incrementAndGet();
        threads.add(Thread.currentThread().getName());
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new TransportException(TransportException.Reason.TIMEOUT, "the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Reason.INTERRUPTED, "interrupted");
        }
        return delegate.send(request);
    }

    /** Lets every waiting and later exchange through. */
    public void open() {
        gate.countDown();
    }

    public int count() {
        return count.get();
    }

    /** Waits (bounded) until {@code n} exchanges have started. */
    public void awaitStarted(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (count.get() < n) {
            if (System.nanoTime() > until) {
                throw new AssertionError("only " + count.get() + " of " + n + " exchanges started");
            }
            Thread.sleep(5);
        }
    }

    public List<String> threads() {
        return List.copyOf(threads);
    }
}
