package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * The country a node of the dependency picture belongs to, for grouping a large neighbourhood
 * by country: an organization's headquarters; for a product, its designer's or maker's; for an
 * AI model, its developer's. Nodes with none have no country. Read once per store version
 * (four properties scanned), then answered from memory.
 */
final class NodeCountries {
    private static final Node HQ = cg("headquarteredIn");
    private static final List<Node> MAKERS = List.of(cg("designedBy"), cg("madeBy"));
    private static final Node DEVELOPER_OF = cg("developerOf");

    private final Map<Node, Node> headquarters;
    private final List<Map<Node, Node>> makers = new ArrayList<>();
    private final Map<Node, List<Node>> developers = new HashMap<>();
    private final LabelIndex labels;

    private NodeCountries(DatasetGraph dsg, LabelIndex labels) {
        this.labels = labels;
        this.headquarters = firstObjects(dsg, HQ);
        for (Node p : MAKERS)
            makers.add(firstObjects(dsg, p));
        dsg.find(Node.ANY, Node.ANY, DEVELOPER_OF, Node.ANY).forEachRemaining(q ->
                developers.computeIfAbsent(q.getObject(), k -> new ArrayList<>()).add(q.getSubject()));
    }

    private static Node cg(String local) {
        return NodeFactory.createURI(Chipgraph.NS + local);
    }

    static NodeCountries read(DatasetGraph dsg, LabelIndex labels) {
        return Txn.calculateRead(dsg, () -> new NodeCountries(dsg, labels));
    }

    /** The label of the node's country, or null when it has none. */
    String of(String iri) {
        Node c = country(NodeFactory.createURI(iri));
        return c == null ? null : labels.label(c.getURI());
    }

    private Node country(Node n) {
        Node c = headquarters.get(n);
        for (Map<Node, Node> maker : makers) {
            if (c != null)
                return c;
            c = maker.get(n);
            c = c == null ? null : headquarters.get(c);
        }
        for (Node developer : developers.getOrDefault(n, List.of())) {
            if (c != null)
                break;
            c = headquarters.get(developer);
        }
        return c;
    }

    /** Subject to its first IRI object of property p, in any graph. */
    private static Map<Node, Node> firstObjects(DatasetGraph dsg, Node p) {
        Map<Node, Node> m = new HashMap<>();
        dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI())
                m.putIfAbsent(q.getSubject(), q.getObject());
        });
        return m;
    }
}
