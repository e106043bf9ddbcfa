package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The schema the Java rules of {@link FastMaterializer} read, read once before the streaming
 * pass: super-classes, super-properties, domains, ranges, inverses, symmetric and transitive
 * properties, two-step property chains. Only the parts of rules that run in Java are read.
 */
final class RuleSchema {
    static final Node TYPE = RDF.type.asNode(), SUBCLASS = RDFS.subClassOf.asNode(), SUBPROP = RDFS.subPropertyOf.asNode(),
            DOMAIN = RDFS.domain.asNode(), RANGE = RDFS.range.asNode(), INVERSE = OWL2.inverseOf.asNode(),
            CHAIN = OWL2.propertyChainAxiom.asNode(), FIRST = RDF.first.asNode(), REST = RDF.rest.asNode(),
            NIL = RDF.nil.asNode(), OBJECT_PROPERTY = OWL2.ObjectProperty.asNode(),
            SYMMETRIC = OWL2.SymmetricProperty.asNode(), TRANSITIVE = OWL2.TransitiveProperty.asNode();

    final Map<Node, List<Node>> superClasses = new HashMap<>(), superProps = new HashMap<>(),
            domains = new HashMap<>(), ranges = new HashMap<>(), inverses = new HashMap<>();
    final Set<Node> symmetric = new HashSet<>(), transitive = new HashSet<>();
    /** chain p = p1 o p2: by p1 the pairs (p2, p); by p2 the pairs (p1, p). */
    final Map<Node, List<Node[]>> chainsByFirst = new HashMap<>(), chainsBySecond = new HashMap<>();

    private RuleSchema() {}

    /** The schema in {@code union} that the rules named in {@code javaRules} read. */
    static RuleSchema read(Graph union, Set<String> javaRules) {
        RuleSchema s = new RuleSchema();
        if (javaRules.contains("10-subclass"))
            s.readUriValued(union, SUBCLASS, s.superClasses);
        if (javaRules.contains("20-subproperty"))
            s.readUriValued(union, SUBPROP, s.superProps);
        if (javaRules.contains("30-domain"))
            s.readUriValued(union, DOMAIN, s.domains);
        if (javaRules.contains("31-range"))
            union.find(Node.ANY, RANGE, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && union.contains(t.getSubject(), TYPE, OBJECT_PROPERTY))
                    add(s.ranges, t.getSubject(), t.getObject());
            });
        if (javaRules.contains("40-inverse"))
            union.find(Node.ANY, INVERSE, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getObject().isURI()) {
                    add(s.inverses, t.getSubject(), t.getObject());
                    add(s.inverses, t.getObject(), t.getSubject());
                }
            });
        if (javaRules.contains("41-symmetric"))
            union.find(Node.ANY, TYPE, SYMMETRIC).forEachRemaining(t -> s.symmetric.add(t.getSubject()));
        if (javaRules.contains("60-transitive"))
            union.find(Node.ANY, TYPE, TRANSITIVE).forEachRemaining(t -> s.transitive.add(t.getSubject()));
        if (javaRules.contains("50-property-chain"))
            s.readChains(union);
        return s;
    }

    /** Every (subject, object) of {@code predicate} whose object is an IRI. */
    private void readUriValued(Graph union, Node predicate, Map<Node, List<Node>> into) {
        union.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t -> {
            if (t.getObject().isURI()) add(into, t.getSubject(), t.getObject());
        });
    }

    /** Chains of two properties (owl:propertyChainAxiom ( p1 p2 )), the only length rule 50 handles. */
    private void readChains(Graph union) {
        union.find(Node.ANY, CHAIN, Node.ANY).forEachRemaining(c -> {
            Node p = c.getSubject();
            union.find(c.getObject(), FIRST, Node.ANY).forEachRemaining(f1 ->
                union.find(c.getObject(), REST, Node.ANY).forEachRemaining(r1 ->
                    union.find(r1.getObject(), FIRST, Node.ANY).forEachRemaining(f2 -> {
                        if (union.contains(r1.getObject(), REST, NIL)) {
                            Node p1 = f1.getObject(), p2 = f2.getObject();
                            chainsByFirst.computeIfAbsent(p1, k -> new ArrayList<>()).add(new Node[] {p2, p});
                            chainsBySecond.computeIfAbsent(p2, k -> new ArrayList<>()).add(new Node[] {p1, p});
                        }
                    })));
        });
    }

    private static void add(Map<Node, List<Node>> m, Node k, Node v) {
        List<Node> l = m.computeIfAbsent(k, x -> new ArrayList<>());
        if (!l.contains(v)) l.add(v);
    }

    /** A derived triple the schema reading depends on. */
    static boolean isSchema(Triple t) {
        Node p = t.getPredicate();
        if (p.equals(TYPE)) {
            Node o = t.getObject();
            return o.equals(OBJECT_PROPERTY) || o.equals(SYMMETRIC) || o.equals(TRANSITIVE);
        }
        return p.equals(SUBCLASS) || p.equals(SUBPROP) || p.equals(DOMAIN) || p.equals(RANGE) || p.equals(INVERSE)
               || p.equals(CHAIN) || p.equals(FIRST) || p.equals(REST);
    }
}
