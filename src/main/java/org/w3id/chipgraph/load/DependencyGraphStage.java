package org.w3id.chipgraph.load;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.reason.Chokepoints;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyGraphFile;

/**
 * The what-if structures of a new version, computed once at load (issue 17): the dependency
 * graph (edges by role, with their sources) and the chokepoint ranking of every entity, written
 * beside the store as {@link DependencyGraphFile}. The graph is read from the prepared data in
 * memory by scanning it ({@link DependencyGraph#fromDataset}); a server without the file reads
 * the written store through SPARQL, and DependencyGraphFileTest checks that both agree.
 */
final class DependencyGraphStage {
    private DependencyGraphStage() {}

    record Computed(DependencyGraph graph, List<Chokepoints.Ranked> ranking, double graphSeconds, double rankingSeconds) {}

    static Computed compute(Loader.Prepared p) {
        long t0 = System.nanoTime();
        DatasetGraph view = view(p);
        DependencyGraph graph = DependencyGraph.fromDataset(view, null);
        long t1 = System.nanoTime();
        List<Chokepoints.Ranked> ranking = new Chokepoints(graph).ranking(p.inference().index());
        long t2 = System.nanoTime();
        return new Computed(graph, ranking, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    static void write(Computed c, Path versionDir) {
        DependencyGraphFile.write(c.graph(), c.ranking(), versionDir.resolve(DependencyGraphFile.FILE_NAME));
    }

    /** Every graph the store will hold but the explanations (derived from this graph), linked, not copied, into one dataset. */
    private static DatasetGraph view(Loader.Prepared p) {
        DatasetGraph data = p.inputs().data();
        DatasetGraph view = DatasetGraphFactory.createGeneral();
        data.listGraphNodes().forEachRemaining(n -> view.addGraph(n, data.getGraph(n)));
        view.addGraph(Chipgraph.GRAPH_ONTOLOGY, p.inputs().ontology());
        view.addGraph(Chipgraph.GRAPH_INFERRED, p.inference().inferred());
        return view;
    }
}
