package org.w3id.chipgraph.reason;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.w3id.chipgraph.Chipgraph;

/**
 * Explanations as data, so that one SPARQL query can ask which sources a dependency rests on:
 * for every pair (A, B) with A depending on B through asserted edges, an RDF 1.2 reifier
 * <pre>
 *   _:e rdf:reifies &lt;&lt;( A cg:dependsOn B )&gt;&gt; ; a cg:DependencyExplanation ;
 *       cg:chainLength 3 ; cg:viaEdge &lt;&lt;( A cg:usesChip X )&gt;&gt; , ... ;
 *       prov:wasDerivedFrom src:... .
 * </pre>
 * and for every direct edge on those chains a reifier of the edge with the sources it rests on
 * (an edge may be stated by its inverse or entailed by a chain, so no graph holds it as such):
 * <pre>
 *   _:r rdf:reifies &lt;&lt;( X cg:designedBy Y )&gt;&gt; ; prov:wasDerivedFrom src:... .
 * </pre>
 * written to graph/explanations, which the OWL checks leave out. Skipped above a pair limit:
 * the command line and the HTTP API explain any pair on demand.
 */
public final class ExplanationGraph {
    static final Node DEPENDS_ON = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
    static final Node EXPLANATION = NodeFactory.createURI(Chipgraph.NS + "DependencyExplanation");
    static final Node VIA_EDGE = NodeFactory.createURI(Chipgraph.NS + "viaEdge");
    static final Node CHAIN_LENGTH = NodeFactory.createURI(Chipgraph.NS + "chainLength");
    static final Node DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    static final Node REIFIES = NodeFactory.createURI(RDF.getURI() + "reifies");

    private ExplanationGraph() {}

    /** Number of dependency pairs (A, B) through asserted edges. */
    public static long pairCount(DependencyGraph g) {
        return pairCount(g, iri -> true);
    }

    /** Number of dependency pairs (A, B) through asserted edges whose dependent A passes {@code from}. */
    public static long pairCount(DependencyGraph g, Predicate<String> from) {
        long n = 0;
        for (int a = 0; a < g.size(); a++) {
            if (!from.test(g.iri(a)))
                continue;
            boolean[] r = g.reachableFrom(a, true);
            for (int b = 0; b < r.length; b++)
                if (r[b] && b != a) n++;
        }
        return n;
    }

    /** Emit the explanation triples of every pair; returns the number of pairs explained. */
    public static long write(DependencyGraph g, Consumer<Triple> out) {
        return write(g, iri -> true, out);
    }

    /**
     * Emit the explanation triples of every pair whose dependent A passes {@code from} (and a
     * reifier of every direct edge); returns the number of pairs explained.
     */
    public static long write(DependencyGraph g, Predicate<String> from, Consumer<Triple> out) {
        Explainer explainer = new Explainer(g);
        for (DependencyGraph.Edge edge : g.edges()) {
            Node r = NodeFactory.createBlankNode();
            out.accept(Triple.create(r, REIFIES, edgeTerm(g, edge)));
            edge.sources().stream().map(DependencyGraph.Source::iri).distinct()
                    .forEach(s -> out.accept(Triple.create(r, DERIVED_FROM, uri(s))));
        }
        long pairs = 0;
        for (int a = 0; a < g.size(); a++) {
            if (!from.test(g.iri(a)))
                continue;
            boolean[] reach = g.reachableFrom(a, true);
            for (int b = 0; b < reach.length; b++) {
                if (!reach[b] || b == a)
                    continue;
                List<Explainer.Chain> chains = explainer.explain(a, b);
                if (chains.isEmpty())
                    continue;
                pairs++;
                Node e = NodeFactory.createBlankNode();
                Node stmt = NodeFactory.createTripleTerm(uri(g.iri(a)), DEPENDS_ON, uri(g.iri(b)));
                out.accept(Triple.create(e, REIFIES, stmt));
                out.accept(Triple.create(e, RDF.type.asNode(), EXPLANATION));
                out.accept(Triple.create(e, CHAIN_LENGTH,
                        NodeFactory.createLiteralDT(Integer.toString(chains.get(0).edges().size()), XSDDatatype.XSDinteger)));
                Set<Node> edges = new LinkedHashSet<>();
                Set<String> sources = new LinkedHashSet<>();
                for (Explainer.Chain c : chains) {
                    for (DependencyGraph.Edge edge : c.edges()) {
                        edges.add(edgeTerm(g, edge));
                        edge.sources().forEach(s -> sources.add(s.iri()));
                    }
                }
                edges.forEach(t -> out.accept(Triple.create(e, VIA_EDGE, t)));
                sources.forEach(s -> out.accept(Triple.create(e, DERIVED_FROM, uri(s))));
            }
        }
        return pairs;
    }

    private static Node edgeTerm(DependencyGraph g, DependencyGraph.Edge edge) {
        return NodeFactory.createTripleTerm(uri(g.iri(edge.from())), uri(edge.property()), uri(g.iri(edge.to())));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
