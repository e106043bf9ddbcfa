package org.w3id.chipgraph.bench;

import static org.w3id.chipgraph.bench.BenchFiles.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.json.JsonObject;

/**
 * The loading measurements of one scale: our loader (with {@code --load-heap}) phase by phase,
 * Jena's two TDB2 bulk loaders and Jena's {@code riot --count} on the same file, interleaved run
 * by run so that all see the same machine.
 */
final class LoadBench {
    static final String RIOT = "parsing: riot --count, the same files", RIOT_FILE = "parsing: riot --count, the generated file",
            PARSING = "  phase: parsing files", PARSING_ALONE = "parsing: ours alone, the same files";

    private final BenchCommand b;
    private final Map<String, List<Double>> phases = new LinkedHashMap<>(), phaseHeap = new LinkedHashMap<>();
    private final List<Double> total = new ArrayList<>(), quads = new ArrayList<>(), heap = new ArrayList<>(), size = new ArrayList<>(),
            closure = new ArrayList<>(), indexPairs = new ArrayList<>(), parseAlone = new ArrayList<>(), riot = new ArrayList<>(), riotFile = new ArrayList<>();
    private final Map<String, List<Double>> jenaSecs = new LinkedHashMap<>(), jenaQuads = new LinkedHashMap<>(),
            jenaHeap = new LinkedHashMap<>(), jenaSize = new LinkedHashMap<>();

    LoadBench(BenchCommand b) {
        this.b = b;
    }

    /** Loads: ours, the bulk loaders (unless {@code ourLoadOnly}) and riot, {@code ourRuns} of ours; returns our last store or null if ours failed. */
    Path run(String sc, Path dir, Path file, int ourRuns, boolean ourLoadOnly) throws Exception {
        Path ours = null;
        for (int r = 0; r < b.runs; r++) {
            if (r < ourRuns) {
                if (ours != null) deleteTree(ours);
                ours = dir.resolve("db-ours-" + r);
                if (!ours(sc, ours, file)) return null;
            }
            if (!ourLoadOnly)
                for (String loader : List.of("parallel", "phased")) jena(sc, dir, file, loader);
            riotFiles = (int) num(riotCount(sc, List.of("--project", b.project.toString(), "--file", file.toString()), riot), "files");
            parseAlone.add(num(b.child("parse-ours scale " + sc, b.loadHeap(), b.loadJvmOptions(file), List.of("parse-ours", "--project",
                    b.project.toString(), "--file", file.toString()), null).one(), "seconds"));
            riotCount(sc, List.of("--file", file.toString()), riotFile);
        }
        record(sc, file, ourRuns < b.runs ? "one load (--only-what-if)" : "");
        return ours;
    }

    private int riotFiles;

    private JsonObject riotCount(String sc, List<String> args, List<Double> into) throws Exception {
        List<String> a = new ArrayList<>(List.of("parse-count"));
        a.addAll(args);
        JsonObject o = b.child("riot --count scale " + sc, b.heap, a, null).one();
        into.add(num(o, "seconds"));
        return o;
    }

    /** One load of ours; false (and a note) if it failed, at -Xmx of --load-heap say. */
    private boolean ours(String sc, Path db, Path file) throws Exception {
        JsonObject o;
        try {
            o = b.child("load-ours scale " + sc, b.loadHeap(), b.loadJvmOptions(file), List.of("load-ours", "--project", b.project.toString(),
                    "--db", db.toString(), "--file", file.toString()), null).one();
        } catch (IllegalStateException e) {
            b.say("our load failed with -Xmx" + b.loadHeap() + ": " + e.getMessage());
            b.results.note(sc, "load", "whole load (ours)", "ours", "failed with -Xmx" + b.loadHeap() + ": " + e.getMessage());
            return false;
        }
        total.add(num(o, "seconds"));
        quads.add(num(o, "quads"));
        heap.add(num(o, "peakHeap") / 1e6);
        size.add(storeSize(db) / 1e6);
        if (o.hasKey("closureMaterialized"))
            closure.add(o.get("closureMaterialized").getAsBoolean().value() ? 1.0 : 0.0);
        if (o.hasKey("indexPairs"))
            indexPairs.add(num(o, "indexPairs"));
        add(phases, o.get("phases").getAsObject(), 1);
        add(phaseHeap, o.get("peakHeapPerPhase").getAsObject(), 1e6);
        return true;
    }

    private static void add(Map<String, List<Double>> into, JsonObject values, double divisor) {
        for (String k : values.keys())
            into.computeIfAbsent(k, x -> new ArrayList<>()).add(values.get(k).getAsNumber().value().doubleValue() / divisor);
    }

    private void jena(String sc, Path dir, Path file, String loader) throws Exception {
        Path jdb = dir.resolve("db-jena-" + loader);
        deleteTree(jdb);
        JsonObject j = b.child("tdb2 " + loader + " loader scale " + sc, b.heap, List.of("load-jena", "--loader", loader,
                "--db", jdb.toString(), "--file", file.toString()), null).one();
        jenaSecs.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "seconds"));
        jenaQuads.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "quads"));
        jenaHeap.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "peakHeap") / 1e6);
        jenaSize.computeIfAbsent(loader, x -> new ArrayList<>()).add(dirSize(jdb) / 1e6);
        deleteTree(jdb);
    }

    static final String STORE_WRITING = "store writing (its own time)";

    private void record(String sc, Path file, String oursNote) throws Exception {
        Results res = b.results;
        String jvm = b.loadJvmDescription(file);
        res.add(sc, "load", "whole load (ours)", "ours", "s", total, join("parse, validate, reason, write TDB2; -Xmx" + b.loadHeap()
                + "; " + jvm, oursNote));
        phases.forEach((k, v) -> res.add(sc, "load", "  phase: " + k, "ours", "s", v, ""));
        res.add(sc, "load", PARSING_ALONE, "ours", "s", parseAlone, "our loader's parse step alone, in its own JVM as riot is, run as often as riot;"
                + " -Xmx" + b.loadHeap() + ", the load's JVM options");
        res.add(sc, "load", RIOT, "jena", "s", riot, "Jena's parser alone on the " + riotFiles + " files our loader parses, -Xmx" + b.heap);
        res.add(sc, "load", RIOT_FILE, "jena", "s", riotFile, "the generated file alone");
        if (!closure.isEmpty())
            res.add(sc, "load", "closure materialized", "ours", "", closure, closure.get(0) > 0 ? "yes (1)" : "no (0): over --closure-limit");
        if (!indexPairs.isEmpty())
            res.add(sc, "load", LoadTargets.INDEX_PAIRS, "ours", "", indexPairs, "the file with the curated and open data: the index build's unit of work");
        // The store is written beside validation and reasoning: its own time, not the step that waits for it.
        String writeKey = phases.containsKey(STORE_WRITING) ? STORE_WRITING
                : phases.keySet().stream().filter(k -> k.startsWith("writing a new store")).findFirst().orElse(null);
        if (writeKey != null)
            res.add(sc, "load", "write phase throughput", "ours", "quads/s", ratios(quads, phases.get(writeKey)),
                    "quads written to TDB2 / the writer's own time (information: it is Jena's TDB2, beside the other steps)");
        res.add(sc, "load", "quads written", "ours", "", quads, "file + curated data + inferred + explanations");
        res.add(sc, "load", "whole load throughput", "ours", "quads/s", ratios(quads, total), "quads written / whole load");
        for (String loader : jenaSecs.keySet()) {
            res.add(sc, "load", "TDB2 " + loader + " bulk loader", "jena", "s", jenaSecs.get(loader), "the generated file");
            res.add(sc, "load", "TDB2 " + loader + " throughput", "jena", "quads/s", ratios(jenaQuads.get(loader), jenaSecs.get(loader)), "");
            res.add(sc, "resources", "peak heap, TDB2 " + loader + " loader", "jena", "MB", jenaHeap.get(loader), "");
            res.add(sc, "resources", "store size, TDB2 " + loader + " loader", "jena", "MB", jenaSize.get(loader), "the file only");
        }
        res.add(sc, "resources", "heap limit of our loader", "ours", "MB", List.of(megabytes(b.loadHeap())), "-Xmx" + b.loadHeap());
        res.add(sc, "resources", "peak heap, load", "ours", "MB", heap, "polled every 10 ms");
        phaseHeap.forEach((k, v) -> res.add(sc, "resources", "peak heap, phase: " + k, "ours", "MB", v,
                "the loader's figure: heap in use sampled every 10 ms during the step"));
        res.add(sc, "resources", "store size", "ours", "MB", size, "with inferred triples and the index file");
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + "; " + b;
    }

    private static List<Double> ratios(List<Double> num, List<Double> den) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < Math.min(num.size(), den.size()); i++) out.add(num.get(i) / den.get(i));
        return out;
    }

    /** -Xmx syntax (4g, 512m, 1024k, bytes) in MB of 10^6 bytes, as the peak heap rows. */
    static double megabytes(String xmx) {
        String s = xmx.strip().toLowerCase(Locale.ROOT);
        double n = Double.parseDouble(s.replaceAll("[kmgt]$", ""));
        double unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            case 't' -> 1L << 40;
            default -> 1;
        };
        return n * unit / 1e6;
    }
}
