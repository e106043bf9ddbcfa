package org.w3id.chipgraph.input;

import org.w3id.chipgraph.ExitCode;

/**
 * A load refused for a reason the user can fix. The message names the file (and line) or the
 * subject, and the rule broken; the exit code tells scripts which stage refused.
 */
public class LoadException extends RuntimeException implements ExitCode.CodedFailure {
    /** Exit codes of the load command (from the one table, {@link ExitCode}). */
    public static final int INPUT = ExitCode.INPUT.code, VALIDATION = ExitCode.VALIDATION.code, STORE = ExitCode.STORE.code;

    private final int exitCode;

    public LoadException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public LoadException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    @Override
    public int exitCode() { return exitCode; }
}
