package org.w3id.chipgraph.input;

import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/** What an {@link OpenDataStage} sees of the loader's parsed inputs (load's ParsedInputs implements it). */
public interface StageInputs {
    /** The ontology, parsed. */
    Graph ontology();

    /** Every fact graph parsed so far, by graph name. */
    DatasetGraph data();

    /**
     * Add a named graph made by the stage rather than parsed from a file; {@code origins} says
     * where each subject came from, for error messages ({@code defaultOrigin} for the others).
     */
    void addGraph(Node graphName, Graph triples, Map<Node, String> origins, String defaultOrigin);
}
