package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's ahead-of-time cache for {@code load}, run with a stand-in JDK 25 whose java
 * notes each call: the first successful load records and a cache is written beside the jar, the
 * next load uses it, a failed load writes none and keeps its exit status, and the recording's
 * line on standard output is not passed on.
 */
class LauncherAotTest {
    @TempDir
    Path dir;

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            here=$(dirname "$0")
            echo "$*" >> "$here/../calls.log"
            for a in "$@"; do
              case "$a" in
                -XX:AOTConfiguration=*) conf=${a#*=} ;;
                -XX:AOTCache=*) cache=${a#*=} ;;
                -XX:AOTMode=*) mode=${a#*=} ;;
              esac
            done
            case "${mode:-}" in
              record) echo " AOTConfiguration recorded: $conf"; echo recorded > "$conf" ;;
              create) echo made > "$cache"; exit 0 ;;
            esac
            echo "Loaded (stand-in)"
            exit "$(cat "$here/../status")"
            """;

    @Test
    void firstLoadRecordsTheNextUsesTheCacheAFailureWritesNone() throws Exception {
        Path project = dir.resolve("project"), jdk = dir.resolve("jdk");
        Files.createDirectories(project.resolve("bin"));
        Files.createDirectories(project.resolve("target"));
        for (String f : List.of("chipgraph", "bin/find-jdk", "bin/load-jvm-options"))
            Files.copy(Path.of(f), project.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(project.resolve("target/chipgraph.jar"), "");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Files.writeString(jdk.resolve("bin/java"), FAKE_JAVA);
        Files.writeString(jdk.resolve("bin/javac"), "#!/bin/sh\n");
        jdk.resolve("bin/java").toFile().setExecutable(true);
        jdk.resolve("bin/javac").toFile().setExecutable(true);
        Path cache = project.resolve("target/chipgraph-load-jdk25.aot"), calls = jdk.resolve("calls.log");

        // A failed load: its status, no cache, nothing left behind.
        Files.writeString(jdk.resolve("status"), "2");
        Run r = run(project, jdk);
        assertEquals(2, r.status, r.out);
        assertFalse(Files.exists(cache));
        assertTrue(Files.readString(calls).contains("-XX:AOTMode=record"), "the load was recorded");
        assertFalse(Files.readString(calls).contains("-XX:AOTMode=create"), "no cache from a failed load");
        try (var files = Files.list(project.resolve("target"))) {
            assertEquals(List.of("chipgraph.jar"), files.map(p -> p.getFileName().toString()).toList(), "no recording left");
        }

        // The first good load records, then the cache is written.
        Files.writeString(jdk.resolve("status"), "0");
        Files.delete(calls);
        r = run(project, jdk);
        assertEquals(0, r.status, r.out);
        assertTrue(r.out.contains("Loaded (stand-in)"), r.out);
        assertFalse(r.out.contains("AOTConfiguration recorded"), "the JVM's line is not the load's: " + r.out);
        assertTrue(Files.isRegularFile(cache), "cache written");
        List<String> lines = Files.readAllLines(calls);
        assertTrue(lines.get(0).contains("-XX:AOTMode=record") && lines.get(0).contains("-XX:+UseParallelGC"), lines.toString());
        assertFalse(lines.get(0).contains("TieredStopAtLevel"), "recorded with every load's options, not the small-load ones: " + lines);
        assertTrue(lines.get(1).contains("-XX:AOTMode=create"), lines.toString());

        // The next load starts from it.
        Files.delete(calls);
        r = run(project, jdk);
        assertEquals(0, r.status, r.out);
        assertTrue(Files.readString(calls).contains("-XX:AOTCache=target/chipgraph-load-jdk25.aot"), Files.readString(calls));
        assertTrue(Files.readString(calls).contains("-XX:TieredStopAtLevel=1"), "a load of the project alone is small: " + Files.readString(calls));
        assertFalse(Files.readString(calls).contains("AOTMode"), Files.readString(calls));

        // CHIPGRAPH_AOT=off leaves it out; other commands never use it.
        Files.delete(calls);
        assertEquals(0, run(project, jdk, "CHIPGRAPH_AOT=off", "load").status);
        assertEquals(0, run(project, jdk, "X=1", "query").status);
        assertFalse(Files.readString(calls).contains("AOT"), Files.readString(calls));
    }

    private record Run(int status, String out) {}

    private static Run run(Path project, Path jdk) throws Exception {
        return run(project, jdk, "X=1", "load");
    }

    private static Run run(Path project, Path jdk, String env, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "chipgraph", command, "--db", "db").directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", jdk.toString());
        String[] kv = env.split("=", 2);
        pb.environment().put(kv[0], kv[1]);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }
}
