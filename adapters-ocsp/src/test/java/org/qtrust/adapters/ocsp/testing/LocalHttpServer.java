package org.qtrust.adapters.ocsp.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A JDK HTTP server on 127.0.0.1 (free port) whose routes the tests set and count. */
public final class LocalHttpServer implements AutoCloseable {

    /** What a route answers. */
    public record Reply(int status, String contentType, byte[] body) {
        public static Reply ok(String contentType, byte[] body) {
            return new Reply(200, contentType, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Function<byte[], Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    public LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "test-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Sets what a path answers; the function gets the request body (empty for GET). */
    public void route(String path, Function<byte[], Reply> reply) {
        routes.put(path, reply);
    }

    public void route(String path, Reply reply) {
        routes.put(path, body -> reply);
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Function<byte[], Reply> route = routes.get(path);
        Reply reply;
        try {
            reply = route == null ? new Reply(404, "text/plain", "not found".getBytes()) : route.apply(body);
        } catch (RuntimeException e) {
            java.io.StringWriter text = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(text));
            reply = new Reply(599, "text/plain", text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        } catch (IOException e) {
            // the client gave up (body over its limit): fine
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
