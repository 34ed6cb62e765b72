package org.qtrust.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.qtrust.server.http.Answer;

/** The browser page and the OpenAPI document, read once from the jar. */
public final class StaticContent {

    private static final String ROOT = "/org/qtrust/server/web/";

    private final Map<String, Answer> byPath;

    public StaticContent() {
        byPath = Map.of(
                "/", resource("index.html", "text/html; charset=utf-8"),
                "/index.html", resource("index.html", "text/html; charset=utf-8"),
                "/app.js", resource("app.js", "text/javascript; charset=utf-8"),
                "/style.css", resource("style.css", "text/css; charset=utf-8"),
                "/openapi.json", resource("openapi.json", Answer.JSON),
                "/favicon.ico", new Answer(204, "image/x-icon", new byte[0], "ok"));
    }

    public Optional<Answer> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static Answer resource(String name, String contentType) {
        try (InputStream in = StaticContent.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + name);
            }
            return new Answer(200, contentType, in.readAllBytes(), "ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
