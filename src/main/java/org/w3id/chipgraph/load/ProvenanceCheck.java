package org.w3id.chipgraph.load;

import org.w3id.chipgraph.input.LoadException;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;

/**
 * Every named graph of facts or claims must say which source it comes from: the source
 * register (data/sources.ttl) has {@code <graph> prov:wasDerivedFrom <source>}, and that
 * source is a cg:SourceDocument. Without it a fact would have no source.
 */
final class ProvenanceCheck {
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Node SOURCE_DOCUMENT = NodeFactory.createURI(Chipgraph.NS + "SourceDocument");

    private ProvenanceCheck() {}

    static void check(ParsedInputs in, String sourcesFile) {
        Graph sources = in.data.getGraph(Chipgraph.GRAPH_SOURCES);
        List<String> problems = new ArrayList<>();
        in.data.listGraphNodes().forEachRemaining(g -> {
            // The register's provenance is per entity (prov:wasDerivedFrom on each), not per graph.
            if (g.equals(Chipgraph.GRAPH_SOURCES) || g.equals(Chipgraph.GRAPH_REGISTER))
                return;
            List<Node> srcs = sources.find(g, WAS_DERIVED_FROM, Node.ANY).mapWith(t -> t.getObject()).toList();
            if (srcs.isEmpty()) {
                problems.add(in.fileOf(firstSubject(in, g)) + ": graph <" + g.getURI() + "> has no source: add '<"
                        + g.getURI() + "> prov:wasDerivedFrom <source>' to " + sourcesFile);
                return;
            }
            for (Node s : srcs) {
                if (!sources.contains(s, RDF.type.asNode(), SOURCE_DOCUMENT))
                    problems.add(sourcesFile + ": <" + s + ">, the source of graph <" + g.getURI()
                            + ">, is not described as a cg:SourceDocument");
            }
        });
        if (!problems.isEmpty())
            throw new LoadException(LoadException.INPUT, "Facts without a source:\n  " + String.join("\n  ", problems));
    }

    private static Node firstSubject(ParsedInputs in, Node g) {
        var it = in.data.getGraph(g).find();
        return it.hasNext() ? it.next().getSubject() : g;
    }
}
