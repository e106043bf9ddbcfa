package org.w3id.chipgraph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every chipgraph command, in one table (the README's "Exit codes" lists the
 * same). Commands return them through picocli (cli.Main maps exceptions to them); the loader's
 * {@code LoadException} carries one.
 */
public enum ExitCode {
    OK(0, "done (for explain: A depends on B)"),
    ERROR(1, "failed for another reason: an unknown or ambiguous entity or query name, no store loaded yet, a server or remote"
            + " service that failed, requests that failed in a load test, an unexpected error"),
    INPUT(2, "bad input: a file, option or parameter that cannot be used (the message names it and the rule broken)"),
    VALIDATION(3, "the input was read but breaks a rule: SHACL or the loader's checks"),
    STORE(4, "store error, or another load already running on the store"),
    NO_DEPENDENCY(5, "explain: A does not depend on B (an answer, not an error)");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The code for a failure: a {@code LoadException}'s own code, INPUT for a bad parameter value, else ERROR. */
    public static int of(Throwable ex) {
        if (ex instanceof CodedFailure c)
            return c.exitCode();
        return ERROR.code;
    }

    /** An exception that knows its exit code (a refused load, a parameter value that does not fit its type). */
    public interface CodedFailure {
        int exitCode();
    }

    /** The table for a command's --help: code to meaning, in order. */
    public static Map<String, String> helpList() {
        Map<String, String> m = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(c -> m.put(String.valueOf(c.code), c.meaning));
        return m;
    }
}
