package org.w3id.chipgraph.bench;

import static org.w3id.chipgraph.bench.BenchFiles.*;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.reason.DependencyIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench --scales 1,10 [--runs 3] [--out bench.csv]}: generates a synthetic network per
 * scale and measures, each of ours next to a baseline run in the same invocation on the same
 * input: loading (our loader, phase by phase, against Jena's TDB2 parallel and phased bulk
 * loaders), dependency reasoning (our index against the bare int-array BFS bound, ARQ property
 * paths on the same TDB2 store and Jena's OWL Micro reasoner), HTTP latency (our server
 * against a plain Fuseki on the same store) and resources. Every heavy measurement runs in a
 * child JVM ({@link BenchWorker}); a baseline that passes its time cap is stopped, reported
 * as "did not finish", and not run again at a larger scale. Prints one table per scale and a
 * table of targets, and writes every figure to a CSV file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark chipgraph against Jena baselines on generated networks (see README, 'Performance').",
                "Scale 1 has about 10,000 direct dependency edges, 100 about a million.",
                "'bench load-test' is the load test of the served curated graph (see README, 'Load test')."},
        subcommands = {LoadTestCommand.class, GenerateCommand.class})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scales", defaultValue = "1,10", split = ",", description = "Scales to run (default: ${DEFAULT-VALUE}; 1,10,100 for the big one).")
    List<Double> scales;

    @Option(names = "--runs", defaultValue = "3", description = "Runs of each measurement; figures are medians with min and max (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--out", defaultValue = "bench.csv", description = "CSV file of every figure (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--cap", defaultValue = "10m", description = "Time cap of each baseline, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    String cap;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated networks and of the node sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample", defaultValue = "1000", description = "Nodes asked about over HTTP, the largest hubs included (default: ${DEFAULT-VALUE}).")
    int sampleSize;

    @Option(names = "--arq-nodes", defaultValue = "200", description = "Nodes of the sample asked with in-process ARQ paths (default: ${DEFAULT-VALUE}).")
    int arqNodes;

    @Option(names = "--work", defaultValue = "bench-work", description = "Working directory for files and stores (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--project", defaultValue = ".", description = "The chipgraph checkout (ontology/, data/, queries/) (default: the working directory).")
    Path project;

    @Option(names = "--heap", defaultValue = "8g", description = "-Xmx of the loading, parsing and reasoning workers; of ours too unless --load-heap (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--load-heap", description = "-Xmx of our loader's worker only (default: the value of --heap), "
            + "e.g. 4g to load ours in a small heap while Jena's bulk loaders keep --heap.")
    String loadHeap;

    @Option(names = "--server-heap", defaultValue = "2g", description = "-Xmx of both servers on generated stores (default: ${DEFAULT-VALUE}).")
    String serverHeap;

    @Option(names = "--curated", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the curated graph (served with -Xmx256m) (default: on).")
    boolean curated;

    @Option(names = "--only-what-if", description = "At each scale, load once and measure only what-if, chokepoints and cg:dependsOn counts (issue 17).")
    boolean onlyWhatIf;

    @Option(names = "--rules-check-max-scale", defaultValue = "1", description = "Run the SPARQL rules against the Java fast path up to this scale (default: ${DEFAULT-VALUE}).")
    double rulesCheckMaxScale;

    final Results results = new Results();
    /** Nodes at the start of the sample that are the largest hubs (each way). */
    int hubCount;
    /** Baselines that passed their cap, with where: not run again at a larger scale. */
    final Map<String, String> dnf = new LinkedHashMap<>();
    Duration capDuration;
    PrintStream log;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Integer call() throws Exception {
        capDuration = parseDuration(cap);
        project = project.toAbsolutePath().normalize();
        Files.createDirectories(work);
        log = new PrintStream(Files.newOutputStream(work.resolve("bench.log")), true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        say("chipgraph bench: scales " + scales + ", " + runs + " runs, cap " + cap + ", seed " + seed + "; "
            + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadAverage() + "; " + LocalDateTime.now());
        if (curated)
            curated();
        for (double s : scales)
            scale(s);
        double minutes = (System.nanoTime() - t0) / 6e10;
        say(String.format(Locale.ROOT, "done in %.1f min; load average now %s", minutes, loadAverage()));
        System.out.println();
        results.print(System.out);
        Targets.print(results, System.out);
        results.writeCsv(out);
        System.out.println("Figures written to " + out + "; worker logs in " + work.resolve("bench.log"));
        return ExitCode.OK.code;
    }

    // ------------------------------------------------------------------ the curated graph

    void curated() throws Exception {
        String sc = "curated";
        Path dir = fresh(work.resolve("curated"));
        say("== curated graph");
        Path db = null;
        List<Double> total = new ArrayList<>(), heapPeak = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            db = dir.resolve("db-" + r);
            var res = child("load-ours curated", loadHeap(), loadJvmOptions(null), List.of("load-ours", "--project", project.toString(), "--db", db.toString()), null);
            JsonObject o = res.one();
            total.add(num(o, "seconds"));
            heapPeak.add(num(o, "peakHeap") / 1e6);
            if (r < runs - 1) deleteTree(db);
        }
        results.add(sc, "load", "whole load (ours)", "ours", "s", total, "");
        results.add(sc, "resources", "peak heap, load", "ours", "MB", heapPeak, "");
        results.add(sc, "resources", "store size", "ours", "MB", List.of(storeSize(db) / 1e6), "");
        new ServerBench(this).run(sc, db, "256m", null, List.of());
    }

    // ------------------------------------------------------------------ one scale

    void scale(double s) throws Exception {
        String sc = SupplyNetworkGenerator.fmtScale(s);
        Path dir = fresh(work.resolve("scale-" + sc));
        say("== scale " + sc);
        Path file = dir.resolve("network.trig");
        long t0 = System.nanoTime();
        SupplyNetworkGenerator.Stats st = new SupplyNetworkGenerator(s, seed).generate(file);
        double genSecs = (System.nanoTime() - t0) / 1e9;
        DependencyIndex idx = DependencyIndex.fromEdges(st.iris(), st.edgeFrom(), st.edgeTo());
        long closure = idx.countAllPairs();
        say(String.format(Locale.ROOT, "generated %,d edges, %,d entities, %,d triples, closure %,d pairs (%.1f s)",
                st.edges(), st.nodes(), st.quads(), closure, genSecs));
        results.add(sc, "data", "direct dependency edges", "generator", "", List.of((double) st.edges()), "");
        results.add(sc, "data", "entities", "generator", "", List.of((double) st.nodes()), "");
        results.add(sc, "data", "triples in the file", "generator", "", List.of((double) st.quads()), "");
        results.add(sc, "data", "closure (dependency pairs)", "generator", "", List.of((double) closure), "");
        results.add(sc, "data", "generate", "generator", "s", List.of(genSecs), "");
        List<String> sample = sample(st, idx);
        Path sampleFile = dir.resolve("sample.txt");
        Files.write(sampleFile, sample);
        if (onlyWhatIf) {
            Path db = new LoadBench(this).run(sc, dir, file, 1, true);
            if (db != null)
                new WhatIfBench(this).run(sc, db, dir, st);
            deleteTree(db);
            return;
        }

        // ---- loading: ours, Jena's two bulk loaders and riot --count, interleaved run by run
        Path ours = new LoadBench(this).run(sc, dir, file, runs, false);
        if (ours == null)
            return;   // our load failed (noted): nothing to measure on

        // ---- reasoning
        new ReasoningBench(this).run(sc, s, ours, sampleFile, file);

        // ---- HTTP
        new ServerBench(this).run(sc, ours, serverHeap, sampleFile, sample);
        new WhatIfBench(this).run(sc, ours, dir, st);
        deleteTree(ours);
    }

    // ------------------------------------------------------------------ children


    @Option(names = "--aot", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run our load with an ahead-of-time cache, as ./chipgraph load does after its first load (JDK 25+; default: on).")
    boolean aot;

    private List<String> loadJvm, loadJvmFile;
    private boolean aotUsed;

    /** How our load's JVM was started for a load of {@code file} (null: the curated data alone), for the whole-load row's note. */
    String loadJvmDescription(Path file) throws Exception {
        loadJvmOptions();
        List<String> small = smallLoadOptions(file);
        return "JVM options " + String.join(" ", loadJvmFile) + (small.isEmpty() ? "" : " " + String.join(" ", small) + " (a small load)")
                + " (bin/load-jvm-options)"
                + (aotUsed ? ", ahead-of-time cache recorded from a first load of the curated data" : ", no ahead-of-time cache");
    }

    /** Our loader's JVM options for a load of {@code file} (null: the curated data alone): the launcher adds the "small<" lines by its size. */
    List<String> loadJvmOptions(Path file) throws Exception {
        List<String> opts = new ArrayList<>(loadJvmOptions());
        opts.addAll(smallLoadOptions(file));
        return opts;
    }

    private List<String> smallLoadOptions(Path file) throws Exception {
        return LoadJvmOptions.smallOnly(project.resolve("bin/load-jvm-options"), file == null ? 0 : Files.size(file));
    }

    /**
     * The JVM options `./chipgraph load` runs with for any input: bin/load-jvm-options and, on JDK 25+, an
     * ahead-of-time cache recorded from a first load of the curated data, as the launcher records
     * it from a user's first load (not timed). Our load is measured as it is run.
     */
    List<String> loadJvmOptions() throws Exception {
        if (loadJvm == null) {
            loadJvmFile = LoadJvmOptions.read(project.resolve("bin/load-jvm-options"));
            List<String> opts = new ArrayList<>(loadJvmFile);
            if (aot && Runtime.version().feature() >= 25) {
                List<String> cached = AotCache.train(this, opts, work.resolve("aot"));
                if (cached == null)
                    say("ahead-of-time cache not written: our load runs without it");
                else
                    opts = cached;
                aotUsed = cached != null;
            }
            loadJvm = opts;
        }
        return loadJvm;
    }

    String loadHeap() {
        return loadHeap == null ? heap : loadHeap;
    }

    /**
     * Our serve command as {@code ./chipgraph serve} runs it: the product jar, with the launcher's
     * class-data archive ({@link ServerBench} starts and stops it once, untimed, to write the
     * archive, as a user's first start does), when target/chipgraph.jar is newer than the sources
     * (./chipgraph-bench builds it); otherwise the compiled classes, without an archive.
     */
    List<String> serveCommand(String xmx, List<String> serveArgs) throws IOException {
        List<String> rest = new ArrayList<>();
        if (serveJarIsCurrent()) {
            rest.add("-XX:+ExitOnOutOfMemoryError");
            if (Runtime.version().feature() >= 19)
                rest.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + serveArchive(),
                        "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            rest.addAll(List.of("-jar", project.resolve("target/chipgraph.jar").toString(), "serve"));
        } else {
            rest.addAll(List.of("-cp", System.getProperty("java.class.path"), org.w3id.chipgraph.cli.Main.class.getName(), "serve"));
        }
        rest.addAll(serveArgs);
        return java(xmx, rest);
    }

    /** Where the server's class-data archive is kept (the launcher keeps its own beside the jar). */
    Path serveArchive() {
        return work.resolve("serve-jdk" + Runtime.version().feature() + ".jsa");
    }

    private Boolean jarCurrent;

    /** Whether target/chipgraph.jar is newer than pom.xml and every file under src/main (the launcher's own test). */
    boolean serveJarIsCurrent() throws IOException {
        if (jarCurrent == null) {
            Path jar = project.resolve("target/chipgraph.jar");
            if (!Files.isRegularFile(jar)) {
                jarCurrent = false;
            } else {
                long built = Files.getLastModifiedTime(jar).toMillis();
                try (var sources = Files.walk(project.resolve("src/main"))) {
                    jarCurrent = Files.getLastModifiedTime(project.resolve("pom.xml")).toMillis() < built
                            && sources.filter(Files::isRegularFile).allMatch(f -> {
                                try {
                                    return Files.getLastModifiedTime(f).toMillis() < built;
                                } catch (IOException e) {
                                    return false;
                                }
                            });
                }
            }
        }
        return jarCurrent;
    }

    List<String> java(String xmx, List<String> rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        if (Runtime.version().feature() >= 23)
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.addAll(rest);
        return cmd;
    }

    ChildResult child(String what, String xmx, List<String> args, Duration limit) throws Exception {
        return child(what, xmx, List.of(), args, limit);
    }

    /** A worker with these JVM options besides -Xmx (our loader's: {@link #loadJvmOptions}). */
    ChildResult child(String what, String xmx, List<String> jvmOptions, List<String> args, Duration limit) throws Exception {
        List<String> rest = new ArrayList<>(jvmOptions);
        if (!jvmOptions.contains("-cp"))   // an ahead-of-time cache brings its own (jars only)
            rest.addAll(List.of("-cp", System.getProperty("java.class.path")));
        rest.add(BenchWorker.class.getName());
        List<String> cmd = java(xmx, rest);
        cmd.addAll(args);
        log.println("\n### " + what + "\n$ " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        List<JsonObject> lines = new CopyOnWriteArrayList<>();
        Thread outReader = pump(p.getInputStream(), line -> {
            if (line.startsWith(BenchWorker.RESULT)) lines.add(JSON.parse(line.substring(BenchWorker.RESULT.length())));
            log.println(line);
        });
        Thread errReader = pump(p.getErrorStream(), log::println);
        boolean done = limit == null ? p.waitFor() >= 0 : p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor();
        }
        outReader.join();
        errReader.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (done && p.exitValue() != 0)
            throw new IllegalStateException(what + ": the worker failed (exit " + p.exitValue() + "), see " + work.resolve("bench.log"));
        say(String.format(Locale.ROOT, "%s: %s in %.1f s", what, done ? "done" : "STOPPED at the cap", secs));
        return new ChildResult(new ArrayList<>(lines), !done, secs);
    }

    interface Measure { ChildResult run() throws Exception; }
    interface Record { void accept(ChildResult r); }

    /** A capped baseline: skipped when it did not finish at a smaller scale; reported once as such. */
    void capped(String key, String sc, Measure m, Record rec) throws Exception {
        if (dnf.containsKey(key)) {
            results.note(sc, "reasoning", key, label(key), "not run: " + dnf.get(key));
            return;
        }
        ChildResult r;
        try {
            r = m.run();
        } catch (IllegalStateException e) {
            // A baseline that fails (out of memory at -Xmx, say) is a result too, not the end of the run.
            String msg = "failed at scale " + sc + " with -Xmx" + heap + ": " + e.getMessage();
            say(label(key) + ": " + msg);
            dnf.put(key, msg);
            results.note(sc, "reasoning", key, label(key), msg);
            return;
        }
        rec.accept(r);
        if (r.timedOut()) {
            String msg = "did not finish in " + cap + " at scale " + sc;
            dnf.put(key, msg);
            results.note(sc, "reasoning", key, label(key), msg);
        }
    }

    static String label(String key) {
        return switch (key) {
            case "arq-one", "arq-all" -> "ARQ path";
            case "owl-micro" -> "OWL Micro";
            case "rules" -> "SPARQL rules";
            default -> key;
        };
    }

    // ------------------------------------------------------------------ helpers

    /** 1,000 nodes (or all): the 10 largest hubs each way, then a seeded random sample of the rest. */
    List<String> sample(SupplyNetworkGenerator.Stats st, DependencyIndex idx) {
        int n = idx.size();
        Integer[] byIn = new Integer[n], byOut = new Integer[n];
        for (int i = 0; i < n; i++) { byIn[i] = i; byOut[i] = i; }
        Arrays.sort(byIn, Comparator.comparingInt((Integer i) -> -idx.inDegree(i)).thenComparingInt(i -> i));
        Arrays.sort(byOut, Comparator.comparingInt((Integer i) -> -idx.outDegree(i)).thenComparingInt(i -> i));
        Set<Integer> chosen = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(10, n); i++) { chosen.add(byIn[i]); chosen.add(byOut[i]); }
        hubCount = Math.min(chosen.size(), sampleSize);
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int want = Math.min(sampleSize, n);
        while (chosen.size() < want) chosen.add(rnd.nextInt(n));
        List<String> out = new ArrayList<>();
        for (int i : chosen) out.add(idx.iri(i));
        return out;
    }

    private final long started = System.nanoTime();

    /** A progress line, with the minutes since the start (to see where a run's time goes). */
    void say(String s) {
        String line = String.format(Locale.ROOT, "[bench %5.1f min] %s", (System.nanoTime() - started) / 6e10, s);
        System.out.println(line);
        System.out.flush();
        log.println(line);
    }
}
