package org.w3id.chipgraph.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The bench's ahead-of-time cache for our load workers, made the way ./chipgraph makes the
 * launcher's: one load of the curated data recorded (not timed), then a cache written from the
 * recording. A JVM maps such a cache only from a class path of jars, so the bench's class
 * directories are packed into one jar first.
 */
final class AotCache {
    private AotCache() {}

    /** {@code opts} with the cache and its class path, or null when it could not be made. */
    static List<String> train(BenchCommand b, List<String> opts, Path dir) throws Exception {
        Files.createDirectories(dir);
        String cp = jarClassPath(dir.resolve("bench-classes.jar"));
        Path conf = dir.resolve("load.aotconf"), cache = dir.resolve("load.aot");
        Files.deleteIfExists(conf);
        Files.deleteIfExists(cache);
        List<String> quiet = List.of("-Xlog:aot=off", "-Xlog:cds=off");

        List<String> record = new ArrayList<>(opts);
        record.addAll(quiet);
        record.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + conf, "-cp", cp));
        Path db = dir.resolve("db");
        BenchFiles.deleteTree(db);
        b.child("load-ours, recorded for the ahead-of-time cache", b.loadHeap(), record,
                List.of("load-ours", "--project", b.project.toString(), "--db", db.toString()), null).one();
        BenchFiles.deleteTree(db);

        List<String> create = b.java(b.loadHeap(), new ArrayList<>(opts));
        create.addAll(quiet);
        create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf, "-XX:AOTCache=" + cache,
                "-cp", cp, BenchWorker.class.getName()));
        Process p = new ProcessBuilder(create).redirectErrorStream(true).redirectOutput(dir.resolve("create.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return null;
        }
        Files.deleteIfExists(conf);
        if (p.exitValue() != 0 || !Files.isRegularFile(cache))
            return null;
        List<String> out = new ArrayList<>(opts);
        out.addAll(quiet);
        out.addAll(List.of("-XX:AOTCache=" + cache, "-cp", cp));
        return out;
    }

    /** This JVM's class path with its directories packed into {@code jar}: jars only. */
    static String jarClassPath(Path jar) throws IOException {
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        List<Path> dirs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isEmpty()) continue;
            if (Files.isDirectory(Path.of(e))) dirs.add(Path.of(e));
            else entries.add(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Set<String> seen = new HashSet<>();
            for (Path d : dirs)
                try (Stream<Path> files = Files.walk(d)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = d.relativize(f).toString().replace(File.separatorChar, '/');
                        if (!seen.add(name)) continue;   // the first on the class path wins, as for the JVM
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(f, (OutputStream) out);
                        out.closeEntry();
                    }
                }
        }
        return String.join(File.pathSeparator, entries);
    }
}
