package org.w3id.chipgraph.web;

import java.util.Collection;
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
 * AI model, its developer's. Nodes with none stay out of the map.
 */
final class NodeCountries {
    private static final Node HQ = cg("headquarteredIn");
    private static final List<Node> MAKERS = List.of(cg("designedBy"), cg("madeBy"));
    private static final Node DEVELOPER_OF = cg("developerOf");

    private NodeCountries() {}

    private static Node cg(String local) {
        return NodeFactory.createURI(Chipgraph.NS + local);
    }

    static Map<String, String> of(DatasetGraph dsg, Collection<String> iris, LabelIndex labels) {
        return Txn.calculateRead(dsg, () -> {
            Map<String, String> result = new HashMap<>();
            for (String iri : iris) {
                Node c = country(dsg, NodeFactory.createURI(iri));
                if (c != null)
                    result.put(iri, labels.label(c.getURI()));
            }
            return result;
        });
    }

    private static Node country(DatasetGraph dsg, Node n) {
        Node c = hq(dsg, n);
        for (Node p : MAKERS) {
            if (c != null)
                return c;
            c = first(dsg, n, p, null);
            c = c == null ? null : hq(dsg, c);
        }
        if (c == null) {
            var it = dsg.find(Node.ANY, Node.ANY, DEVELOPER_OF, n);
            while (c == null && it.hasNext())
                c = hq(dsg, it.next().getSubject());
        }
        return c;
    }

    private static Node hq(DatasetGraph dsg, Node org) {
        return first(dsg, org, HQ, null);
    }

    private static Node first(DatasetGraph dsg, Node s, Node p, Node o) {
        var it = dsg.find(Node.ANY, s, p, o == null ? Node.ANY : o);
        while (it.hasNext()) {
            Node x = it.next().getObject();
            if (x.isURI())
                return x;
        }
        return null;
    }
}
