package org.w3id.chipgraph.load;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * Everything the loader parsed, in memory, before any checks: the ontology, the shapes,
 * and one dataset of named graphs for the facts, plus where each subject was first written
 * so that later errors can point at a file.
 */
public final class ParsedInputs {
    final Graph ontology;
    final Graph shapes;
    /** Named graphs: sources, register, fact graphs, claim graphs. No default-graph triples. */
    final DatasetGraph data = DatasetGraphFactory.createGeneral();
    final Map<Node, String> subjectFile = new HashMap<>();

    ParsedInputs(Graph ontology, Graph shapes) {
        this.ontology = ontology;
        this.shapes = shapes;
    }

    public Graph ontology() { return ontology; }
    public Graph shapes() { return shapes; }
    public DatasetGraph data() { return data; }

    /** The file a subject was first described in, for error messages; "?" if unknown. */
    public String fileOf(Node subject) {
        return subjectFile.getOrDefault(subject, "?");
    }

    /**
     * Add a named graph made by a stage of the loader (e.g. the ETO import) rather than parsed
     * from a file; {@code origins} says where each subject came from, for error messages.
     */
    public void addGraph(Node graphName, Graph triples, Map<Node, String> origins, String defaultOrigin) {
        triples.find().forEachRemaining(t -> {
            data.add(graphName, t.getSubject(), t.getPredicate(), t.getObject());
            subjectFile.putIfAbsent(t.getSubject(), origins.getOrDefault(t.getSubject(), defaultOrigin));
        });
    }

    void noteSubjects(Graph g, String file) {
        g.find().forEachRemaining(t -> subjectFile.putIfAbsent(t.getSubject(), file));
    }
}
