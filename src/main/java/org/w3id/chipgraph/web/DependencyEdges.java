package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.reason.DependencyGraph;

/**
 * The typed dependency edges of a store version, asserted and inferred, for drawing: every
 * edge by a sub-property of cg:dependsOn (e.g. fabricatedBy, usesChip), asserted when some
 * source graph states it, inferred when only graph/inferred has it. An inferred edge whose pair
 * is already joined by an asserted edge of the same or a more specific property (usesNode beside
 * an asserted fabricatedOn) is left out: it adds nothing to a picture. The inferred closure of
 * cg:dependsOn is kept apart: a picture draws it only from or to its centre, for the nodes two
 * or more steps away (what the centre depends on through a chain), so it stays readable.
 */
final class DependencyEdges {
    record Edge(String from, String to, String property, boolean inferred) {}

    private static final Node DEPENDS_ON = NodeFactory.createURI(Chipgraph.NS + "dependsOn");

    final List<Edge> edges = new ArrayList<>();
    final Map<String, List<Edge>> out = new HashMap<>();
    final Map<String, List<Edge>> in = new HashMap<>();
    /** The materialized cg:dependsOn pairs (graph/inferred), both ways. */
    final Map<String, Set<String>> closureOut = new HashMap<>(), closureIn = new HashMap<>();
    /** Dependency property to its English label. */
    final Map<String, String> propertyLabels = new LinkedHashMap<>();

    /**
     * The edges of one store version, with the dependency properties, their super-properties and
     * labels as the dependency graph of the same version read them.
     */
    static DependencyEdges read(DatasetGraph dsg, DependencyGraph graph) {
        return Txn.calculateRead(dsg, () -> new DependencyEdges().read(dsg, graph.superProperties(), graph.propertyLabels()));
    }

    private DependencyEdges read(DatasetGraph dsg, Map<String, Set<String>> props, Map<String, String> labels) {
        Set<String> asserted = new LinkedHashSet<>(), inferred = new LinkedHashSet<>();
        for (String p : props.keySet()) {
            dsg.find(Node.ANY, Node.ANY, NodeFactory.createURI(p), Node.ANY).forEachRemaining(q -> {
                if (!q.getSubject().isURI() || !q.getObject().isURI())
                    return;
                String key = q.getSubject().getURI() + " " + p + " " + q.getObject().getURI();
                if (q.getGraph().equals(Chipgraph.GRAPH_INFERRED))
                    inferred.add(key);
                else
                    asserted.add(key);
            });
        }
        // Pairs joined by an asserted edge, with every super-property of that edge's property.
        Set<String> covered = new HashSet<>();
        for (String k : asserted) {
            String[] t = k.split(" ");
            for (String sup : props.get(t[1]))
                covered.add(t[0] + " " + sup + " " + t[2]);
            add(new Edge(t[0], t[2], t[1], false));
        }
        for (String k : inferred) {
            String[] t = k.split(" ");
            if (t[1].equals(DEPENDS_ON.getURI())) {
                closureOut.computeIfAbsent(t[0], x -> new HashSet<>()).add(t[2]);
                closureIn.computeIfAbsent(t[2], x -> new HashSet<>()).add(t[0]);
            } else if (!covered.contains(k)) {
                add(new Edge(t[0], t[2], t[1], true));
            }
        }
        propertyLabels.putAll(labels);
        return this;
    }

    private void add(Edge e) {
        edges.add(e);
        out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        in.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
    }

    String propertyLabel(String p) {
        return propertyLabels.getOrDefault(p, p.startsWith(Chipgraph.NS) ? p.substring(Chipgraph.NS.length()) : p);
    }

    /**
     * The neighbourhood of {@code root}: what it depends on up to {@code depth} steps (following
     * edges forward: level 1..depth) and what depends on it up to {@code depth} steps (backward:
     * level -1..-depth), with every edge among those nodes, and the inferred cg:dependsOn from
     * the root to each node two or more steps upstream (and to the root from those downstream).
     */
    Neighbourhood around(String root, int depth) {
        Map<String, Integer> level = new LinkedHashMap<>();
        level.put(root, 0);
        walk(root, depth, true, level);
        walk(root, depth, false, level);
        List<Edge> among = new ArrayList<>();
        for (String n : level.keySet())
            for (Edge e : out.getOrDefault(n, List.of()))
                if (level.containsKey(e.to()))
                    among.add(e);
        level.forEach((n, l) -> {
            if (l >= 2 && closureOut.getOrDefault(root, Set.of()).contains(n))
                among.add(new Edge(root, n, DEPENDS_ON.getURI(), true));
            else if (l <= -2 && closureIn.getOrDefault(root, Set.of()).contains(n))
                among.add(new Edge(n, root, DEPENDS_ON.getURI(), true));
        });
        return new Neighbourhood(root, depth, level, among);
    }

    private void walk(String root, int depth, boolean forward, Map<String, Integer> level) {
        List<String> frontier = List.of(root);
        Set<String> seen = new HashSet<>(frontier);
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            for (String n : frontier) {
                for (Edge e : (forward ? out : in).getOrDefault(n, List.of())) {
                    String m = forward ? e.to() : e.from();
                    if (seen.add(m)) {
                        next.add(m);
                        // A node both upstream and downstream (a cycle) keeps its upstream place.
                        level.putIfAbsent(m, forward ? d : -d);
                    }
                }
            }
            frontier = next;
        }
    }

    record Neighbourhood(String root, int depth, Map<String, Integer> levels, List<Edge> edges) {}
}
