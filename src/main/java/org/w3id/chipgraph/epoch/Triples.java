package org.w3id.chipgraph.epoch;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The named graphs an Epoch stage writes, each triple noted with the file:line it came from
 * (for error messages of the later checks), and the literal helpers they need.
 */
final class Triples {
    private final Map<Node, Graph> graphs = new LinkedHashMap<>();
    private final Map<Node, String> origins = new HashMap<>();

    void add(Node graph, Node s, Node p, Node o, String where) {
        graphs.computeIfAbsent(graph, g -> GraphFactory.createDefaultGraph()).add(s, p, o);
        origins.putIfAbsent(s, where);
    }

    Map<Node, Graph> graphs() { return graphs; }
    Map<Node, String> origins() { return origins; }

    long size() {
        return graphs.values().stream().mapToLong(Graph::size).sum();
    }

    static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }

    static Node lang(String text, String tag) {
        return NodeFactory.createLiteralLang(text, tag);
    }

    static Node str(String text) {
        return NodeFactory.createLiteralString(text);
    }

    static Node decimal(BigDecimal v) {
        BigDecimal d = v.stripTrailingZeros();
        if (d.scale() < 0)
            d = d.setScale(0);
        return NodeFactory.createLiteralDT(d.toPlainString(), XSDDatatype.XSDdecimal);
    }

    static Node integer(long v) {
        return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
    }

    static Node date(String isoDate) {
        return NodeFactory.createLiteralDT(isoDate, XSDDatatype.XSDdate);
    }

    static Node anyUri(String uri) {
        return NodeFactory.createLiteralDT(uri, XSDDatatype.XSDanyURI);
    }
}
