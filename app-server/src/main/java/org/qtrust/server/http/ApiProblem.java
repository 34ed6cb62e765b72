package org.qtrust.server.http;

/**
 * A request the server cannot answer as asked: the client gets the status and
 * {@code {"code", "message"}}. Thrown only for broken input, never for an expected verdict.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    public ApiProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiProblem badRequest(String code, String message) {
        return new ApiProblem(400, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
