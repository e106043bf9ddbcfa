package org.w3id.chipgraph;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One line in the build's own output. Surefire sends a test's System.out and System.err to report
 * files (redirectTestOutputToFile), so a line a reader of the build must see (why a test was skipped,
 * which README examples were left out) goes to the process's real standard error, which Maven shows.
 */
public final class BuildOutput {
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private BuildOutput() {}

    public static void say(String line) {
        synchronized (ERR) {
            ERR.println(line);
        }
        System.out.println(line);   // and in the test's report file, beside its other output
    }
}
