package org.qtrust.cli;

/** Input the command cannot work with; reported as one line on stderr with the exit code. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UsageException(String message) {
        this(message, QtrustCli.EXIT_UNUSABLE_INPUT);
    }

    public UsageException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
