package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/load-jvm-options: read as the launcher reads it, and every option in it starts this JVM. */
class LoadJvmOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void commentsAndBlankLinesAreLeftOut() throws Exception {
        Path f = tmp.resolve("opts");
        Files.writeString(f, "# a comment\n\n-XX:+UseParallelGC   # why\n  -Da=1 -Db=2\n#-XX:+Nothing\n");
        assertEquals(List.of("-XX:+UseParallelGC", "-Da=1", "-Db=2"), LoadJvmOptions.read(f));
    }

    @Test
    void theShippedOptionsStartAJvm() throws Exception {
        List<String> opts = LoadJvmOptions.read(Path.of("bin/load-jvm-options"));
        assertFalse(opts.isEmpty(), "the file names at least one option");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(opts);
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -version returns");
        assertEquals(0, p.exitValue(), "java " + opts + " -version: " + out);
    }
}
