package org.w3id.chipgraph.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;

/**
 * Writes a checked, reasoned load into an in-memory TDB2 dataset, each part in its graph (ontology,
 * facts and claims as parsed, inferred, explanations), and counts the triples per graph (a store
 * version on disk is written by {@link ConcurrentWrite}).
 */
final class PreparedWriter {
    private PreparedWriter() {}

    /** Into an in-memory dataset, in one write transaction. */
    static void write(Loader.Prepared p, Graph explanations, DatasetGraph dsg) {
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

    /** Triples per graph of a written dataset. */
    static Map<String, Long> countPerGraph(DatasetGraph dsg) {
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
    static Map<String, Long> countPerGraph(Loader.Prepared p, Graph explanations) {
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
}
