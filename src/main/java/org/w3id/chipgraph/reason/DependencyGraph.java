package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Chipgraph;

/**
 * The asserted direct dependency edges (every sub-property of cg:dependsOn, outside the
 * inferred graph) as a compact graph over int node ids, with each edge's property and the
 * sources it rests on. Explanations, impact, chokepoints and the transitive index read it.
 * Its queries name every graph they read, so they answer the same with or without the
 * union default graph (property functions run inside other queries).
 */
public final class DependencyGraph {
    /** One source document behind an edge. */
    public record Source(String iri, String title, String graph) {}

    /** One asserted edge "from depends on to", by a named property, with its sources. */
    public record Edge(int from, int to, String property, List<Source> sources) {}

    private final List<String> nodes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, String> propertyLabels = new HashMap<>();
    private final Set<String> partialProperties = new LinkedHashSet<>();
    private final Set<String> jointProperties = new LinkedHashSet<>();
    private final Set<Integer> products = new java.util.HashSet<>();
    private final List<Edge> edges = new ArrayList<>();
    private int[] outStart, outEdges, inStart, inEdges;

    static final String EDGES = Chipgraph.PREFIXES + """
            SELECT ?s ?p ?o ?g ?src ?title WHERE {
              { SELECT DISTINCT ?p WHERE { GRAPH g:ontology { ?p rdfs:subPropertyOf+ cg:dependsOn } } }
              GRAPH ?g { ?s ?p ?o }
              FILTER(?g != g:inferred && isIRI(?o))
              OPTIONAL { GRAPH g:sources { ?g prov:wasDerivedFrom ?src OPTIONAL { ?src dct:title ?title } } }
            }""";

    static final String LABELS = Chipgraph.PREFIXES + """
            SELECT ?x ?label WHERE {
              { SELECT DISTINCT ?x WHERE {
                  { SELECT DISTINCT ?p WHERE { GRAPH g:ontology { ?p rdfs:subPropertyOf+ cg:dependsOn } } }
                  GRAPH ?g { { ?x ?p ?y } UNION { ?y ?p ?x } } FILTER(?g != g:inferred) } }
              GRAPH ?lg { ?x rdfs:label ?label } FILTER(lang(?label) = "en")
            }""";

    static final String PROPERTIES = Chipgraph.PREFIXES + """
            SELECT ?p ?label ?partial ?joint WHERE {
              GRAPH g:ontology {
                ?p rdfs:subPropertyOf* cg:dependsOn .
                OPTIONAL { ?p rdfs:label ?label FILTER(lang(?label) = "en") }
                OPTIONAL { ?p cg:partialDependency ?partial }
                OPTIONAL { ?p cg:jointDependency ?joint }
              }
            }""";

    static final String PRODUCTS = Chipgraph.PREFIXES + """
            SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x a ?c } GRAPH g:ontology { ?c rdfs:subClassOf* cg:Product } }""";

    /** Read the edges from a store or an endpoint through the given SELECT runner. */
    public static DependencyGraph load(Function<Query, RowSetRewindable> select) {
        DependencyGraph g = new DependencyGraph();
        Map<String, Integer> edgeIndex = new LinkedHashMap<>();
        Map<Integer, List<Source>> sources = new HashMap<>();
        List<int[]> raw = new ArrayList<>();
        List<String> rawProps = new ArrayList<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(EDGES));
        while (rows.hasNext()) {
            Binding b = rows.next();
            int s = g.id(b.get(Var.alloc("s")).getURI());
            int o = g.id(b.get(Var.alloc("o")).getURI());
            String p = b.get(Var.alloc("p")).getURI();
            String key = s + " " + p + " " + o;
            Integer e = edgeIndex.get(key);
            if (e == null) {
                e = raw.size();
                edgeIndex.put(key, e);
                raw.add(new int[] {s, o});
                rawProps.add(p);
                sources.put(e, new ArrayList<>());
            }
            Node src = b.get(Var.alloc("src"));
            if (src != null) {
                Node title = b.get(Var.alloc("title"));
                Source source = new Source(src.getURI(), title == null ? src.getURI() : title.getLiteralLexicalForm(),
                        b.get(Var.alloc("g")).getURI());
                if (!sources.get(e).contains(source))
                    sources.get(e).add(source);
            }
        }
        for (int i = 0; i < raw.size(); i++)
            g.edges.add(new Edge(raw.get(i)[0], raw.get(i)[1], rawProps.get(i), List.copyOf(sources.get(i))));

        RowSetRewindable labels = select.apply(QueryFactory.create(LABELS));
        while (labels.hasNext()) {
            Binding b = labels.next();
            g.labels.putIfAbsent(b.get(Var.alloc("x")).getURI(), b.get(Var.alloc("label")).getLiteralLexicalForm());
        }
        RowSetRewindable props = select.apply(QueryFactory.create(PROPERTIES));
        while (props.hasNext()) {
            Binding b = props.next();
            String p = b.get(Var.alloc("p")).getURI();
            Node l = b.get(Var.alloc("label"));
            if (l != null)
                g.propertyLabels.putIfAbsent(p, l.getLiteralLexicalForm());
            Node partial = b.get(Var.alloc("partial"));
            if (partial != null && "true".equals(partial.getLiteralLexicalForm()))
                g.partialProperties.add(p);
            Node joint = b.get(Var.alloc("joint"));
            if (joint != null && "true".equals(joint.getLiteralLexicalForm()))
                g.jointProperties.add(p);
        }
        RowSetRewindable prods = select.apply(QueryFactory.create(PRODUCTS));
        while (prods.hasNext()) {
            Integer id = g.ids.get(prods.next().get(Var.alloc("x")).getURI());
            if (id != null)
                g.products.add(id);
        }
        g.index();
        return g;
    }

    private int id(String iri) {
        return ids.computeIfAbsent(iri, k -> {
            nodes.add(k);
            return nodes.size() - 1;
        });
    }

    /** Compressed adjacency (CSR) in both directions, so walks touch only int arrays. */
    private void index() {
        int n = nodes.size();
        outStart = new int[n + 1];
        inStart = new int[n + 1];
        for (Edge e : edges) {
            outStart[e.from() + 1]++;
            inStart[e.to() + 1]++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
            inStart[i + 1] += inStart[i];
        }
        outEdges = new int[edges.size()];
        inEdges = new int[edges.size()];
        int[] o = Arrays.copyOf(outStart, n), in = Arrays.copyOf(inStart, n);
        for (int e = 0; e < edges.size(); e++) {
            outEdges[o[edges.get(e).from()]++] = e;
            inEdges[in[edges.get(e).to()]++] = e;
        }
    }

    public int size() { return nodes.size(); }
    public int edgeCount() { return edges.size(); }
    public String iri(int node) { return nodes.get(node); }
    public Integer idOf(String iri) { return ids.get(iri); }
    public Edge edge(int e) { return edges.get(e); }
    public List<Edge> edges() { return edges; }

    public String label(int node) {
        String iri = nodes.get(node);
        return labels.getOrDefault(iri, iri.startsWith(Chipgraph.ID) ? iri.substring(Chipgraph.ID.length()) : iri);
    }

    public String propertyLabel(String property) {
        return propertyLabels.getOrDefault(property, property.startsWith(Chipgraph.NS) ? property.substring(Chipgraph.NS.length()) : property);
    }

    /** Edges whose loss costs their source part of what it does, never all of it (cg:partialDependency). */
    public boolean isPartial(String property) { return partialProperties.contains(property); }

    /** Edges whose targets are all needed together, not alternatives (cg:jointDependency). */
    public boolean isJoint(String property) { return jointProperties.contains(property); }

    /**
     * A product whose own supply is not recorded (no dependency edge leaves it): what-if
     * analysis cannot count it as an alternative that survives a removal.
     */
    public boolean isProductWithUnknownSupply(int node) {
        return products.contains(node) && outStart[node + 1] == outStart[node];
    }

    /** Ids of the edges leaving a node (what it depends on directly). */
    public int[] out(int node) { return Arrays.copyOfRange(outEdges, outStart[node], outStart[node + 1]); }

    /** Ids of the edges entering a node (what depends on it directly). */
    public int[] in(int node) { return Arrays.copyOfRange(inEdges, inStart[node], inStart[node + 1]); }

    /** Every node reachable from {@code start} along dependency edges (excluding start unless on a cycle). */
    public boolean[] reachableFrom(int start, boolean forward) {
        boolean[] seen = new boolean[nodes.size()];
        int[] queue = new int[nodes.size()];
        int head = 0, tail = 0;
        queue[tail++] = start;
        while (head < tail) {
            int x = queue[head++];
            int from = forward ? outStart[x] : inStart[x], to = forward ? outStart[x + 1] : inStart[x + 1];
            for (int i = from; i < to; i++) {
                Edge e = edges.get(forward ? outEdges[i] : inEdges[i]);
                int y = forward ? e.to() : e.from();
                if (!seen[y]) {
                    seen[y] = true;
                    queue[tail++] = y;
                }
            }
        }
        return seen;
    }
}
