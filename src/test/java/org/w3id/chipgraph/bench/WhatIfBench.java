package org.w3id.chipgraph.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.chipgraph.cli.Main;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * What-if figures of one scale (issue 17): each removal of a fixed sample of {@value #SAMPLE}
 * entities (the {@value #HUBS} with most direct dependents first) in process, today's analysis
 * beside the former per-removal recomputation ({@link WhatIfWorker}); then over HTTP on the
 * real server, /api/impact for the sample and for the hubs alone, /api/chokepoints (first call,
 * when the ranking is computed, and warm), {@code r4-what-if-removed} and the count of who
 * depends on a hub through a plain {@code cg:dependsOn} pattern.
 */
final class WhatIfBench {
    static final int SAMPLE = 100, HUBS = 10;

    private final BenchCommand b;

    WhatIfBench(BenchCommand b) {
        this.b = b;
    }

    /** The hubs first, then entities with at least one dependent at random (fixed seed). */
    static List<String> sample(SupplyNetworkGenerator.Stats st, long seed) {
        int[] in = new int[st.nodeCount()];
        for (int t : st.edgeTo()) in[t]++;
        Set<Integer> s = new LinkedHashSet<>(IntStream.range(0, in.length).boxed()
                .sorted(Comparator.comparingInt((Integer n) -> in[n]).reversed()).limit(HUBS).toList());
        SplittableRandom rnd = new SplittableRandom(seed);
        while (s.size() < Math.min(SAMPLE, in.length)) {
            int n = rnd.nextInt(in.length);
            if (in[n] > 0) s.add(n);
        }
        return s.stream().map(n -> st.iris()[n]).toList();
    }

    void run(String sc, Path db, Path dir, SupplyNetworkGenerator.Stats st) throws Exception {
        List<String> sample = sample(st, b.seed);
        Path sampleFile = dir.resolve("whatif-sample.txt");
        Files.write(sampleFile, sample);
        inProcess(sc, db, sampleFile);
        overHttp(sc, db, sample);
    }

    private void inProcess(String sc, Path db, Path sampleFile) throws Exception {
        var res = b.child("what-if in process, scale " + sc, b.heap, List.of("whatif", "--db", db.toString(), "--sample",
                sampleFile.toString(), "--hubs", Integer.toString(HUBS), "--cap-ms", Long.toString(b.capDuration.toMillis()),
                "--runs", Integer.toString(b.runs)), null);
        List<JsonObject> removals = res.parts("removal");
        JsonObject r = removals.get(0), k = res.part("ranking");
        Results out = b.results;
        out.add(sc, "what-if", "dependency graph from the store", "ours", "s", List.of(BenchFiles.num(r, "graphSeconds")),
                String.format(Locale.ROOT, "%,d entities, %,d edges, by SPARQL; once", (long) BenchFiles.num(r, "nodes"), (long) BenchFiles.num(r, "edges")));
        out.add(sc, "what-if", "dependency graph from the loader's file", "ours", "s", List.of(BenchFiles.num(r, "fileSeconds")),
                "what a server reads when it opens the version; once");
        percentiles(sc, "one removal, 100 sampled (in process)", removals, "newMs", "oldMs");
        percentiles(sc, "one removal, 10 largest hubs (in process)", removals, "hubNewMs", "hubOldMs");
        out.add(sc, "what-if", "chokepoint ranking, every entity", "ours", "s", BenchFiles.list(k.get("seconds").getAsArray()),
                String.format(Locale.ROOT, "%,d entities, %d threads; the loader does this once and writes it", (long) BenchFiles.num(k, "ranked"),
                        (long) BenchFiles.num(k, "threads")));
        long done = (long) BenchFiles.num(k, "oldDone"), total = (long) BenchFiles.num(k, "oldTotal");
        out.add(sc, "what-if", "chokepoint ranking, every entity", "per-removal recomputation", "s", List.of(BenchFiles.num(k, "oldSeconds")),
                (done == total ? "one thread, as before" : String.format(Locale.ROOT, "estimated from %,d of %,d entities (cap)", done, total))
                + "; one run (the capped baseline)");
    }

    /** Ours: p50 and p99 of every run; the former recomputation: its one (capped) run. */
    private void percentiles(String sc, String measure, List<JsonObject> runs, String ours, String old) {
        List<double[]> perRun = runs.stream().map(r -> BenchFiles.doubles(r.get(ours).getAsArray())).toList();
        b.results.addRunPercentiles(sc, "what-if", measure, "ours", perRun, "");
        double[] o = BenchFiles.doubles(runs.get(0).get(old).getAsArray());
        if (o.length > 0)
            b.results.addPercentiles(sc, "what-if", measure, "per-removal recomputation", o,
                    (o.length < perRun.get(0).length ? o.length + " of the sample before the cap; " : "") + "one run (the capped baseline)");
    }

    private void overHttp(String sc, Path db, List<String> sample) throws Exception {
        int port = BenchFiles.freePort();
        List<String> cmd = b.java(b.serverHeap, List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--db", db.toString(), "--project", b.project.toString(), "--port", Integer.toString(port), "--localhost"));
        String base = "http://localhost:" + port;
        BenchServer server = BenchServer.start(cmd, b.work.resolve("server-whatif.log"), base + "/$/ping", b.http);
        try {
            Results out = b.results;
            out.add(sc, "what-if", "/api/impact first call", "ours", "ms", List.of(impact(base, sample.get(0))),
                    "reads the dependency graph the loader wrote; once a server start");
            for (String iri : sample) impact(base, iri);   // warm-up
            List<Double> all50 = new ArrayList<>(), all99 = new ArrayList<>(), hub50 = new ArrayList<>(), hub99 = new ArrayList<>();
            for (int r = 0; r < b.runs; r++) {
                List<Double> ms = new ArrayList<>();
                for (String iri : sample) ms.add(impact(base, iri));
                all50.add(Results.percentile(ms, 50));
                all99.add(Results.percentile(ms, 99));
                hub50.add(Results.percentile(ms.subList(0, HUBS), 50));
                hub99.add(Results.percentile(ms.subList(0, HUBS), 99));
            }
            out.add(sc, "what-if", "/api/impact?remove=X p50", "ours", "ms", all50, sample.size() + " entities, the 10 largest hubs included");
            out.add(sc, "what-if", "/api/impact?remove=X p99", "ours", "ms", all99, "");
            out.add(sc, "what-if", "/api/impact?remove=HUB p50", "ours", "ms", hub50, "the 10 largest hubs only");
            out.add(sc, "what-if", "/api/impact?remove=HUB p99", "ours", "ms", hub99, "");
            out.add(sc, "what-if", "/api/chokepoints first call", "ours", "ms", List.of(get(base + "/api/chokepoints")),
                    "the ranking the loader wrote; once a server start");
            List<Double> warm = new ArrayList<>();
            for (int r = 0; r < b.runs; r++) warm.add(get(base + "/api/chokepoints"));
            out.add(sc, "what-if", "/api/chokepoints warm", "ours", "ms", warm, "served from the kept ranking");
            if (overLimit > 0)
                out.note(sc, "what-if", "/api/impact over the server's time limit (503)", "ours", overLimit + " requests");
            try {
                sparqlFigures(sc, base, sample);
            } catch (ServerBench.CapReached e) {
                out.note(sc, "what-if", "r4-what-if-removed / COUNT cg:dependsOn HUB", "ours", "over the server's time limit");
            }
        } finally {
            server.stop();
        }
    }

    private void sparqlFigures(String sc, String base, List<String> sample) throws Exception {
        String endpoint = base + "/chipgraph/sparql";
        ServerBench server = new ServerBench(b);
        CatalogQuery r4 = QueryCatalog.in(b.project.resolve("queries")).queries().stream()
                .filter(q -> q.name().equals("r4-what-if-removed")).findFirst().orElseThrow();
        List<double[]> r4ms = new ArrayList<>(), hubCount = new ArrayList<>();
        for (int r = 0; r <= b.runs; r++) {   // the first round warms up
            double[] a = new double[HUBS], c = new double[HUBS];
            List<String> hubs = sample.subList(0, Math.min(HUBS, sample.size()));
            for (int i = 0; i < hubs.size(); i++) {
                String q4 = QueryTransformOps.replaceVars(r4.parse(),
                        QueryRunner.bindings(r4, Map.of("removed", hubs.get(i)))).toString();
                String qc = "SELECT (COUNT(*) AS ?n) { ?x <https://w3id.org/chipgraph/ontology#dependsOn> <" + hubs.get(i) + "> }";
                a[i] = timed(() -> server.sparql(endpoint, q4));
                c[i] = timed(() -> server.sparql(endpoint, qc));
            }
            if (r > 0) {
                r4ms.add(Arrays.copyOf(a, hubs.size()));
                hubCount.add(Arrays.copyOf(c, hubs.size()));
            }
        }
        b.results.addRunPercentiles(sc, "what-if", "r4-what-if-removed, removed = a hub", "ours", r4ms,
                "SPARQL, cgf:failsWithout / cgf:losesSomeWithout");
        b.results.addRunPercentiles(sc, "what-if", "COUNT ?x cg:dependsOn HUB", "ours", hubCount,
                "plain cg:dependsOn pattern, index when the closure is not stored");
    }

    interface Call { Object run() throws Exception; }

    private static double timed(Call c) throws Exception {
        long t0 = System.nanoTime();
        c.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private double impact(String base, String iri) throws Exception {
        return get(base + "/api/impact?remove=" + URLEncoder.encode(iri, StandardCharsets.UTF_8));
    }

    private int overLimit;

    /** The time of one GET; a 503 (past the server's time limit) counts and keeps its time. */
    private double get(String url) throws Exception {
        long t0 = System.nanoTime();
        Http.Response r = Http.get(url, "application/json", Duration.ofMinutes(5));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.status() == 503)
            overLimit++;
        else if (r.status() != 200)
            throw new IllegalStateException("HTTP " + r.status() + " for " + url + ": " + r.body());
        return ms;
    }
}
