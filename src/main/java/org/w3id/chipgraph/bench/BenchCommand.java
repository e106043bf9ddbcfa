package org.w3id.chipgraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.OWL2;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyFunctions;
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
        subcommands = {org.w3id.chipgraph.cli.LoadTestCommand.class})
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

    @Option(names = "--heap", defaultValue = "8g", description = "-Xmx of loading and reasoning workers (default: ${DEFAULT-VALUE}).")
    String heap;

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
    /** Baselines that passed their cap, with where: not run again at a larger scale. */
    private final Map<String, String> dnf = new LinkedHashMap<>();
    Duration capDuration;
    private PrintStream log;
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
        return 0;
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
            var res = child("load-ours curated", heap, List.of("load-ours", "--project", project.toString(), "--db", db.toString()), null);
            JsonObject o = res.one();
            total.add(num(o, "seconds"));
            heapPeak.add(num(o, "peakHeap") / 1e6);
            if (r < runs - 1) deleteTree(db);
        }
        results.add(sc, "load", "whole load (ours)", "ours", "s", total, "");
        results.add(sc, "resources", "peak heap, load", "ours", "MB", heapPeak, "");
        results.add(sc, "resources", "store size", "ours", "MB", List.of(storeSize(db) / 1e6), "");
        serverRuns(sc, db, "256m", null, List.of());
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
            Path db = dir.resolve("db-whatif");
            child("load-ours scale " + sc, heap, List.of("load-ours", "--project", project.toString(),
                    "--db", db.toString(), "--file", file.toString()), null).one();
            new WhatIfBench(this).run(sc, db, dir, st);
            deleteTree(db);
            return;
        }

        // ---- loading: ours and Jena's two bulk loaders, interleaved run by run
        Path ours = null;
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        List<Double> oursTotal = new ArrayList<>(), oursQuads = new ArrayList<>(), oursHeap = new ArrayList<>(), oursSize = new ArrayList<>();
        Map<String, List<Double>> jenaSecs = new LinkedHashMap<>(), jenaQuads = new LinkedHashMap<>(), jenaHeap = new LinkedHashMap<>(),
                jenaSize = new LinkedHashMap<>();
        for (int r = 0; r < runs; r++) {
            if (ours != null) deleteTree(ours);
            ours = dir.resolve("db-ours-" + r);
            JsonObject o = child("load-ours scale " + sc, heap, List.of("load-ours", "--project", project.toString(),
                    "--db", ours.toString(), "--file", file.toString()), null).one();
            oursTotal.add(num(o, "seconds"));
            oursQuads.add(num(o, "quads"));
            oursHeap.add(num(o, "peakHeap") / 1e6);
            oursSize.add(storeSize(ours) / 1e6);
            JsonObject ph = o.get("phases").getAsObject();
            for (String k : ph.keys())
                phases.computeIfAbsent(k, x -> new ArrayList<>()).add(ph.get(k).getAsNumber().value().doubleValue());
            for (String loader : List.of("parallel", "phased")) {
                Path jdb = dir.resolve("db-jena-" + loader);
                deleteTree(jdb);
                JsonObject j = child("tdb2 " + loader + " loader scale " + sc, heap, List.of("load-jena", "--loader", loader,
                        "--db", jdb.toString(), "--file", file.toString()), null).one();
                jenaSecs.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "seconds"));
                jenaQuads.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "quads"));
                jenaHeap.computeIfAbsent(loader, x -> new ArrayList<>()).add(num(j, "peakHeap") / 1e6);
                jenaSize.computeIfAbsent(loader, x -> new ArrayList<>()).add(dirSize(jdb) / 1e6);
                deleteTree(jdb);
            }
        }
        results.add(sc, "load", "whole load (ours)", "ours", "s", oursTotal, "parse, validate, reason, write TDB2");
        phases.forEach((k, v) -> results.add(sc, "load", "  phase: " + k, "ours", "s", v, ""));
        String writeKey = phases.keySet().stream().filter(k -> k.startsWith("writing a new store")).findFirst().orElse(null);
        if (writeKey != null) {
            List<Double> tput = new ArrayList<>();
            for (int i = 0; i < oursQuads.size(); i++) tput.add(oursQuads.get(i) / phases.get(writeKey).get(i));
            results.add(sc, "load", "write phase throughput", "ours", "quads/s", tput, "quads written to TDB2 / write phase");
        }
        List<Double> wholeTput = new ArrayList<>();
        for (int i = 0; i < oursQuads.size(); i++) wholeTput.add(oursQuads.get(i) / oursTotal.get(i));
        results.add(sc, "load", "quads written", "ours", "", oursQuads, "file + curated data + inferred + explanations");
        results.add(sc, "load", "whole load throughput", "ours", "quads/s", wholeTput, "quads written / whole load");
        for (String loader : jenaSecs.keySet()) {
            results.add(sc, "load", "TDB2 " + loader + " bulk loader", "jena", "s", jenaSecs.get(loader), "the generated file");
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < jenaSecs.get(loader).size(); i++) t.add(jenaQuads.get(loader).get(i) / jenaSecs.get(loader).get(i));
            results.add(sc, "load", "TDB2 " + loader + " throughput", "jena", "quads/s", t, "");
            results.add(sc, "resources", "peak heap, TDB2 " + loader + " loader", "jena", "MB", jenaHeap.get(loader), "");
            results.add(sc, "resources", "store size, TDB2 " + loader + " loader", "jena", "MB", jenaSize.get(loader), "the file only");
        }
        results.add(sc, "resources", "peak heap, load", "ours", "MB", oursHeap, "everything in memory until written");
        results.add(sc, "resources", "store size", "ours", "MB", oursSize, "with inferred triples and the index file");

        // ---- reasoning
        reasoning(sc, s, ours, sampleFile, file);

        // ---- HTTP
        serverRuns(sc, ours, serverHeap, sampleFile, sample);
        new WhatIfBench(this).run(sc, ours, dir, st);
        deleteTree(ours);
    }

    void reasoning(String sc, double s, Path db, Path sampleFile, Path file) throws Exception {
        var ours = child("reason-ours scale " + sc, heap, List.of("reason-ours", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--runs", Integer.toString(runs)), null);
        JsonObject one = ours.part("one"), all = ours.part("all"), bound = ours.part("bound");
        results.add(sc, "reasoning", "index file read", "ours", "s", List.of(num(one, "indexRead")), "at server start, in the background");
        double[] ms = doubles(one.get("ms").getAsArray());
        results.addPercentiles(sc, "reasoning", "one node, both ways (in process)", "ours", ms,
                "BFS over int arrays, every answer");
        results.add(sc, "reasoning", "all pairs", "ours", "s", list(all.get("seconds").getAsArray()),
                String.format(Locale.ROOT, "%,d pairs, %d threads", (long) num(all, "pairs"), (long) num(all, "threads")));
        results.add(sc, "reasoning", "all pairs: int-array BFS bound", "bound", "s", list(bound.get("seconds").getAsArray()), "one thread");
        results.add(sc, "resources", "peak heap, index", "ours", "MB", List.of(num(bound, "peakHeap") / 1e6), "");
        String path = dependencyPath();
        List<String> props = directDependencyProperties();

        capped("arq-one", sc, () -> child("ARQ property path, one node, scale " + sc, heap, List.of("arq-one", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--nodes", Integer.toString(arqNodes), "--path", path), capDuration), res -> {
            JsonObject o = res.part("one");
            if (o == null) return;  // stopped at the cap before it reported
            results.addPercentiles(sc, "reasoning", "one node, both ways (in process)", "ARQ path", doubles(o.get("ms").getAsArray()),
                    "COUNT(DISTINCT) over (direct edges)+ on TDB2, " + arqNodes + " nodes");
            results.add(sc, "resources", "peak heap, ARQ path one node", "ARQ path", "MB", List.of(num(o, "peakHeap") / 1e6), "");
        });
        capped("arq-all", sc, () -> child("ARQ property path, all pairs, scale " + sc, heap, List.of("arq-all", "--db", db.toString(),
                "--path", path), capDuration), res -> {
            JsonObject o = res.part("all");
            if (o == null) return;  // stopped at the cap: noted by capped()
            results.add(sc, "reasoning", "all pairs", "ARQ path", "s", List.of(num(o, "seconds")),
                    String.format(Locale.ROOT, "%,d pairs", (long) num(o, "pairs")));
            results.add(sc, "resources", "peak heap, ARQ path all pairs", "ARQ path", "MB", List.of(num(o, "peakHeap") / 1e6), "");
        });
        capped("owl-micro", sc, () -> child("OWL Micro, scale " + sc, heap, List.of("owl-micro", "--db", db.toString(),
                "--sample", sampleFile.toString(), "--properties", String.join(",", owlMicroInputProperties(props))), capDuration), res -> {
            JsonObject p = res.part("prepare"), o = res.part("one"), a = res.part("all");
            if (p != null)
                results.add(sc, "reasoning", "OWL Micro prepare", "OWL Micro", "s", List.of(num(p, "seconds")),
                        String.format(Locale.ROOT, "ontology + %,d direct edges in memory", (long) num(p, "edges")));
            if (o != null)
                results.add(sc, "reasoning", "one node (largest hub), after prepare", "OWL Micro", "s", List.of(num(o, "seconds")), "");
            if (a != null) {
                results.add(sc, "reasoning", "all pairs", "OWL Micro", "s", List.of(num(a, "seconds") + (p == null ? 0 : num(p, "seconds"))),
                        String.format(Locale.ROOT, "prepare + list, %,d pairs", (long) num(a, "pairs")));
                results.add(sc, "resources", "peak heap, OWL Micro", "OWL Micro", "MB", List.of(num(a, "peakHeap") / 1e6), "");
            }
        });
        if (s <= rulesCheckMaxScale)
            capped("rules", sc, () -> child("SPARQL rules vs Java fast path, scale " + sc, heap, List.of("rules", "--project",
                    project.toString(), "--file", file.toString()), capDuration), res -> {
                JsonObject j = res.part("java"), q = res.part("sparql");
                if (j != null)
                    results.add(sc, "reasoning", "rules to fixpoint (closure included)", "ours", "s", List.of(num(j, "seconds")),
                            String.format(Locale.ROOT, "Java fast path, %,d triples", (long) num(j, "inferred")));
                if (q != null)
                    results.add(sc, "reasoning", "rules to fixpoint (closure included)", "SPARQL rules", "s", List.of(num(q, "seconds")),
                            "same triples: " + q.get("equal").getAsBoolean().value());
            });
    }

    // ------------------------------------------------------------------ servers over HTTP

    void serverRuns(String sc, Path db, String xmx, Path sampleFile, List<String> sample) throws Exception {
        List<CatalogQuery> catalogue = QueryCatalog.in(project.resolve("queries")).queries().stream()
                .filter(q -> !q.tags().contains("federated")).toList();
        // ---- ours: the real serve command
        int port = freePort();
        Path srvLog = work.resolve("server-ours.log");
        List<String> cmd = java(xmx, List.of("-cp", System.getProperty("java.class.path"), "org.w3id.chipgraph.cli.Main",
                "serve", "--db", db.toString(), "--project", project.toString(), "--port", Integer.toString(port), "--localhost"));
        String base = "http://localhost:" + port;
        Server ours = Server.start(cmd, srvLog, base + "/$/ping", http);
        say(String.format(Locale.ROOT, "our server ready in %.2f s (-Xmx%s)", ours.readySeconds, xmx));
        results.add(sc, "resources", "server start to ready", "ours", "s", List.of(ours.readySeconds), "from a built store, -Xmx" + xmx);
        HeapPoller heapOurs = new HeapPoller(http, base + "/$/metrics");
        try {
            catalogue(sc, "ours", base + "/chipgraph/sparql", catalogue);
            if (sampleFile != null) {
                questions(sc, "ours: /api", sample, (iri, forward) -> base + "/api/" + (forward ? "dependencies" : "dependents")
                        + "?limit=100&of=" + URLEncoder.encode(iri, StandardCharsets.UTF_8), null, null);
                questions(sc, "ours: cgf via SPARQL", sample, null, base + "/chipgraph/sparql",
                        "<" + DependencyFunctions.NS + "dependsOn>");
            }
        } finally {
            heapOurs.stop();
            ours.stop();
        }
        results.add(sc, "resources", "peak heap, server", "ours", "MB", List.of(heapOurs.peak / 1e6), "polled from /$/metrics, -Xmx" + xmx);
        if (sampleFile == null)
            return;
        // ---- a plain Fuseki on the same store
        int port2 = freePort();
        long timeoutMs = Math.min(capDuration.toMillis(), 60_000);
        List<String> cmd2 = java(xmx, List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName(),
                "serve-plain", "--db", db.toString(), "--port", Integer.toString(port2), "--timeout-ms", Long.toString(timeoutMs)));
        String base2 = "http://localhost:" + port2;
        Server plain = Server.start(cmd2, work.resolve("server-plain.log"), base2 + "/$/ping", http);
        results.add(sc, "resources", "server start to ready", "plain Fuseki", "s", List.of(plain.readySeconds), "-Xmx" + xmx);
        HeapPoller heapPlain = new HeapPoller(http, base2 + "/$/metrics");
        try {
            catalogue(sc, "plain Fuseki", base2 + "/ds/sparql", catalogue);
            if (dnf.containsKey("http-path"))
                results.note(sc, "queries", "who depends on X / what X depends on", "ARQ path via plain Fuseki", dnf.get("http-path"));
            else
                questions(sc, "ARQ path via plain Fuseki", sample, null, base2 + "/ds/sparql", dependencyPath());
        } finally {
            heapPlain.stop();
            plain.stop();
        }
        results.add(sc, "resources", "peak heap, server", "plain Fuseki", "MB", List.of(heapPlain.peak / 1e6), "polled from /$/metrics, -Xmx" + xmx);
    }

    /** Each catalogue query (parameters at their defaults) {@value #CATALOGUE_REPEATS} times a run: p50 and p99 of every request. */
    void catalogue(String sc, String system, String endpoint, List<CatalogQuery> catalogue) throws Exception {
        List<String> texts = new ArrayList<>(), timedOut = new ArrayList<>();
        for (CatalogQuery q : catalogue) {
            var bind = QueryRunner.bindings(q, Map.of());
            String text = org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(q.parse(), bind).toString();
            // Warm-up; a query that passes the server's timeout here is reported and left out of the timings.
            try {
                sparql(endpoint, text);
                texts.add(text);
            } catch (CapReached e) {
                timedOut.add(q.name());
            }
        }
        if (!timedOut.isEmpty()) {
            say(system + ": catalogue queries over the server's timeout, left out: " + timedOut);
            results.note(sc, "queries", "catalogue queries over the server's timeout", system, String.join(", ", timedOut));
        }
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<Double> ms = new ArrayList<>();
            for (int rep = 0; rep < CATALOGUE_REPEATS; rep++)
                for (String t : texts) {
                    long t0 = System.nanoTime();
                    sparql(endpoint, t);
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            p50.add(Results.percentile(ms, 50));
            p99.add(Results.percentile(ms, 99));
        }
        results.add(sc, "queries", "catalogue queries p50 (" + texts.size() + " queries x " + CATALOGUE_REPEATS + ")", system, "ms", p50, "");
        results.add(sc, "queries", "catalogue queries p99", system, "ms", p99, "");
    }

    /** Requests of each catalogue query per run: 5 x 46 queries x 3 runs = 690 timings a server. */
    static final int CATALOGUE_REPEATS = 5;

    interface UrlFor { String url(String iri, boolean forward); }

    /**
     * "What does X depend on" and "who depends on X" for every sampled node, count and first
     * 100 answers in one request: our /api (url), or a SPARQL query with the given predicate
     * or path (endpoint). p50 and p99 per run; counts checked against the index.
     */
    void questions(String sc, String system, List<String> sample, UrlFor url, String endpoint, String pathOrProp) throws Exception {
        long capAt = System.nanoTime() + capDuration.toNanos();
        boolean baseline = system.startsWith("ARQ");
        List<Double> p50 = new ArrayList<>(), p99 = new ArrayList<>(), mean = new ArrayList<>();
        int warm = Math.min(100, sample.size());
        long answered = 0, questions = 0;
        try {
            for (int i = 0; i < warm; i++)
                for (boolean f : new boolean[] {true, false})
                    ask(url, endpoint, pathOrProp, sample.get(i), f, capAt);
            for (int r = 0; r < runs; r++) {
                List<Double> ms = new ArrayList<>();
                for (String iri : sample)
                    for (boolean f : new boolean[] {true, false}) {
                        long t0 = System.nanoTime();
                        answered += ask(url, endpoint, pathOrProp, iri, f, capAt);
                        ms.add((System.nanoTime() - t0) / 1e6);
                        questions++;
                    }
                p50.add(Results.percentile(ms, 50));
                p99.add(Results.percentile(ms, 99));
                mean.add(ms.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
        } catch (CapReached e) {
            String msg = "did not finish in " + cap + " (" + questions + " questions answered) at scale " + sc;
            if (baseline) dnf.put("http-path", msg);
            results.note(sc, "queries", "who depends on X / what X depends on", system, msg);
            if (p50.isEmpty()) return;
        }
        String note = sample.size() + " nodes x 2 questions, count + first 100 in one request";
        results.add(sc, "queries", "who depends on X / what X depends on: p50", system, "ms", p50, note);
        results.add(sc, "queries", "who depends on X / what X depends on: p99", system, "ms", p99, "");
        results.add(sc, "queries", "who depends on X / what X depends on: mean", system, "ms", mean, "");
        say(String.format(Locale.ROOT, "%s: %,d questions, %,d answers counted", system, questions, answered));
    }

    static final class CapReached extends RuntimeException {
        CapReached() { super(null, null, false, false); }
    }

    /** One question: returns the count of answers. */
    long ask(UrlFor url, String endpoint, String pathOrProp, String iri, boolean forward, long capAt) throws Exception {
        long left = capAt - System.nanoTime();
        if (left <= 0)
            throw new CapReached();
        if (url != null) {
            Http.Response r = Http.get(url.url(iri, forward), "application/json", Duration.ofNanos(left));
            if (r.status() != 200)
                throw new IllegalStateException("HTTP " + r.status() + " for " + url.url(iri, forward) + ": " + r.body());
            return r.totalCount() == null ? 0 : Long.parseLong(r.totalCount());
        }
        String x = "<" + iri + ">";
        String pattern = forward ? x + " " + pathOrProp + " ?z" : "?z " + pathOrProp + " " + x;
        String patternY = forward ? x + " " + pathOrProp + " ?y" : "?y " + pathOrProp + " " + x;
        String q = "SELECT ?n ?y WHERE { { SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE { " + pattern + " } } "
                   + "OPTIONAL { SELECT DISTINCT ?y WHERE { " + patternY + " } LIMIT 100 } }";
        try {
            String body = sparql(endpoint, q, Duration.ofNanos(left));
            int i = body.indexOf("\"n\"");
            if (i < 0) return 0;
            int v = body.indexOf("\"value\"", i);
            int a = body.indexOf('"', v + 8) + 1, b = body.indexOf('"', a);
            return Long.parseLong(body.substring(a, b));
        } catch (java.net.SocketTimeoutException e) {
            throw new CapReached();
        }
    }

    String sparql(String endpoint, String query) throws Exception {
        return sparql(endpoint, query, Duration.ofMinutes(5));
    }

    String sparql(String endpoint, String query, Duration timeout) throws Exception {
        Http.Response r = Http.postQuery(endpoint, query, timeout);
        if (r.status() == 503 || r.status() == 504)
            throw new CapReached();
        if (r.status() != 200)
            throw new IllegalStateException("HTTP " + r.status() + " from " + endpoint + ": " + r.body());
        return r.body();
    }

    // ------------------------------------------------------------------ children

    record ChildResult(List<JsonObject> lines, boolean timedOut, double seconds) {
        JsonObject one() {
            if (lines.isEmpty()) throw new IllegalStateException("the worker gave no result (see bench.log)");
            return lines.get(lines.size() - 1);
        }
        JsonObject part(String name) {
            for (JsonObject o : lines)
                if (o.hasKey("part") && name.equals(o.get("part").getAsString().value())) return o;
            return null;
        }
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
        List<String> cmd = java(xmx, new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName())));
        cmd.addAll(args);
        log.println("\n### " + what + "\n$ " + String.join(" ", cmd));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        List<JsonObject> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
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

    static Thread pump(InputStream in, java.util.function.Consumer<String> sink) {
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

    /** A server child: started, ready when its ping answers, stopped by closing its input (or killed). */
    static final class Server {
        Process process;
        double readySeconds;

        static Server start(List<String> cmd, Path log, String ping, HttpClient http) throws Exception {
            Server s = new Server();
            long t0 = System.nanoTime();
            s.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            while (true) {
                if (!s.process.isAlive())
                    throw new IllegalStateException("server exited: see " + log);
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(ping)).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) break;
                } catch (IOException e) {
                    // not listening yet
                }
                if (System.nanoTime() - t0 > 300e9)
                    throw new IllegalStateException("server not ready after 5 minutes: see " + log);
                Thread.sleep(10);
            }
            s.readySeconds = (System.nanoTime() - t0) / 1e9;
            return s;
        }

        /** A worker server stops when its input closes; the serve command on SIGTERM. */
        void stop() throws InterruptedException {
            try (OutputStream o = process.getOutputStream()) {
                o.write('\n');
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS))
                    process.destroyForcibly();
            }
            process.waitFor();
        }
    }

    /** Polls a server's Prometheus metrics for the heap in use, keeping the largest. */
    static final class HeapPoller {
        volatile long peak;
        private final Thread thread;
        private volatile boolean running = true;

        HeapPoller(HttpClient http, String url) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        String body = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        long sum = 0;
                        for (String line : body.split("\n"))
                            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        if (sum > peak) peak = sum;
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // try again
                    }
                }
            }, "heap-poller");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
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
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        int want = Math.min(sampleSize, n);
        while (chosen.size() < want) chosen.add(rnd.nextInt(n));
        List<String> out = new ArrayList<>();
        for (int i : chosen) out.add(idx.iri(i));
        return out;
    }

    /** Direct dependency properties: every sub-property of cg:dependsOn in the ontology. */
    List<String> directDependencyProperties() {
        Graph g = RDFParser.source(project.resolve("ontology/chipgraph.ttl")).toGraph();
        Node dependsOn = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
        Set<Node> subs = new LinkedHashSet<>();
        List<Node> todo = new ArrayList<>(List.of(dependsOn));
        while (!todo.isEmpty()) {
            Node p = todo.remove(todo.size() - 1);
            g.find(Node.ANY, RDFS.subPropertyOf.asNode(), p).forEachRemaining(t -> {
                if (t.getSubject().isURI() && subs.add(t.getSubject())) todo.add(t.getSubject());
            });
        }
        return subs.stream().map(Node::getURI).sorted().toList();
    }

    /**
     * What OWL Micro reads: the direct dependency properties, and the statements they are derived
     * from by role (inverses such as designerOf for designedBy, legs of property chains).
     */
    List<String> owlMicroInputProperties(List<String> direct) {
        Graph g = RDFParser.source(project.resolve("ontology/chipgraph.ttl")).toGraph();
        Set<String> out = new LinkedHashSet<>(direct);
        for (String p : direct) {
            Node n = NodeFactory.createURI(p);
            g.find(n, OWL2.inverseOf.asNode(), Node.ANY).forEachRemaining(t -> out.add(t.getObject().getURI()));
            g.find(Node.ANY, OWL2.inverseOf.asNode(), n).forEachRemaining(t -> out.add(t.getSubject().getURI()));
            g.find(n, OWL2.propertyChainAxiom.asNode(), Node.ANY).forEachRemaining(t -> {
                for (Node l = t.getObject(); l.isBlank(); l = g.find(l, RDF.rest.asNode(), Node.ANY).next().getObject())
                    g.find(l, RDF.first.asNode(), Node.ANY).forEachRemaining(f -> out.add(f.getObject().getURI()));
            });
        }
        return out.stream().sorted().toList();
    }

    /** The same question as a property path over the direct edges: (p1|p2|...)+. */
    String dependencyPath() {
        return "(" + String.join("|", directDependencyProperties().stream().map(p -> "<" + p + ">").toList()) + ")+";
    }

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
            return "?";
        }
    }

    /** Size on disk of the published store version (the TDB2 database and the index file). */
    static long storeSize(Path db) throws IOException {
        var store = new org.w3id.chipgraph.store.VersionedStore(db);
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
                try { n.addAndGet(Files.size(p)); } catch (IOException ignored) { }
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

    private final long started = System.nanoTime();

    /** A progress line, with the minutes since the start (to see where a run's time goes). */
    void say(String s) {
        String line = String.format(Locale.ROOT, "[bench %5.1f min] %s", (System.nanoTime() - started) / 6e10, s);
        System.out.println(line);
        System.out.flush();
        log.println(line);
    }
}
