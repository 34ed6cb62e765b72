package org.qtrust.adapters.ocsp.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/** Counts the exchanges sent through a transport, optionally slowing each one down. */
public final class CountingTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final Duration delay;
    private final AtomicInteger count = new AtomicInteger();

    public CountingTransport(HttpTransport delegate, Duration delay) {
        this.delegate = delegate;
        this.delay = delay;
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
        count.incrementAndGet();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException(TransportException.Reason.INTERRUPTED, "interrupted");
            }
        }
        return delegate.send(request);
    }

    public int count() {
        return count.get();
    }
}
