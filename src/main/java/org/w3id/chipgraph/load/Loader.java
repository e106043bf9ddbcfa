package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.OpenDataStage;
import org.w3id.chipgraph.input.LoadException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.query.QueryRunner;
import org.apache.jena.sparql.core.Quad;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyGraphFile;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.DependsOnFromIndex;
import org.w3id.chipgraph.reason.DisjointUnion;
import org.w3id.chipgraph.reason.ExplanationGraph;
import org.w3id.chipgraph.reason.FastMaterializer;
import org.w3id.chipgraph.reason.RuleSet;
import org.w3id.chipgraph.store.BulkWriter;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The only writer. Checks every input (present, parses, has a source, passes SHACL), then
 * materializes inference, and only then writes a new store version and publishes it.
 * A failure at any step leaves the published version as it was.
 */
public final class Loader {
    private final InputFiles files;
    private final List<Path> extraFactFiles;
    private final PrintStream out;
    private final List<OpenDataStage> stages = new ArrayList<>();
    private long closureLimit = Long.getLong("chipgraph.closureLimit", FastMaterializer.DEFAULT_CLOSURE_LIMIT);
    private long explanationLimit = Long.getLong("chipgraph.explanationLimit", EXPLANATION_PAIR_LIMIT);
    /** Seconds per step, in order (the load report and the benchmark read them). */
    private final Map<String, Double> phases = new LinkedHashMap<>();
    private String phase;
    private long phaseStart;

    public Loader(InputFiles files, List<Path> extraFactFiles, PrintStream out) {
        this.files = files;
        this.extraFactFiles = List.copyOf(extraFactFiles);
        this.out = out;
    }

    /** Also run this open-dataset stage (null: none), after the stages added before it. */
    public Loader withStage(OpenDataStage stage) {
        if (stage != null)
            stages.add(stage);
        return this;
    }

    /** Also run these open-dataset stages, in order. */
    public Loader withStages(List<? extends OpenDataStage> more) {
        more.forEach(this::withStage);
        return this;
    }

    /**
     * Above this many cg:dependsOn pairs the closure is not materialized: cg:dependsOn questions
     * are answered by the dependency index (cgf:dependsOn, /api/dependencies) instead.
     */
    public Loader closureLimit(long pairs) {
        this.closureLimit = pairs;
        return this;
    }

    /** Above this many dependency pairs no explanation graph is written (explain answers on demand). */
    public Loader explanationLimit(long pairs) {
        this.explanationLimit = pairs;
        return this;
    }

    /** Seconds spent in each step of the last load, in order. */
    public Map<String, Double> phases() { return phases; }

    /**
     * A checked, reasoned dataset in memory, ready to be written. {@code curated}: the entities
     * typed before any open-dataset stage ran (null when none ran), those the explanation graph covers.
     */
    public record Prepared(ParsedInputs inputs, FastMaterializer.Result inference, long startNanos, Set<String> curated) {}

    /** Every step before the store is touched. Throws {@link LoadException} on any bad input. */
    public Prepared prepare() {
        long start = System.nanoTime();
        phases.clear();
        step("checking inputs");
        files.checkPresent();
        for (Path p : extraFactFiles) {
            if (!Files.isRegularFile(p))
                throw new LoadException(LoadException.INPUT, files.display(p) + ": missing file (named on the command line)");
        }

        step("parsing " + (files.all().size() + extraFactFiles.size()) + " files");
        InputParser parser = new InputParser(files);
        ParsedInputs in = parser.parseAll();
        for (Path p : extraFactFiles)
            parser.addExtraFile(in, p);
        RuleSet rules;
        try {
            rules = RuleSet.fromDirectory(files.rulesDir());
        } catch (IllegalArgumentException e) {
            throw new LoadException(LoadException.INPUT, e.getMessage(), e);
        }
        detail("%d ontology triples, %d fact/claim/source quads in %d graphs, %d rules",
                in.ontology().size(), in.data().stream().count(), countGraphs(in.data()), rules.rules().size());

        Set<String> curated = stages.isEmpty() ? null : typedEntities(in.data());
        for (OpenDataStage stage : stages) {
            step("importing " + stage.describe());
            stage.run(in, files, msg -> detail("%s", msg));
        }

        step("checking that every graph has a source");
        ProvenanceCheck.check(in, files.display(files.sources()));

        step("checking terms, references, labels and literal sizes");
        in.integrity.check(in.data());

        step("building one graph for validation and reasoning");
        // One copy of everything as a single graph serves both SHACL and reasoning: the facts
        // (what reasoning reads) and, beside them, the claims (which SHACL checks too).
        Graph reasoningInput = GraphFactory.createDefaultGraph();
        Graph claimsOnly = GraphFactory.createDefaultGraph();
        in.ontology().find().forEachRemaining(reasoningInput::add);
        // Claims assert nothing: they stay out of reasoning (and of the OWL checks).
        in.data().find().forEachRemaining(q -> {
            if (!Chipgraph.isClaimsGraph(q.getGraph()))
                reasoningInput.add(q.asTriple());
        });
        in.data().find().forEachRemaining(q -> {
            if (Chipgraph.isClaimsGraph(q.getGraph()) && !reasoningInput.contains(q.asTriple()))
                claimsOnly.add(q.asTriple());
        });

        // SHACL and reasoning only read that graph (reasoning writes its own), so they run side
        // by side; nothing is written before both are done, and a SHACL failure wins.
        step("validating with SHACL and reasoning (in parallel)");
        Graph shaclView = new DisjointUnion(reasoningInput, claimsOnly);
        String shapesFile = files.display(files.shapes());
        CompletableFuture<Double> shacl = new CompletableFuture<>();
        Thread validator = new Thread(() -> {
            long t = System.nanoTime();
            try {
                ShaclGate.validate(in, shaclView, shapesFile);
                shacl.complete((System.nanoTime() - t) / 1e9);
            } catch (Throwable e) {
                shacl.completeExceptionally(e);
            }
        }, "chipgraph-shacl");
        validator.setDaemon(true);
        validator.start();
        long tr = System.nanoTime();
        FastMaterializer.Result inference;
        try {
            inference = new FastMaterializer(rules, closureLimit).materialize(reasoningInput, msg -> {
                detail("reasoning: %s", msg);
                HaltPoint.reached(HaltPoint.REASON);
            });
        } catch (RuntimeException e) {
            awaitShacl(shacl);
            throw e;
        }
        double reasoningSecs = (System.nanoTime() - tr) / 1e9;
        double shaclSecs = awaitShacl(shacl);
        inference.notes().forEach(n -> detail("note: %s", n));
        detail("SHACL: no violation (%.2f s); reasoning: %d triples inferred (%.2f s)", shaclSecs, inference.inferred().size(), reasoningSecs);
        phases.put("SHACL (its own time)", shaclSecs);
        phases.put("reasoning (its own time)", reasoningSecs);
        phases.put("dependency index (in reasoning)", inference.indexSeconds());
        return new Prepared(in, inference, start, curated);
    }

    private static Set<String> typedEntities(DatasetGraph data) {
        Set<String> out = new HashSet<>();
        data.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getSubject().isURI())
                out.add(q.getSubject().getURI());
        });
        return out;
    }

    /** Wait for the SHACL check; its failure is the load's failure. Returns its time in seconds. */
    private static double awaitShacl(CompletableFuture<Double> shacl) {
        try {
            return shacl.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re)
                throw re;
            if (e.getCause() instanceof Error er)
                throw er;
            throw e;
        }
    }

    /** Load into a new version of the store and publish it. */
    public LoadReport load(VersionedStore store) {
        try (VersionedStore.LoadLock lock = lockStore(store)) {
            return loadLocked(store);
        }
    }

    /** One load at a time per store: a second one would prune the version the first is writing. */
    private static VersionedStore.LoadLock lockStore(VersionedStore store) {
        try {
            return store.lockForLoad();
        } catch (VersionedStore.StoreBusyException e) {
            throw new LoadException(LoadException.STORE, e.getMessage(), e);
        }
    }

    private LoadReport loadLocked(VersionedStore store) {
        Prepared prepared = prepare();
        DependencyGraphStage.Computed graph = dependencyGraph(prepared);
        Graph explanations = explanations(prepared, graph.graph());
        step("writing a new store version");
        String version = store.createVersion();
        DatasetGraph dsg = null;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(store.locationOf(version).toString());
            bulkWrite(prepared, explanations, dsg);
            Map<String, Long> counts = countPerGraph(prepared, explanations);
            TDBInternal.expel(dsg);
            dsg = null;
            if (prepared.inference().index() != null) {
                step("writing the dependency index");
                prepared.inference().index().write(store.locationOf(version).resolve(DependencyIndex.FILE_NAME));
            }
            step("writing the dependency graph and the chokepoint ranking");
            DependencyGraphStage.write(graph, store.locationOf(version));
            HaltPoint.reached(HaltPoint.PUBLISH);
            step("publishing " + version);
            store.publish(version);
            store.pruneOldVersions();
            endPhase();
            return report(version, prepared, counts);
        } catch (RuntimeException e) {
            if (dsg != null)
                TDBInternal.expel(dsg);
            store.discard(version);
            if (e instanceof LoadException)
                throw e;
            throw new LoadException(LoadException.STORE, "Writing the store failed, nothing was published: " + e.getMessage(), e);
        }
    }

    /** Load into a fresh in-memory TDB2 dataset (for {@code serve --mem} and tests). */
    public DatasetGraph loadInMemory() {
        Prepared prepared = prepare();
        DependencyGraphStage.Computed graph = dependencyGraph(prepared);
        Graph explanations = explanations(prepared, graph.graph());
        step("writing an in-memory store");
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        write(prepared, explanations, dsg);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        DependencyGraphFile.attach(dsg, graph.graph(), graph.ranking());
        if (prepared.inference().index() != null) {
            DependencyIndex.attach(dsg, prepared.inference().index());
            if (!prepared.inference().closureMaterialized())
                DependsOnFromIndex.mark(dsg);
        }
        endPhase();
        report("in-memory", prepared, countPerGraph(dsg));
        return dsg;
    }

    /** What-if structures computed once per version (issue 17): the dependency graph and the chokepoint ranking. */
    private DependencyGraphStage.Computed dependencyGraph(Prepared p) {
        step("computing the dependency graph and the chokepoint ranking");
        DependencyGraphStage.Computed c = DependencyGraphStage.compute(p);
        detail("%d entities, %d direct edges (%.2f s); %d ranked (%.2f s)", c.graph().size(), c.graph().edgeCount(),
                c.graphSeconds(), c.ranking().size(), c.rankingSeconds());
        return c;
    }

    /** The new version is a fresh database: a TDB2 bulk loader writes it (see {@link BulkWriter}). */
    private void bulkWrite(Prepared p, Graph explanations, DatasetGraph dsg) {
        long n = BulkWriter.write(dsg, s -> {
            p.inputs().ontology().find().forEachRemaining(t ->
                    s.quad(Quad.create(Chipgraph.GRAPH_ONTOLOGY, t)));
            p.inputs().data().find().forEachRemaining(s::quad);
            HaltPoint.reached(HaltPoint.WRITE);
            p.inference().inferred().find().forEachRemaining(t ->
                    s.quad(Quad.create(Chipgraph.GRAPH_INFERRED, t)));
            if (explanations != null)
                explanations.find().forEachRemaining(t -> s.quad(Quad.create(Chipgraph.GRAPH_EXPLANATIONS, t)));
        });
        double secs = (System.nanoTime() - phaseStart) / 1e9;
        detail("%d quads with the TDB2 %s bulk loader (%.0f quads/s)", n, BulkWriter.loaderName(), n / Math.max(secs, 1e-9));
    }

    private void write(Prepared p, Graph explanations, DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> {
            if (explanations != null)
                explanations.find().forEachRemaining(t ->
                        dsg.add(Chipgraph.GRAPH_EXPLANATIONS, t.getSubject(), t.getPredicate(), t.getObject()));
            p.inputs().ontology().find().forEachRemaining(t ->
                    dsg.add(Chipgraph.GRAPH_ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
            p.inputs().data().find().forEachRemaining(dsg::add);
            p.inference().inferred().find().forEachRemaining(t ->
                    dsg.add(Chipgraph.GRAPH_INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /**
     * Explanations of every dependency pair as RDF 1.2 reifiers (graph/explanations), computed
     * in memory from the checked and reasoned data (its named graphs tie edges to their
     * sources) and written with everything else. Above {@link #EXPLANATION_PAIR_LIMIT} pairs
     * this is skipped and said so: explain answers on demand. Returns null when skipped.
     */
    private Graph explanations(Prepared p, DependencyGraph g) {
        step("computing dependency explanations");
        DependencyIndex index = p.inference().index();
        if (!p.inference().closureMaterialized()) {
            detail("the dependency closure is not materialized: no explanation graph either (use explain)");
            return null;
        }
        // The pairs starting at an open dataset's entities are explained on demand only (explain,
        // /api/explain): written out they were most of the store and of the load time.
        Predicate<String> from = p.curated() == null ? iri -> true : p.curated()::contains;
        if (p.curated() == null && index != null && index.countPairsUpTo(explanationLimit) > explanationLimit) {
            detail("more than %d dependency pairs: no explanation graph (use explain)", explanationLimit);
            return null;
        }
        long pairs = ExplanationGraph.pairCount(g, from);
        if (pairs > explanationLimit) {
            detail("%d dependency pairs: over the limit of %d, no explanation graph (use explain)", pairs, explanationLimit);
            return null;
        }
        Graph out = GraphFactory.createDefaultGraph();
        long n = ExplanationGraph.write(g, from, out::add);
        detail("%d dependency pairs explained over %d direct edges%s", n, g.edgeCount(),
                p.curated() == null ? "" : " (the pairs from curated entities; the open datasets' are explained on demand)");
        return out;
    }

    /** Beyond this many dependency pairs, explanations are answered on demand only. */
    static final long EXPLANATION_PAIR_LIMIT = 20_000;

    private LoadReport report(String version, Prepared p, Map<String, Long> counts) {
        long inferred = counts.getOrDefault(Chipgraph.GRAPH_INFERRED.getURI(), 0L);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        long millis = (System.nanoTime() - p.startNanos()) / 1_000_000;
        out.println("Triples per graph:");
        counts.forEach((g, n) -> out.printf("  %8d  %s%n", n, g));
        out.printf("Loaded %d triples (%d asserted, %d inferred) into %s in %.1f s%n",
                all, all - inferred, inferred, version, millis / 1000.0);
        return new LoadReport(version, counts, all - inferred, inferred, p.inference().perRule(), millis);
    }

    private static Map<String, Long> countPerGraph(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, Long> counts = new TreeMap<>();
            List<Node> graphs = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(graphs::add);
            for (Node g : graphs)
                counts.put(g.getURI(), (long) dsg.getGraph(g).size());
            return counts;
        });
    }

    /** Triples per graph as written (each graph in memory holds each triple once, as TDB2 does). */
    private static Map<String, Long> countPerGraph(Prepared p, Graph explanations) {
        Map<String, Long> counts = new TreeMap<>();
        DatasetGraph data = p.inputs().data();
        data.listGraphNodes().forEachRemaining(g -> counts.put(g.getURI(), (long) data.getGraph(g).size()));
        counts.merge(Chipgraph.GRAPH_ONTOLOGY.getURI(), (long) p.inputs().ontology().size(), Long::sum);
        if (!p.inference().inferred().isEmpty())
            counts.merge(Chipgraph.GRAPH_INFERRED.getURI(), (long) p.inference().inferred().size(), Long::sum);
        if (explanations != null && !explanations.isEmpty())
            counts.merge(Chipgraph.GRAPH_EXPLANATIONS.getURI(), (long) explanations.size(), Long::sum);
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    private static long countGraphs(DatasetGraph dsg) {
        long[] n = {0};
        dsg.listGraphNodes().forEachRemaining(g -> n[0]++);
        return n[0];
    }

    private void step(String what) {
        endPhase();
        phase = what;
        phaseStart = System.nanoTime();
        out.println("- " + what);
        out.flush();
    }

    private void endPhase() {
        if (phase == null)
            return;
        double secs = (System.nanoTime() - phaseStart) / 1e9;
        phases.merge(phase.replaceAll(" [0-9]+ files$", " files").replaceAll(" v-[0-9-]+$", ""), secs, Double::sum);
        out.printf("    (%.2f s)%n", secs);
        phase = null;
    }

    private void detail(String fmt, Object... args) {
        out.println("    " + String.format(fmt, args));
        out.flush();
    }
}
