package org.w3id.chipgraph;

import java.io.PrintStream;

/**
 * A hook for the crash-safety tests, inert unless asked for. With the system property
 * {@code chipgraph.test.haltAt=POINT} (or the environment variable {@code CHIPGRAPH_TEST_HALT_AT}),
 * the loader prints {@code chipgraph-halt: POINT} on standard output when it reaches POINT and
 * then blocks there for good, so that a test can kill the process at a known step instead of
 * guessing with timers.
 *
 * <p>Points, in load order: {@value #PARSE} (after the first fact file is parsed),
 * {@value #REASON} (after the first round of inference), {@value #WRITE} (inside the write
 * transaction of the new version, facts written, inferences not yet), {@value #PUBLISH} (the new
 * version complete and closed, the pointer not yet switched), {@value #POINTER} (the new
 * pointer written beside the old one, not yet renamed over it).
 */
public final class HaltPoint {
    public static final String PARSE = "parse", REASON = "reason", WRITE = "write", PUBLISH = "publish", POINTER = "pointer";
    public static final String PROPERTY = "chipgraph.test.haltAt";
    public static final String ENV = "CHIPGRAPH_TEST_HALT_AT";
    public static final String MARKER = "chipgraph-halt: ";

    private HaltPoint() {}

    /** Halt here for good if this is the point asked for; otherwise return at once. */
    public static void reached(String point) {
        String wanted = System.getProperty(PROPERTY, System.getenv(ENV));
        if (wanted == null || !wanted.equals(point))
            return;
        PrintStream out = System.out;
        out.println(MARKER + point);
        out.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Keep blocking: only a kill ends this process.
            }
        }
    }
}
