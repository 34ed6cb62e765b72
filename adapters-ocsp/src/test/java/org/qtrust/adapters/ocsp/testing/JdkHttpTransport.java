package org.qtrust.adapters.ocsp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.qtrust.core.transport.HttpExchange;
import org.qtrust.core.transport.HttpTransport;
import org.qtrust.core.transport.TransportException;

/**
 * The HTTP port over the JDK's HttpClient, for tests only (the product uses adapters-http).
 * Bounded: connect and response timeouts, body size limit, no proxy, no redirects.
 */
public final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;
    private final Duration timeout;

    public JdkHttpTransport(Duration connectTimeout, Duration timeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws TransportException {
        URI uri;
        try {
            uri = URI.create(request.url());
        } catch (IllegalArgumentException e) {
            throw new TransportException(TransportException.Reason.BAD_URL, "bad URL " + request.url(), e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        request.headers().forEach(builder::header);
        if ("POST".equals(request.method())) {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(request.body().orElse(new byte[0])));
        } else {
            builder.GET();
        }
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body = readLimited(response.body(), request.maxBodyBytes(), request.url());
            return new HttpExchange.Response(response.statusCode(), response.headers().map(), body, request.url());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException(TransportException.Reason.TIMEOUT, "connect timeout to " + request.url(), e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(TransportException.Reason.TIMEOUT, "no response within " + timeout, e);
        } catch (ConnectException e) {
            throw new TransportException(TransportException.Reason.CONNECTION_FAILED, "connection refused", e);
        } catch (IOException e) {
            throw new TransportException(TransportException.Reason.CONNECTION_FAILED, String.valueOf(e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Reason.INTERRUPTED, "interrupted", e);
        }
    }

    private static byte[] readLimited(InputStream in, long max, String url) throws IOException, TransportException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > max) {
                    throw new TransportException(TransportException.Reason.BODY_TOO_LARGE,
                            "body of " + url + " exceeds " + max + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }
}
