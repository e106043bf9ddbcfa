package org.w3id.chipgraph.load;

import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.ExplanationGraph;

/**
 * Explanations of every dependency pair as RDF 1.2 reifiers (graph/explanations), computed
 * from the dependency graph of the checked and reasoned data (its named graphs tie edges to
 * their sources; {@link DependencyGraphStage}) and written with everything else. Above the pair limit this is skipped and said
 * so: explain answers on demand.
 */
final class ExplanationStep {
    private ExplanationStep() {}

    /** The explanation graph to write, or null when skipped. */
    static Graph compute(Loader.Prepared p, DependencyGraph g, long explanationLimit, LoadProgress progress) {
        progress.step("computing dependency explanations");
        DependencyIndex index = p.inference().index();
        if (!p.inference().closureMaterialized()) {
            progress.detail("the dependency closure is not materialized: no explanation graph either (use explain)");
            return null;
        }
        // The pairs starting at an open dataset's entities are explained on demand only (explain,
        // /api/explain): written out they were most of the store and of the load time.
        Predicate<String> from = p.curated() == null ? iri -> true : p.curated()::contains;
        if (p.curated() == null && index != null && index.countPairsUpTo(explanationLimit) > explanationLimit) {
            progress.detail("more than %d dependency pairs: no explanation graph (use explain)", explanationLimit);
            return null;
        }
        long pairs = ExplanationGraph.pairCount(g, from);
        if (pairs > explanationLimit) {
            progress.detail("%d dependency pairs: over the limit of %d, no explanation graph (use explain)", pairs, explanationLimit);
            return null;
        }
        Graph out = GraphFactory.createDefaultGraph();
        long n = ExplanationGraph.write(g, from, out::add);
        progress.detail("%d dependency pairs explained over %d direct edges%s", n, g.edgeCount(),
                p.curated() == null ? "" : " (the pairs from curated entities; the open datasets' are explained on demand)");
        return out;
    }
}
