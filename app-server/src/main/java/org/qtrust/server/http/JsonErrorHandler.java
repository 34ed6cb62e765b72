package org.qtrust.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.qtrust.server.json.Json;

/**
 * Errors Jetty itself raises before the API sees a request (a malformed request line, headers
 * too large…): the same {@code {"code", "message"}} document, never a stack trace.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final boolean tls;

    public JsonErrorHandler() {
        this(false);
    }

    /** @param tls whether the server speaks TLS (errors then carry HSTS too, even before the request is parsed) */
    public JsonErrorHandler(boolean tls) {
        this.tls = tls;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object failure = request.getAttribute(ERROR_STATUS);
        if (failure instanceof Integer code && code >= 400) {
            status = code;
        }
        String code = status >= 500 ? "internal_error" : "bad_request";
        String reason = HttpStatus.getMessage(status);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answer.JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeaders.apply(response.getHeaders(), false, tls || request.isSecure());
        response.write(true, ByteBuffer.wrap(Json.bytes(Json.error(code, reason == null ? "bad request" : reason))), callback);
        return true;
    }
}
