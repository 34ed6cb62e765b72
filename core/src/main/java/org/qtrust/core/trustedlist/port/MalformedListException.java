package org.qtrust.core.trustedlist.port;

import java.util.Objects;

/** A list document that cannot be read, with the reason as a code. */
public class MalformedListException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Problem { EMPTY, NOT_WELL_FORMED, UNSAFE_XML, TOO_LARGE, NOT_CONFORMANT }

    private final Problem problem;

    public MalformedListException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem);
    }

    public MalformedListException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem);
    }

    public Problem problem() {
        return problem;
    }
}
