package org.w3id.chipgraph.load;

/**
 * A load refused for a reason the user can fix. The message names the file (and line) or the
 * subject, and the rule broken; the exit code tells scripts which stage refused.
 */
public class LoadException extends RuntimeException {
    /** Exit codes of the load command. */
    public static final int INPUT = 2, VALIDATION = 3, STORE = 4;

    private final int exitCode;

    public LoadException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LoadException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }
}
