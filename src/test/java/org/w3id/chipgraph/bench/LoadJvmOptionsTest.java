package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/load-jvm-options: read as the launcher reads it, its "small<" lines by the size of the files
 * a load names, the same way by the launcher and the benchmark, and every option in it starts this JVM.
 */
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
    void smallLinesApplyBelowTheirSize() throws Exception {
        Path f = tmp.resolve("opts");
        Files.writeString(f, "-XX:+UseParallelGC\nsmall<1000: -Dsmall=1 -Dquick=1  # only small loads\n-Dafter=1\n");
        assertEquals(List.of("-XX:+UseParallelGC", "-Dafter=1"), LoadJvmOptions.read(f));
        assertEquals(List.of("-XX:+UseParallelGC", "-Dsmall=1", "-Dquick=1", "-Dafter=1"), LoadJvmOptions.forInput(f, 999));
        assertEquals(List.of("-XX:+UseParallelGC", "-Dafter=1"), LoadJvmOptions.forInput(f, 1000));
        assertEquals(List.of("-Dsmall=1", "-Dquick=1"), LoadJvmOptions.smallOnly(f, 0));
        assertEquals(List.of(), LoadJvmOptions.smallOnly(f, 5000));
    }

    /**
     * The launcher, run with a stand-in java that notes its options, adds the shipped file's small-load
     * options exactly when the benchmark's reading of the file does: for no extra file, a file just
     * under the size and one at it (two files adding up count together).
     */
    @Test
    void theLauncherPicksTheSameSmallLoadOptionsAsTheBenchmark() throws Exception {
        Path shipped = Path.of("bin/load-jvm-options");
        Matcher m = Pattern.compile("(?m)^small<(\\d+):").matcher(Files.readString(shipped));
        assertTrue(m.find(), "the shipped file has a small-load line");
        long limit = Long.parseLong(m.group(1));
        assertFalse(LoadJvmOptions.smallOnly(shipped, 0).isEmpty());

        Path project = tmp.resolve("project"), jdk = tmp.resolve("jdk");
        Files.createDirectories(project.resolve("bin"));
        Files.createDirectories(project.resolve("target"));
        for (String name : List.of("chipgraph", "bin/find-jdk", "bin/load-jvm-options"))
            Files.copy(Path.of(name), project.resolve(name));
        project.resolve("chipgraph").toFile().setExecutable(true);
        Files.writeString(project.resolve("target/chipgraph.jar"), "");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
        Files.writeString(jdk.resolve("bin/java"), "#!/usr/bin/env bash\necho \"$*\" >> \"$(dirname \"$0\")/../calls.log\"\n");
        Files.writeString(jdk.resolve("bin/javac"), "#!/bin/sh\n");
        jdk.resolve("bin/java").toFile().setExecutable(true);
        jdk.resolve("bin/javac").toFile().setExecutable(true);
        Path under = project.resolve("under.trig"), at = project.resolve("at.trig"), half = project.resolve("half.trig");
        try (var raf = new RandomAccessFile(under.toFile(), "rw")) { raf.setLength(limit - 1); }
        try (var raf = new RandomAccessFile(at.toFile(), "rw")) { raf.setLength(limit); }
        try (var raf = new RandomAccessFile(half.toFile(), "rw")) { raf.setLength(limit / 2 + 1); }

        String small = String.join(" ", LoadJvmOptions.smallOnly(shipped, 0));
        assertTrue(launched(project, jdk, List.of()).contains(small), "the curated data alone is a small load");
        assertTrue(launched(project, jdk, List.of("under.trig")).contains(small));
        assertFalse(launched(project, jdk, List.of("at.trig")).contains(small));
        assertFalse(launched(project, jdk, List.of("half.trig", "half.trig")).contains(small), "the files are added up");
        assertFalse(LoadJvmOptions.smallOnly(shipped, limit - 1).isEmpty());
        assertTrue(LoadJvmOptions.smallOnly(shipped, limit).isEmpty());
    }

    /** The options the launcher started java with for {@code chipgraph load --db db FILES}. */
    private static String launched(Path project, Path jdk, List<String> files) throws Exception {
        Files.deleteIfExists(jdk.resolve("calls.log"));
        List<String> cmd = new ArrayList<>(List.of("bash", "chipgraph", "load", "--db", "db"));
        cmd.addAll(files);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("CHIPGRAPH_AOT", "off");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String call = Files.readString(jdk.resolve("calls.log")).trim();
        assertTrue(call.endsWith("-jar target/chipgraph.jar " + String.join(" ", cmd.subList(2, cmd.size()))), call);
        return call;
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
