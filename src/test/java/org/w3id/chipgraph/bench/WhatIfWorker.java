package org.w3id.chipgraph.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.Chokepoints;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyGraphFile;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.ImpactAnalysis;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * The what-if figures in process, in a child JVM of the benchmark ({@link BenchWorker} mode
 * {@code whatif}): on a built store, each removal of the sample with today's analysis and with
 * the former per-removal recomputation ({@link PerRemovalImpact}), and the whole chokepoint
 * ranking both ways; ours {@code --runs} times, the former once. The former ranking stops at {@code --cap-ms} and is then extrapolated
 * from the nodes it did.
 */
final class WhatIfWorker {
    private WhatIfWorker() {}

    static void run(Map<String, String> o) throws Exception {
        VersionedStore store = new VersionedStore(Path.of(o.get("db")));
        Path written = store.locationOf(store.currentVersion().orElseThrow()).resolve(DependencyGraphFile.FILE_NAME);
        long tf = System.nanoTime();
        int fromFile = DependencyGraphFile.read(written).size();
        double fileSecs = BenchWorker.secs(tf);
        DatasetGraph dsg = store.openCurrent();
        long t0 = System.nanoTime();
        DependencyGraph g = DependencyGraph.load(q -> QueryRunner.select(dsg, q, Map.of()));
        double graphSecs = BenchWorker.secs(t0);
        List<Integer> sample = new ArrayList<>();
        for (String iri : Files.readAllLines(Path.of(o.get("sample")))) {
            Integer id = g.idOf(iri.strip());
            if (id != null) sample.add(id);
        }
        int hubs = Integer.parseInt(o.getOrDefault("hubs", "10"));
        long capNanos = Long.parseLong(o.get("cap-ms")) * 1_000_000;
        ImpactAnalysis fast = new ImpactAnalysis(g);
        PerRemovalImpact old = new PerRemovalImpact(g);
        for (int x : sample) fast.remove(List.of(x));   // warm-up
        if (fromFile != g.size())
            throw new IllegalStateException("the loader's graph has " + fromFile + " entities, the store's " + g.size());
        int runs = Integer.parseInt(o.getOrDefault("runs", "1"));
        Map<String, Object> graph = Map.of("graphSeconds", graphSecs, "fileSeconds", fileSecs, "nodes", g.size(), "edges", g.edgeCount());
        for (int r = 0; r < runs; r++)
            removals(fast, old, sample, hubs, r == 0 ? capNanos : 0, graph);
        ranking(g, old, written, runs, capNanos);
    }

    /** One run over the sample; the former recomputation too while {@code capNanos} lasts (0 in later runs: it is the slow baseline). */
    private static void removals(ImpactAnalysis fast, PerRemovalImpact old, List<Integer> sample, int hubs, long capNanos,
                                 Map<String, Object> graph) {
        List<Double> newMs = new ArrayList<>(), oldMs = new ArrayList<>();
        long oldUntil = System.nanoTime() + capNanos;
        for (int x : sample) {
            long t = System.nanoTime();
            fast.remove(List.of(x));
            newMs.add((System.nanoTime() - t) / 1e6);
            if (capNanos > 0 && System.nanoTime() < oldUntil) {
                t = System.nanoTime();
                old.remove(List.of(x));
                oldMs.add((System.nanoTime() - t) / 1e6);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(graph);
        out.putAll(Map.of("part", "removal", "newMs", newMs, "oldMs", oldMs, "hubNewMs", newMs.subList(0, Math.min(hubs, newMs.size())),
                "hubOldMs", oldMs.subList(0, Math.min(hubs, oldMs.size()))));
        BenchWorker.result(out);
    }

    /** The whole chokepoint ranking: ours {@code runs} times; the former one, capped, once. */
    private static void ranking(DependencyGraph g, PerRemovalImpact old, Path written, int runs, long capNanos) {
        // As the loader ranks: with the reach counts of the dependency index it wrote.
        DependencyIndex index = DependencyIndex.read(written.resolveSibling(DependencyIndex.FILE_NAME));
        List<Double> rankingSecs = new ArrayList<>();
        int ranked = 0;
        for (int r = 0; r < runs; r++) {
            long t1 = System.nanoTime();
            ranked = new Chokepoints(g).ranking(index).size();
            rankingSecs.add(BenchWorker.secs(t1));
        }
        // The former ranking: one whole-graph recomputation per entity, on one thread as it was.
        // In a fixed random order, so that a ranking stopped at the cap is a fair sample.
        List<Integer> all = new ArrayList<>();
        for (int x = 0; x < g.size(); x++)
            if (g.inDegree(x) > 0) all.add(x);
        Collections.shuffle(all, new Random(1));
        long t2 = System.nanoTime(), until = t2 + capNanos;
        int done = 0, total = all.size();
        for (int x : all) {
            if (System.nanoTime() >= until) break;
            old.remove(List.of(x));
            done++;
        }
        double oldSecs = BenchWorker.secs(t2);
        BenchWorker.result(Map.of("part", "ranking", "seconds", rankingSecs, "ranked", ranked, "oldSeconds",
                done == total ? oldSecs : oldSecs * total / Math.max(1, done), "oldDone", done, "oldTotal", total,
                "threads", Runtime.getRuntime().availableProcessors()));
    }
}
