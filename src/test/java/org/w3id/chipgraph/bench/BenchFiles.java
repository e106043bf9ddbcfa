package org.w3id.chipgraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.w3id.chipgraph.store.VersionedStore;

/** Small helpers of the benchmark: JSON numbers, durations, ports, disk sizes, directories, output pumps. */
final class BenchFiles {
    private BenchFiles() {}

    static double num(JsonObject o, String k) {
        JsonValue v = o.get(k);
        return v == null || v.isNull() ? Double.NaN : v.getAsNumber().value().doubleValue();
    }

    static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).getAsNumber().value().doubleValue();
        return d;
    }

    static List<Double> list(JsonArray a) {
        List<Double> l = new ArrayList<>();
        for (double d : doubles(a)) l.add(d);
        return l;
    }

    static Duration parseDuration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        if (t.endsWith("m")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        if (t.endsWith("h")) return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 3_600_000));
        return Duration.ofSeconds(Long.parseLong(t));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // No /proc (not Linux): the load average is only shown, never used.
            return "?";
        }
    }

    /** Size on disk of the published store version (the TDB2 database and the index file). */
    static long storeSize(Path db) throws IOException {
        var store = new VersionedStore(db);
        return dirSize(store.locationOf(store.currentVersion().orElseThrow()));
    }

    /** Bytes on disk (du: allocated blocks; TDB2 files are mapped and may be sparse), else the sum of file sizes. */
    static long dirSize(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String outText = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (du.waitFor() == 0)
                return Long.parseLong(outText.split("\\s+")[0]) * 1024;
        } catch (Exception e) {
            // no du: file sizes below
        }
        AtomicLong n = new AtomicLong();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    n.addAndGet(Files.size(p));
                } catch (IOException ignored) {
                    // A file removed while walking has no size to count.
                }
            });
        }
        return n.get();
    }

    static Path fresh(Path dir) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Thread pump(InputStream in, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) sink.accept(line);
            } catch (IOException e) {
                // the child is gone
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
