package org.w3id.chipgraph.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/**
 * The RDF description of an entity, for RDF clients: every triple with it as subject (from
 * every graph, asserted and inferred) plus the labels of the nodes it links to, so that a
 * client can show names without a second request. As a dataset, the same quads keep their
 * named graphs (and so their sources).
 */
final class EntityRdf {
    private EntityRdf() {}

    static Graph graph(DatasetGraph dsg, Node e) {
        Graph g = GraphFactory.createDefaultGraph();
        dataset(dsg, e).stream().forEach(q -> g.add(q.asTriple()));
        prefixes(g);
        return g;
    }

    static DatasetGraph dataset(DatasetGraph dsg, Node e) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        Set<Node> linked = new LinkedHashSet<>();
        dsg.find(Node.ANY, e, Node.ANY, Node.ANY).forEachRemaining(q -> {
            out.add(q);
            if (q.getObject().isURI() && !q.getObject().equals(e))
                linked.add(q.getObject());
        });
        for (Node n : linked)
            dsg.find(Node.ANY, n, RDFS.label.asNode(), Node.ANY).forEachRemaining(out::add);
        out.prefixes().putAll(PrefixMapFactory.create(prefixMap()));
        return out;
    }

    static Map<String, String> prefixMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cg", Chipgraph.NS);
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("prov", "http://www.w3.org/ns/prov#");
        m.put("dct", "http://purl.org/dc/terms/");
        m.put("id", Chipgraph.ID);
        m.put("src", Chipgraph.SOURCE);
        m.put("g", Chipgraph.GRAPH);
        m.put("wd", "http://www.wikidata.org/entity/");
        return m;
    }

    private static void prefixes(Graph g) {
        g.getPrefixMapping().setNsPrefixes(prefixMap());
    }

    static boolean exists(DatasetGraph dsg, Node e) {
        return dsg.find(Node.ANY, e, Node.ANY, Node.ANY).hasNext() || dsg.find(Node.ANY, Node.ANY, Node.ANY, e).hasNext();
    }
}
