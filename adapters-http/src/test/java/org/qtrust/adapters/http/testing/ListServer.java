package org.qtrust.adapters.http.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A publisher on 127.0.0.1 (free port): serves documents by name ({@code /AT.xml}) with an
 * ETag and a Last-Modified, answers conditional requests with 304, and misbehaves on demand
 * per name (status, hang, truncated or oversized body, redirect).
 */
public final class ListServer implements AutoCloseable {

    /** How a name misbehaves. */
    public sealed interface Fault {
        record Status(int code) implements Fault { }
        /** Accepts and never answers (until the server closes). */
        record Hang() implements Fault { }
        /** Announces the full length, sends half, closes the connection. */
        record Truncated() implements Fault { }
        /** Streams this many bytes without announcing a length. */
        record Oversized(long bytes) implements Fault { }
        /** Announces this length (and sends a little). */
        record DeclaredTooLarge(long bytes) implements Fault { }
        record Redirect(int code, String location) implements Fault { }
    }

    /** One request as received. */
    public record Request(String method, String path, String ifNoneMatch, String ifModifiedSince, String userAgent) { }

    private static final String LAST_MODIFIED = "Wed, 04 Sep 2019 08:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile long streamedBytes;

    private ListServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-list-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ListServer http() {
        try {
            return new ListServer(HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ListServer https(SSLContext context) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return new ListServer(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves every XML file of a folder under its file name. */
    public ListServer serveFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".xml")).forEach(f -> serve(f.getFileName().toString(), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void serve(String name, Path file) {
        try {
            serve(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void serve(String name, byte[] content) {
        documents.put(name, content.clone());
        faults.remove(name);
    }

    public void fault(String name, Fault fault) {
        faults.put(name, fault);
    }

    public void heal(String name) {
        faults.remove(name);
    }

    public String url(String name) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String base() {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Bytes sent for {@link Fault.Oversized} answers, to show the client stopped early. */
    public long streamedBytes() {
        return streamedBytes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(1);
        requests.add(new Request(exchange.getRequestMethod(), "/" + name,
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"),
                exchange.getRequestHeaders().getFirst("User-Agent")));
        exchange.getRequestBody().readAllBytes();
        try {
            Fault fault = faults.get(name);
            if (fault != null) {
                misbehave(exchange, name, fault);
                return;
            }
            byte[] content = documents.get(name);
            if (content == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + sha256(content).substring(0, 16) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.etsi.tsl+xml");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            exchange.close();
        }
    }

    private void misbehave(HttpExchange exchange, String name, Fault fault) throws IOException {
        if (fault instanceof Fault.Status status) {
            exchange.sendResponseHeaders(status.code(), -1);
        } else if (fault instanceof Fault.Hang) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (fault instanceof Fault.Truncated) {
            byte[] content = documents.getOrDefault(name, new byte[1000]);
            exchange.sendResponseHeaders(200, content.length);
            OutputStream out = exchange.getResponseBody();
            out.write(content, 0, content.length / 2);
            out.flush();
            // closing now, short of the announced length, drops the connection
        } else if (fault instanceof Fault.Oversized oversized) {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) '<');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < oversized.bytes(); sent += chunk.length) {
                    out.write(chunk);
                    streamedBytes = sent + chunk.length;
                }
            }
        } else if (fault instanceof Fault.DeclaredTooLarge large) {
            exchange.sendResponseHeaders(200, large.bytes());
            exchange.getResponseBody().write(new byte[1024]);
            exchange.getResponseBody().flush();
        } else if (fault instanceof Fault.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            exchange.sendResponseHeaders(redirect.code(), -1);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
