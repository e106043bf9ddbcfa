package org.w3id.chipgraph.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.HaltPoint;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.ExplanationGraph;
import org.w3id.chipgraph.eto.EtoSource;
import org.w3id.chipgraph.eto.EtoStage;
import org.w3id.chipgraph.reason.Materializer;
import org.w3id.chipgraph.reason.RuleSet;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * The only writer. Checks every input (present, parses, has a source, passes SHACL), then
 * materializes inference, and only then writes a new store version and publishes it.
 * A failure at any step leaves the published version as it was.
 */
public final class Loader {
    private final InputFiles files;
    private final List<Path> extraFactFiles;
    private final PrintStream out;
    private EtoSource eto;

    public Loader(InputFiles files, List<Path> extraFactFiles, PrintStream out) {
        this.files = files;
        this.extraFactFiles = List.copyOf(extraFactFiles);
        this.out = out;
    }

    /** Also import the ETO supply-chain dataset from {@code source} (null: no ETO import) into graph/eto. */
    public Loader withEto(EtoSource source) {
        this.eto = source;
        return this;
    }

    /** A checked, reasoned dataset in memory, ready to be written. */
    public record Prepared(ParsedInputs inputs, Materializer.Result inference, long startNanos) {}

    /** Every step before the store is touched. Throws {@link LoadException} on any bad input. */
    public Prepared prepare() {
        long start = System.nanoTime();
        step("checking inputs");
        files.checkPresent();
        for (Path p : extraFactFiles) {
            if (!java.nio.file.Files.isRegularFile(p))
                throw new LoadException(LoadException.INPUT, files.display(p) + ": missing file (named on the command line)");
        }

        step("parsing " + (files.all().size() + extraFactFiles.size()) + " files");
        InputParser parser = new InputParser(files);
        ParsedInputs in = parser.parseAll();
        for (Path p : extraFactFiles)
            parser.addFactFile(in, p);
        RuleSet rules;
        try {
            rules = RuleSet.fromDirectory(files.rulesDir());
        } catch (IllegalArgumentException e) {
            throw new LoadException(LoadException.INPUT, e.getMessage(), e);
        }
        detail("%d ontology triples, %d fact/claim/source quads in %d graphs, %d rules",
                in.ontology().size(), in.data().stream().count(), countGraphs(in.data()), rules.rules().size());

        if (eto != null) {
            step("importing the ETO supply-chain dataset from " + eto.describe());
            EtoStage.run(eto, in, files, msg -> detail("%s", msg));
        }

        step("checking that every graph has a source");
        ProvenanceCheck.check(in, files.display(files.sources()));

        step("checking terms, references, labels and literal sizes");
        in.integrity.check(in.data());

        step("validating with SHACL");
        ShaclGate.validate(in, files.display(files.shapes()));

        step("reasoning");
        Graph reasoningInput = GraphFactory.createDefaultGraph();
        in.ontology().find().forEachRemaining(reasoningInput::add);
        // Claims assert nothing: they stay out of reasoning (and of the OWL checks).
        in.data().find().forEachRemaining(q -> {
            if (!Chipgraph.isClaimsGraph(q.getGraph()))
                reasoningInput.add(q.asTriple());
        });
        Materializer.Result inference = new Materializer(rules).materialize(reasoningInput, msg -> {
            detail("%s", msg);
            HaltPoint.reached(HaltPoint.REASON);
        });
        detail("%d triples inferred in %d rounds", inference.inferred().size(), inference.rounds());
        return new Prepared(in, inference, start);
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
        step("writing a new store version");
        String version = store.createVersion();
        DatasetGraph dsg = null;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(store.locationOf(version).toString());
            write(prepared, dsg);
            writeExplanations(dsg);
            Map<String, Long> counts = countPerGraph(dsg);
            TDBInternal.expel(dsg);
            dsg = null;
            HaltPoint.reached(HaltPoint.PUBLISH);
            step("publishing " + version);
            store.publish(version);
            store.pruneOldVersions();
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
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        write(prepared, dsg);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        writeExplanations(dsg);
        report("in-memory", prepared, countPerGraph(dsg));
        return dsg;
    }

    private void write(Prepared p, DatasetGraph dsg) {
        Txn.executeWrite(dsg, () -> {
            p.inputs().ontology().find().forEachRemaining(t ->
                    dsg.add(Chipgraph.GRAPH_ONTOLOGY, t.getSubject(), t.getPredicate(), t.getObject()));
            p.inputs().data().find().forEachRemaining(dsg::add);
            HaltPoint.reached(HaltPoint.WRITE);
            p.inference().inferred().find().forEachRemaining(t ->
                    dsg.add(Chipgraph.GRAPH_INFERRED, t.getSubject(), t.getPredicate(), t.getObject()));
        });
    }

    /**
     * Explanations of every dependency pair as RDF 1.2 reifiers (graph/explanations), read from
     * the written store so the union default graph ties edges to their sources. Above
     * {@link #EXPLANATION_PAIR_LIMIT} pairs this is skipped and said so: explain answers on demand.
     */
    private void writeExplanations(DatasetGraph dsg) {
        step("writing dependency explanations");
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        DependencyGraph g = Txn.calculateRead(dsg, () -> DependencyGraph.load(q -> QueryRunner.select(dsg, q, Map.of())));
        long pairs = ExplanationGraph.pairCount(g);
        if (pairs > EXPLANATION_PAIR_LIMIT) {
            detail("%d dependency pairs: over the limit of %d, no explanation graph (use explain)", pairs, EXPLANATION_PAIR_LIMIT);
            return;
        }
        long[] n = {0};
        Txn.executeWrite(dsg, () -> n[0] = ExplanationGraph.write(g, t ->
                dsg.add(Chipgraph.GRAPH_EXPLANATIONS, t.getSubject(), t.getPredicate(), t.getObject())));
        detail("%d dependency pairs explained over %d asserted edges", n[0], g.edgeCount());
    }

    /** Beyond this many dependency pairs, explanations are answered on demand only. */
    static final long EXPLANATION_PAIR_LIMIT = 200_000;

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

    private static long countGraphs(DatasetGraph dsg) {
        long[] n = {0};
        dsg.listGraphNodes().forEachRemaining(g -> n[0]++);
        return n[0];
    }

    private void step(String what) {
        out.println("- " + what);
        out.flush();
    }

    private void detail(String fmt, Object... args) {
        out.println("    " + String.format(fmt, args));
        out.flush();
    }
}
