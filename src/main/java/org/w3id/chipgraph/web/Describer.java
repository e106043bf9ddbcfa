package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/**
 * Looks things up for pages inside one read transaction: labels by language, the source
 * behind a named graph, a property's label and unit. Remembers what it found, since a page
 * asks for the same few nodes many times.
 */
final class Describer {
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final Node WAS_DERIVED_FROM = NodeFactory.createURI(PROV + "wasDerivedFrom");
    static final Node TITLE = NodeFactory.createURI(DCT + "title");
    static final Node URL = NodeFactory.createURI(Chipgraph.NS + "url");
    static final Node UNIT = NodeFactory.createURI(Chipgraph.NS + "unit");

    /** A source document behind a fact: its IRI, title (and the title's language) and link, if any. */
    record Source(String iri, String title, String lang, String url) {}

    /** Where a fact comes from: the named graph and the sources it is derived from; inferred facts have none. */
    record Origin(String graph, boolean inferred, List<Source> sources) {}

    private final DatasetGraph dsg;
    private final Map<Node, Map<String, String>> labels = new HashMap<>();
    private final Map<String, Origin> origins = new HashMap<>();

    Describer(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    DatasetGraph dataset() { return dsg; }

    /** Label by language ("" for none), first value of each, from any graph. */
    Map<String, String> labels(Node n) {
        return labels.computeIfAbsent(n, k -> {
            Map<String, String> m = new LinkedHashMap<>();
            if (k.isURI() || k.isBlank())
                dsg.find(Node.ANY, k, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> {
                    if (q.getObject().isLiteral())
                        m.putIfAbsent(q.getObject().getLiteralLanguage(), q.getObject().getLiteralLexicalForm());
                });
            return m;
        });
    }

    /** English label, else any label, else the local name. */
    String label(Node n) {
        Map<String, String> m = labels(n);
        if (m.containsKey("en")) return m.get("en");
        if (m.containsKey("")) return m.get("");
        if (!m.isEmpty()) return m.values().iterator().next();
        return localName(n);
    }

    static String localName(Node n) {
        if (!n.isURI())
            return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
        String iri = n.getURI();
        if (iri.startsWith(Chipgraph.NS)) return iri.substring(Chipgraph.NS.length());
        if (iri.startsWith(Chipgraph.ID)) return iri.substring(Chipgraph.ID.length());
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    List<Node> objects(Node g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        dsg.find(g, s, p, Node.ANY).forEachRemaining(q -> {
            if (!out.contains(q.getObject()))
                out.add(q.getObject());
        });
        return out;
    }

    Node first(Node s, Node p) {
        List<Node> o = objects(Node.ANY, s, p);
        return o.isEmpty() ? null : o.get(0);
    }

    boolean isA(Node s, String classIri) {
        return dsg.contains(Node.ANY, s, RDF.type.asNode(), NodeFactory.createURI(classIri));
    }

    /**
     * The origin of a fact about {@code subject} in {@code graph}: a source graph is tied to its
     * document in graph/sources (the register's is the editorial register, src:chipgraph-register);
     * a register without one falls back to the sources that name the entity.
     */
    Origin origin(Node graph, Node subject) {
        String key = graph.getURI() + (graph.equals(Chipgraph.GRAPH_REGISTER) ? " " + subject : "");
        return origins.computeIfAbsent(key, k -> {
            if (graph.equals(Chipgraph.GRAPH_INFERRED))
                return new Origin(graph.getURI(), true, List.of());
            List<Node> docs = objects(Chipgraph.GRAPH_SOURCES, graph, WAS_DERIVED_FROM);
            // A register without a source of its own (small test data) falls back to the entity's sources.
            if (docs.isEmpty() && graph.equals(Chipgraph.GRAPH_REGISTER))
                docs = objects(graph, subject, WAS_DERIVED_FROM);
            List<Source> sources = new ArrayList<>();
            for (Node d : docs)
                sources.add(source(d));
            return new Origin(graph.getURI(), false, sources);
        });
    }

    Source source(Node doc) {
        Node title = first(doc, TITLE);
        Node url = first(doc, URL);
        String t = title != null && title.isLiteral() ? title.getLiteralLexicalForm() : label(doc);
        String lang = title != null && title.isLiteral() ? title.getLiteralLanguage() : "";
        return new Source(doc.getURI(), t, lang, url == null ? null : url.isURI() ? url.getURI() : url.getLiteralLexicalForm());
    }

    /** The unit of a spec property (cg:unit in the ontology), or null. */
    String unit(Node property) {
        List<Node> u = objects(Chipgraph.GRAPH_ONTOLOGY, property, UNIT);
        return u.isEmpty() || !u.get(0).isLiteral() ? null : u.get(0).getLiteralLexicalForm();
    }

    /** Every graph holding the quad (s p o), as origins. */
    List<Origin> originsOf(Node s, Node p, Node o) {
        Set<Node> graphs = new LinkedHashSet<>();
        dsg.find(Node.ANY, s, p, o).forEachRemaining(q -> graphs.add(q.getGraph()));
        List<Origin> out = new ArrayList<>();
        for (Node g : graphs)
            out.add(origin(g, s));
        return out;
    }
}
