package org.w3id.chipgraph.reason;

import static org.w3id.chipgraph.reason.FastMaterializer.DEPENDENCY_OF;
import static org.w3id.chipgraph.reason.FastMaterializer.DEPENDS_ON;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * cg:dependsOn and cg:dependencyOf kept out of the graph while reasoning: each cg:dependsOn
 * triple the rules derive before transitivity is kept as a base edge of a {@link DependencyIndex}
 * instead, and the closure is put in the graph afterwards only while it stays small.
 */
final class VirtualDependencies {
    private final Map<Node, Integer> ids = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private int[] from = new int[1024], to = new int[1024];
    private int count;
    private boolean nonIri;

    static boolean isDependency(Node p) {
        return p.equals(DEPENDS_ON) || p.equals(DEPENDENCY_OF);
    }

    /** Why cg:dependsOn / cg:dependencyOf cannot stay out of the graph, or null when they can. */
    static String problem(RuleSchema schema, List<Rule> generic) {
        if (!schema.transitive.contains(DEPENDS_ON))
            return "cg:dependsOn is not declared transitive";
        if (schema.transitive.contains(DEPENDENCY_OF))
            return "cg:dependencyOf is declared transitive";
        for (Node v : List.of(DEPENDS_ON, DEPENDENCY_OF)) {
            Node other = v.equals(DEPENDS_ON) ? DEPENDENCY_OF : DEPENDS_ON;
            for (Node q : schema.superProps.getOrDefault(v, List.of()))
                if (!q.equals(v)) return v.getLocalName() + " has a super-property " + q;
            if (schema.domains.containsKey(v) || schema.ranges.containsKey(v)) return v.getLocalName() + " has a domain or range";
            for (Node q : schema.inverses.getOrDefault(v, List.of()))
                if (!q.equals(other)) return v.getLocalName() + " has an inverse " + q;
            if (schema.symmetric.contains(v)) return v.getLocalName() + " is symmetric";
            if (schema.chainsByFirst.containsKey(v) || schema.chainsBySecond.containsKey(v)) return v.getLocalName() + " is in a property chain";
        }
        if (!schema.inverses.getOrDefault(DEPENDS_ON, List.of()).contains(DEPENDENCY_OF))
            return "cg:dependencyOf is not declared the inverse of cg:dependsOn";
        for (Rule r : generic) {
            Set<Node> reads = RuleReads.predicatesRead(r.construct());
            if (reads == null || reads.contains(DEPENDS_ON) || reads.contains(DEPENDENCY_OF))
                return "rule " + r.name() + " reads them";
        }
        return null;
    }

    /** A cg:dependsOn (or reversed cg:dependencyOf) triple, kept as an edge of the index. */
    void add(Triple t) {
        boolean forward = t.getPredicate().equals(DEPENDS_ON);
        Node a = forward ? t.getSubject() : t.getObject(), b = forward ? t.getObject() : t.getSubject();
        if (!a.isURI() || !b.isURI())
            nonIri = true;
        if (count == from.length) {
            from = Arrays.copyOf(from, count * 2);
            to = Arrays.copyOf(to, count * 2);
        }
        from[count] = id(a);
        to[count] = id(b);
        count++;
    }

    private int id(Node n) {
        Integer id = ids.get(n);
        if (id == null) {
            id = nodes.size();
            ids.put(n, id);
            nodes.add(n);
        }
        return id;
    }

    /** Has an edge a blank node or literal end (the index holds IRIs only, so the closure must be in the graph)? */
    boolean hasNonIriEnd() {
        return nonIri;
    }

    /** The index of the edges kept, with its counts computed. */
    DependencyIndex index() {
        DependencyIndex index = DependencyIndex.fromEdges(nodes.stream().map(n -> n.isURI() ? n.getURI() : n.toString()).toArray(String[]::new),
                Arrays.copyOf(from, count), Arrays.copyOf(to, count));
        index.computeCounts();
        return index;
    }

    /** Adds to {@code inferred} the triples rules 60 and 40 would have added for cg:dependsOn and cg:dependencyOf. */
    void materializeClosure(DependencyIndex index, Graph asserted, Graph inferred, Map<String, Long> perRule) {
        for (int a = 0; a < index.size(); a++) {
            Node na = nodes.get(a);
            for (int b : index.reach(a, true)) {
                Node nb = nodes.get(b);
                Triple d = Triple.create(na, DEPENDS_ON, nb);
                if (!asserted.contains(d)) {
                    inferred.add(d);
                    perRule.merge("60-transitive", 1L, Long::sum);
                }
                if (!nb.isLiteral()) {
                    Triple inv = Triple.create(nb, DEPENDENCY_OF, na);
                    if (!asserted.contains(inv)) {
                        inferred.add(inv);
                        perRule.merge("40-inverse", 1L, Long::sum);
                    }
                }
            }
        }
    }
}
