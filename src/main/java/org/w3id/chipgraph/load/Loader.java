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
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.Daemon;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.reason.DependencyGraphFile;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.DependsOnFromIndex;
import org.w3id.chipgraph.reason.FastMaterializer;
import org.w3id.chipgraph.reason.RuleSet;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.file.Files;

/**
 * The only writer. Checks every input (present, parses, has a source, passes SHACL), then
 * materializes inference, and only then writes a new store version and publishes it.
 * A failure at any step leaves the published version as it was.
 */
public final class Loader {
    private final InputFiles files;
    private final List<Path> extraFactFiles;
    private final LoadProgress progress;
    private final List<OpenDataStage> stages = new ArrayList<>();
    private long closureLimit = Long.getLong("chipgraph.closureLimit", FastMaterializer.DEFAULT_CLOSURE_LIMIT);
    private long explanationLimit = Long.getLong("chipgraph.explanationLimit", EXPLANATION_PAIR_LIMIT);

    public Loader(InputFiles files, List<Path> extraFactFiles, PrintStream out) {
        this.files = files;
        this.extraFactFiles = List.copyOf(extraFactFiles);
        this.progress = new LoadProgress(out);
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
    public Map<String, Double> phases() { return progress.phases(); }

    /** Peak heap in use in each step of the last load, in bytes, by the names of {@link #phases()}. */
    public Map<String, Long> peakHeapPerPhase() { return progress.peakHeap(); }

    /**
     * A checked, reasoned dataset in memory, ready to be written. {@code curated}: the entities
     * typed before any open-dataset stage ran (null when none ran), those the explanation graph covers.
     */
    public record Prepared(ParsedInputs inputs, FastMaterializer.Result inference, long startNanos, Set<String> curated) {}

    /** Every step before the store is touched. Throws {@link LoadException} on any bad input. */
    public Prepared prepare() {
        Checked c = parseAndCheck();
        return reason(c, inference -> new Prepared(c.inputs(), inference, c.startNanos(), c.curated()));
    }

    /** A checked, reasoned load with what is computed from it: the what-if structures and the explanations (null: none). */
    private record Reasoned(Prepared prepared, DependencyGraphStage.Computed graph, Graph explanations) {}

    /** Parsed inputs that passed every check but SHACL: what can be written while SHACL and reasoning run. */
    private record Checked(ParsedInputs inputs, RuleSet rules, long startNanos, Set<String> curated) {}

    private Checked parseAndCheck() {
        long start = System.nanoTime();
        progress.restart();
        progress.step("checking inputs");
        files.checkPresent();
        for (Path p : extraFactFiles) {
            if (!Files.isRegularFile(p))
                throw new LoadException(LoadException.INPUT, files.display(p) + ": missing file (named on the command line)");
        }

        progress.step("parsing " + (files.all().size() + extraFactFiles.size()) + " files");
        InputParser.setUpLibrariesOnThisThread();   // before the rules' thread and the parsers start
        // The rules are read beside the parse (their SPARQL parse is independent of the data).
        CompletableFuture<RuleSet> readingRules = Daemon.supply("chipgraph-rules", this::rules);
        ParsedInputs in = new InputParser(files).parseAll(extraFactFiles);
        RuleSet rules = Daemon.join(readingRules);
        progress.detail("%d ontology triples, %d fact/claim/source quads in %d graphs, %d rules",
                in.ontology().size(), countQuads(in.data()), countGraphs(in.data()), rules.rules().size());
        progress.step("indexing the parsed data");
        in.indexData();

        Set<String> curated = stages.isEmpty() ? null : typedEntities(in.data());
        for (OpenDataStage stage : stages) {
            progress.step("importing " + stage.describe());
            stage.run(in, files, msg -> progress.detail("%s", msg));
        }

        progress.step("checking that every graph has a source");
        ProvenanceCheck.check(in, files.display(files.sources()));

        progress.step("checking terms, references, labels and literal sizes");
        in.integrity.check(in.data());
        return new Checked(in, rules, start, curated);
    }

    /**
     * Validate and reason; the what-if structures and the explanations are computed while SHACL
     * still runs. {@code inferred} receives the inferred triples as soon as they exist.
     */
    private Reasoned validateAndReason(Checked c, Consumer<Graph> inferred) {
        return reason(c, inference -> {
            inferred.accept(inference.inferred());
            Prepared prepared = new Prepared(c.inputs(), inference, c.startNanos(), c.curated());
            DependencyGraphStage.Computed graph = dependencyGraph(prepared);
            return new Reasoned(prepared, graph, ExplanationStep.compute(prepared, graph.graph(), explanationLimit, progress));
        });
    }

    /** SHACL and reasoning side by side; {@code besideShacl} works on the inference while SHACL may still run. */
    private <T> T reason(Checked c, Function<FastMaterializer.Result, T> besideShacl) {
        return ValidateAndReason.run(c.inputs(), c.rules(), closureLimit, files.display(files.shapes()), progress, besideShacl).beside();
    }

    private RuleSet rules() {
        try {
            return RuleSet.fromDirectory(files.rulesDir());
        } catch (IllegalArgumentException e) {
            throw new LoadException(LoadException.INPUT, e.getMessage(), e);
        }
    }

    private static Set<String> typedEntities(DatasetGraph data) {
        Set<String> out = new HashSet<>();
        data.find(Node.ANY, Node.ANY, RDF.type.asNode(), Node.ANY).forEachRemaining(q -> {
            if (q.getSubject().isURI())
                out.add(q.getSubject().getURI());
        });
        return out;
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

    /**
     * The checked inputs start streaming into a new, unpublished version at once, beside SHACL,
     * reasoning and the what-if structures ({@link ConcurrentWrite}); the version is published only
     * when all of them have succeeded, and discarded when any fails.
     */
    private LoadReport loadLocked(VersionedStore store) {
        Checked checked = parseAndCheck();
        progress.step("starting a new store version (written beside validation and reasoning)");
        String version = store.createVersion();
        ConcurrentWrite writer = ConcurrentWrite.start(checked.inputs(), store.locationOf(version));
        boolean writing = false;
        try {
            Reasoned reasoned = validateAndReason(checked, writer::inferred);
            Prepared prepared = reasoned.prepared();
            DependencyGraphStage.Computed graph = reasoned.graph();
            Graph explanations = reasoned.explanations();
            progress.step("writing a new store version");
            writing = true;
            ConcurrentWrite finishing = writer;
            writer = null;
            long n = finishing.finish(explanations);
            progress.detail("%d quads with %s (%.2f s of writing, begun beside the steps above)",
                    n, finishing.method(), finishing.writingSeconds());
            progress.record("store writing (its own time)", finishing.writingSeconds());
            Map<String, Long> counts = PreparedWriter.countPerGraph(prepared, explanations);
            if (prepared.inference().index() != null) {
                progress.step("writing the dependency index");
                prepared.inference().index().write(store.locationOf(version).resolve(DependencyIndex.FILE_NAME));
            }
            progress.step("writing the dependency graph and the chokepoint ranking");
            DependencyGraphStage.write(graph, store.locationOf(version));
            HaltPoint.reached(HaltPoint.PUBLISH);
            progress.step("publishing " + version);
            store.publish(version);
            store.pruneOldVersions();
            progress.endStep();
            return report(version, prepared, counts);
        } catch (RuntimeException e) {
            if (writer != null)
                writer.abort(e);
            store.discard(version);
            // A bad input (SHACL) or a failure of reasoning is reported as it is; the rest is the store's.
            if (e instanceof LoadException || !writing)
                throw e;
            throw new LoadException(LoadException.STORE, "Writing the store failed, nothing was published: " + e.getMessage(), e);
        }
    }

    /** Load into a fresh in-memory TDB2 dataset (for {@code serve --mem} and tests). */
    public DatasetGraph loadInMemory() {
        Reasoned reasoned = validateAndReason(parseAndCheck(), inferred -> { });
        Prepared prepared = reasoned.prepared();
        DependencyGraphStage.Computed graph = reasoned.graph();
        Graph explanations = reasoned.explanations();
        progress.step("writing an in-memory store");
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        PreparedWriter.write(prepared, explanations, dsg);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        DependencyGraphFile.attach(dsg, graph.graph(), graph.ranking());
        if (prepared.inference().index() != null) {
            DependencyIndex.attach(dsg, prepared.inference().index());
            if (!prepared.inference().closureMaterialized())
                DependsOnFromIndex.mark(dsg);
        }
        progress.endStep();
        report("in-memory", prepared, PreparedWriter.countPerGraph(dsg));
        return dsg;
    }

    /** What-if structures computed once per version (issue 17): the dependency graph and the chokepoint ranking. */
    private DependencyGraphStage.Computed dependencyGraph(Prepared p) {
        progress.step("computing the dependency graph and the chokepoint ranking");
        DependencyGraphStage.Computed c = DependencyGraphStage.compute(p);
        progress.detail("%d entities, %d direct edges (%.2f s); %d ranked (%.2f s)", c.graph().size(), c.graph().edgeCount(),
                c.graphSeconds(), c.ranking().size(), c.rankingSeconds());
        return c;
    }

    /** Beyond this many dependency pairs, explanations are answered on demand only. */
    static final long EXPLANATION_PAIR_LIMIT = 20_000;

    private LoadReport report(String version, Prepared p, Map<String, Long> counts) {
        long inferred = counts.getOrDefault(Chipgraph.GRAPH_INFERRED.getURI(), 0L);
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        long millis = (System.nanoTime() - p.startNanos()) / 1_000_000;
        PrintStream out = progress.out();
        out.println("Triples per graph:");
        counts.forEach((g, n) -> out.printf("  %8d  %s%n", n, g));
        out.printf("Loaded %d triples (%d asserted, %d inferred) into %s in %.1f s%n",
                all, all - inferred, inferred, version, millis / 1000.0);
        return new LoadReport(version, counts, all - inferred, inferred, p.inference().perRule(), millis);
    }

    /** The dataset's statements, graph by graph (each knows its size; iterating 2.6 million quads took 0.1-0.5 s). */
    private static long countQuads(DatasetGraph dsg) {
        long[] n = {dsg.getDefaultGraph().size()};
        dsg.listGraphNodes().forEachRemaining(g -> n[0] += dsg.getGraph(g).size());
        return n[0];
    }

    private static long countGraphs(DatasetGraph dsg) {
        long[] n = {0};
        dsg.listGraphNodes().forEachRemaining(g -> n[0]++);
        return n[0];
    }
}
