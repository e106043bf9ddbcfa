package org.w3id.chipgraph.reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The direct dependency edges by role (every sub-property of cg:dependsOn, stated in a fact
 * graph, stated by its inverse or entailed by a property chain: {@link EdgeDerivation}) as a
 * compact graph over int node ids, with each edge's property and the sources it rests on. Explanations, impact, chokepoints and the transitive index read it.
 * Its queries name every graph they read, so they answer the same with or without the
 * union default graph (property functions run inside other queries).
 */
public final class DependencyGraph {
    /** One source document behind an edge. */
    public record Source(String iri, String title, String graph) {}

    /** One direct edge "from depends on to", by a named property, with the sources of the statements it rests on. */
    public record Edge(int from, int to, String property, List<Source> sources) {}

    static final String DESIGNED_BY = Chipgraph.NS + "designedBy";

    // Package-private for DependencyGraphFile, which writes and reads them.
    final List<String> nodes = new ArrayList<>();
    final Map<String, Integer> ids = new HashMap<>();
    final Map<String, String> labels = new HashMap<>();
    final Map<String, String> propertyLabels = new HashMap<>();
    final Set<String> partialProperties = new LinkedHashSet<>();
    final Set<String> jointProperties = new LinkedHashSet<>();
    final Set<Integer> products = new HashSet<>();
    final List<Edge> edges = new ArrayList<>();
    Map<String, Set<String>> superProperties = Map.of();
    /** The chokepoint ranking the loader computed for this graph (null: not computed). */
    List<Chokepoints.Ranked> ranking;
    private int[] outStart, outEdges, inStart, inEdges;

    /** The properties the edges are derived from: dependency properties, their inverses and chain legs. */
    static final String RELEVANT = """
              { SELECT DISTINCT ?p WHERE { GRAPH g:ontology {
                  { ?p rdfs:subPropertyOf+ cg:dependsOn }
                  UNION { ?d rdfs:subPropertyOf+ cg:dependsOn . ?d owl:inverseOf|^owl:inverseOf ?p }
                  UNION { ?d rdfs:subPropertyOf+ cg:dependsOn ; owl:propertyChainAxiom/rdf:rest*/rdf:first ?leg .
                          ?p rdfs:subPropertyOf* ?leg }
              } } }
            """;

    static final String STATEMENTS = Chipgraph.PREFIXES + "SELECT ?s ?p ?o ?g ?src ?title WHERE {\n" + RELEVANT + """
              GRAPH ?g { ?s ?p ?o }
              FILTER(?g != g:inferred && isIRI(?o) && isIRI(?s))
              OPTIONAL { GRAPH g:sources { ?g prov:wasDerivedFrom ?src OPTIONAL { ?src dct:title ?title } } }
            }""";

    static final String SCHEMA = Chipgraph.PREFIXES + """
            SELECT ?kind ?p ?a ?b WHERE { GRAPH g:ontology {
              { ?p rdfs:subPropertyOf+ cg:dependsOn BIND("dependency" AS ?kind) }
              UNION { ?p rdfs:subPropertyOf ?a FILTER(isIRI(?a)) BIND("sub" AS ?kind) }
              UNION { ?p owl:inverseOf ?a FILTER(isIRI(?p) && isIRI(?a)) BIND("inverse" AS ?kind) }
              UNION { ?p owl:propertyChainAxiom ?l . ?l rdf:first ?a ; rdf:rest ?r . ?r rdf:first ?b ; rdf:rest rdf:nil
                      BIND("chain" AS ?kind) }
            } }""";

    static final String SUPPLIES = Chipgraph.PREFIXES + """
            SELECT ?item ?supplier ?start ?end WHERE {
              GRAPH ?g { ?r a cg:SupplyRelation ; cg:suppliedItem ?item ; cg:supplier ?supplier
                         OPTIONAL { ?r cg:supplyStart ?start } OPTIONAL { ?r cg:supplyEnd ?end } }
              FILTER(?g != g:inferred)
            }""";

    /** Every English label; the nodes' are kept (one scan: joining labels to the nodes by SPARQL took seconds). */
    static final String LABELS = Chipgraph.PREFIXES + """
            SELECT ?x ?label WHERE { GRAPH ?lg { ?x rdfs:label ?label } FILTER(isIRI(?x) && lang(?label) = "en") }""";

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
        return load(select, null);
    }

    /**
     * Read the edges by role (see {@link EdgeDerivation}); as of {@code asOf} (null: whatever
     * the date) without the supply edges dated outside that day.
     */
    public static DependencyGraph load(Function<Query, RowSetRewindable> select, LocalDate asOf) {
        return build(select, asOf, new SparqlScan(select));
    }

    /**
     * The same graph as {@link #load} over this dataset, with its large reads (the statements,
     * the labels, the typed products) done by scanning the dataset's indexes instead of through
     * SPARQL: at load, the SPARQL reading was most of this step's time (2.5 s of 2.7 s at scale 1).
     * The schema, still read by SPARQL, is the ontology graph alone. For a dataset in memory, or
     * inside a read transaction on a store.
     */
    public static DependencyGraph fromDataset(DatasetGraph dsg, LocalDate asOf) {
        Function<Query, RowSetRewindable> select = q -> QueryRunner.selectUntimed(dsg, q);
        return build(select, asOf, new DatasetScan(dsg, select));
    }

    /** The large reads, by SPARQL or by scanning a dataset; both give the same rows. */
    private interface Scan {
        /** Every statement by a relevant property between IRIs in a named graph but the inferred one, once per source of its graph (null: none). */
        void statements(BiConsumer<EdgeDerivation.Statement, Source> sink);
        /** Every English label of an IRI, in any named graph. */
        void labels(BiConsumer<String, String> sink);
        /** Every IRI typed (in any named graph) by cg:Product or one of its sub-classes. */
        void products(Consumer<String> sink);
    }

    private static DependencyGraph build(Function<Query, RowSetRewindable> select, LocalDate asOf, Scan scan) {
        DependencyGraph g = new DependencyGraph();
        EdgeDerivation derivation = schema(select);
        if (asOf != null)
            derivation.asOf(asOf, supplies(select));
        scan.statements(derivation::add);
        derivation.run();
        g.superProperties = derivation.dependencyClosure();
        // In a fixed order (subject, property, object; sources by IRI), not the store's scan order:
        // the same data gives the same node ids and the same answers (which need a failure names)
        // whether read from the store, from memory at load, or from the loader's file.
        derivation.edges().entrySet().stream().sorted(Map.Entry.comparingByKey(STATEMENT_ORDER)).forEach(e -> {
            EdgeDerivation.Statement st = e.getKey();
            g.edges.add(new Edge(g.id(st.s()), g.id(st.o()), st.p(), e.getValue().stream().sorted(SOURCE_ORDER).toList()));
        });
        // The least of an entity's English labels, so the choice does not follow the scan order.
        scan.labels((x, label) -> {
            if (g.ids.containsKey(x))
                g.labels.merge(x, label, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });
        RowSetRewindable props = select.apply(QueryFactory.create(PROPERTIES));
        while (props.hasNext()) {
            Binding b = props.next();
            String p = b.get(Var.alloc("p")).getURI();
            Node l = b.get(Var.alloc("label"));
            if (l != null)
                g.propertyLabels.merge(p, l.getLiteralLexicalForm(), (a, c) -> a.compareTo(c) <= 0 ? a : c);
            Node partial = b.get(Var.alloc("partial"));
            if (partial != null && "true".equals(partial.getLiteralLexicalForm()))
                g.partialProperties.add(p);
            Node joint = b.get(Var.alloc("joint"));
            if (joint != null && "true".equals(joint.getLiteralLexicalForm()))
                g.jointProperties.add(p);
        }
        scan.products(x -> {
            Integer id = g.ids.get(x);
            if (id != null)
                g.products.add(id);
        });
        g.index();
        return g;
    }

    private record SparqlScan(Function<Query, RowSetRewindable> select) implements Scan {
        @Override public void statements(BiConsumer<EdgeDerivation.Statement, Source> sink) {
            RowSetRewindable rows = select.apply(QueryFactory.create(STATEMENTS));
            while (rows.hasNext()) {
                Binding b = rows.next();
                Node src = b.get(Var.alloc("src"));
                Source source = null;
                if (src != null) {
                    Node title = b.get(Var.alloc("title"));
                    source = new Source(src.getURI(), title == null ? src.getURI() : title.getLiteralLexicalForm(),
                            b.get(Var.alloc("g")).getURI());
                }
                sink.accept(new EdgeDerivation.Statement(b.get(Var.alloc("s")).getURI(), b.get(Var.alloc("p")).getURI(),
                        b.get(Var.alloc("o")).getURI()), source);
            }
        }

        @Override public void labels(BiConsumer<String, String> sink) {
            RowSetRewindable rows = select.apply(QueryFactory.create(LABELS));
            while (rows.hasNext()) {
                Binding b = rows.next();
                sink.accept(b.get(Var.alloc("x")).getURI(), b.get(Var.alloc("label")).getLiteralLexicalForm());
            }
        }

        @Override public void products(Consumer<String> sink) {
            RowSetRewindable rows = select.apply(QueryFactory.create(PRODUCTS));
            while (rows.hasNext())
                sink.accept(rows.next().get(Var.alloc("x")).getURI());
        }
    }

    /** The same rows as {@link SparqlScan}, from the dataset's find(): GRAPH ?g ranges over the named graphs only. */
    private record DatasetScan(DatasetGraph dsg, Function<Query, RowSetRewindable> select) implements Scan {
        @Override public void statements(BiConsumer<EdgeDerivation.Statement, Source> sink) {
            Map<Node, List<Source>> sourcesOf = new HashMap<>();
            for (String p : column(select, RELEVANT_PROPERTIES, "p")) {
                Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, NodeFactory.createURI(p), Node.ANY);
                while (it.hasNext()) {
                    Quad q = it.next();
                    if (q.isDefaultGraph() || q.getGraph().equals(Chipgraph.GRAPH_INFERRED) || !q.getSubject().isURI() || !q.getObject().isURI())
                        continue;
                    EdgeDerivation.Statement st = new EdgeDerivation.Statement(q.getSubject().getURI(), p, q.getObject().getURI());
                    List<Source> sources = sourcesOf.computeIfAbsent(q.getGraph(), this::sourcesOf);
                    if (sources.isEmpty())
                        sink.accept(st, null);
                    for (Source s : sources)
                        sink.accept(st, s);
                }
            }
        }

        /** The sources g:sources gives a graph, one per title (as the OPTIONALs of STATEMENTS give them). */
        private List<Source> sourcesOf(Node graph) {
            List<Source> out = new ArrayList<>();
            Iterator<Quad> derived = dsg.find(Chipgraph.GRAPH_SOURCES, graph, PROV_DERIVED_FROM, Node.ANY);
            while (derived.hasNext()) {
                Node src = derived.next().getObject();
                Iterator<Quad> titles = dsg.find(Chipgraph.GRAPH_SOURCES, src, DCT_TITLE, Node.ANY);
                if (!titles.hasNext())
                    out.add(new Source(src.getURI(), src.getURI(), graph.getURI()));
                titles.forEachRemaining(t -> out.add(new Source(src.getURI(), t.getObject().getLiteralLexicalForm(), graph.getURI())));
            }
            return out;
        }

        @Override public void labels(BiConsumer<String, String> sink) {
            dsg.find(Node.ANY, Node.ANY, RDFS.label.asNode(), Node.ANY).forEachRemaining(q -> {
                Node l = q.getObject();
                if (!q.isDefaultGraph() && q.getSubject().isURI() && l.isLiteral() && "en".equals(l.getLiteralLanguage()))
                    sink.accept(q.getSubject().getURI(), l.getLiteralLexicalForm());
            });
        }

        @Override public void products(Consumer<String> sink) {
            for (String c : column(select, PRODUCT_CLASSES, "c"))
                dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), NodeFactory.createURI(c)).forEachRemaining(q -> {
                    if (!q.isDefaultGraph() && q.getSubject().isURI())
                        sink.accept(q.getSubject().getURI());
                });
        }
    }

    static final String RELEVANT_PROPERTIES = Chipgraph.PREFIXES + "SELECT ?p WHERE {\n" + RELEVANT + "}";
    static final String PRODUCT_CLASSES = Chipgraph.PREFIXES
            + "SELECT DISTINCT ?c WHERE { GRAPH g:ontology { ?c rdfs:subClassOf* cg:Product } }";
    private static final Node PROV_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");
    private static final Node DCT_TITLE = NodeFactory.createURI("http://purl.org/dc/terms/title");

    private static List<String> column(Function<Query, RowSetRewindable> select, String query, String var) {
        List<String> out = new ArrayList<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(query));
        while (rows.hasNext()) {
            Node n = rows.next().get(Var.alloc(var));
            if (n != null && n.isURI())
                out.add(n.getURI());
        }
        return out;
    }

    private static final Comparator<EdgeDerivation.Statement> STATEMENT_ORDER = Comparator.comparing(EdgeDerivation.Statement::s)
            .thenComparing(EdgeDerivation.Statement::p).thenComparing(EdgeDerivation.Statement::o);
    private static final Comparator<Source> SOURCE_ORDER = Comparator.comparing(Source::iri)
            .thenComparing(Source::graph).thenComparing(Source::title);

    private static EdgeDerivation schema(Function<Query, RowSetRewindable> select) {
        Set<String> deps = new LinkedHashSet<>();
        Map<String, Set<String>> sub = new HashMap<>();
        List<String[]> inverses = new ArrayList<>(), chains = new ArrayList<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(SCHEMA));
        while (rows.hasNext()) {
            Binding b = rows.next();
            String p = b.get(Var.alloc("p")).getURI();
            Node a = b.get(Var.alloc("a")), c = b.get(Var.alloc("b"));
            switch (b.get(Var.alloc("kind")).getLiteralLexicalForm()) {
                case "dependency" -> deps.add(p);
                case "sub" -> sub.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(a.getURI());
                case "inverse" -> inverses.add(new String[] {p, a.getURI()});
                default -> {
                    if (a.isURI() && c.isURI())
                        chains.add(new String[] {p, a.getURI(), c.getURI()});
                }
            }
        }
        return new EdgeDerivation(deps, sub, inverses, chains);
    }

    private static List<EdgeDerivation.Supply> supplies(Function<Query, RowSetRewindable> select) {
        List<EdgeDerivation.Supply> out = new ArrayList<>();
        RowSetRewindable rows = select.apply(QueryFactory.create(SUPPLIES));
        while (rows.hasNext()) {
            Binding b = rows.next();
            out.add(new EdgeDerivation.Supply(b.get(Var.alloc("item")).getURI(), b.get(Var.alloc("supplier")).getURI(),
                    date(b.get(Var.alloc("start"))), date(b.get(Var.alloc("end")))));
        }
        return out;
    }

    private static LocalDate date(Node n) {
        try {
            return n == null ? null : LocalDate.parse(n.getLiteralLexicalForm());
        } catch (DateTimeParseException e) {
            return null; // SHACL rejects a date that is not a full xsd:date; here it says nothing.
        }
    }

    int id(String iri) {
        return ids.computeIfAbsent(iri, k -> {
            nodes.add(k);
            return nodes.size() - 1;
        });
    }

    /** Compressed adjacency (CSR) in both directions, so walks touch only int arrays. */
    void index() {
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

    /** The chokepoint ranking written with this graph by the loader, or null when it was built here. */
    public List<Chokepoints.Ranked> precomputedRanking() { return ranking; }

    public String label(int node) {
        String iri = nodes.get(node);
        return labels.getOrDefault(iri, iri.startsWith(Chipgraph.ID) ? iri.substring(Chipgraph.ID.length()) : iri);
    }

    public String propertyLabel(String property) {
        return propertyLabels.getOrDefault(property, property.startsWith(Chipgraph.NS) ? property.substring(Chipgraph.NS.length()) : property);
    }

    /** Every dependency property (cg:dependsOn and its sub-properties), each with itself and its super-properties. */
    public Map<String, Set<String>> superProperties() { return superProperties; }

    /** The English label of each dependency property that has one. */
    public Map<String, String> propertyLabels() { return Collections.unmodifiableMap(propertyLabels); }

    /** Edges whose loss costs their source part of what it does, never all of it (cg:partialDependency). */
    public boolean isPartial(String property) { return partialProperties.contains(property); }

    /** Edges whose targets are all needed together, not alternatives (cg:jointDependency). */
    public boolean isJoint(String property) { return jointProperties.contains(property); }

    /**
     * A product whose own supply is not recorded (no dependency edge leaves it but the one to
     * its designer: who makes it is unknown): what-if analysis cannot count it as an
     * alternative that survives a removal.
     */
    public boolean isProductWithUnknownSupply(int node) {
        if (!products.contains(node))
            return false;
        for (int i = outStart[node]; i < outStart[node + 1]; i++)
            if (!edges.get(outEdges[i]).property().equals(DESIGNED_BY))
                return false;
        return true;
    }

    private volatile BitSet unknownSupply;

    /** {@link #isProductWithUnknownSupply} of every node, computed once per graph. */
    BitSet productsWithUnknownSupply() {
        BitSet b = unknownSupply;
        if (b == null) {
            b = new BitSet(nodes.size());
            for (int p : products)
                if (isProductWithUnknownSupply(p)) b.set(p);
            unknownSupply = b;
        }
        return b;
    }

    /** Ids of the edges leaving a node (what it depends on directly). */
    public int[] out(int node) { return Arrays.copyOfRange(outEdges, outStart[node], outStart[node + 1]); }

    /** Ids of the edges entering a node (what depends on it directly). */
    public int[] in(int node) { return Arrays.copyOfRange(inEdges, inStart[node], inStart[node + 1]); }

    // Positions into the adjacency without copying it, for walks that run per request.
    int inBegin(int node) { return inStart[node]; }
    int inEnd(int node) { return inStart[node + 1]; }
    int inEdgeAt(int i) { return inEdges[i]; }
    int outBegin(int node) { return outStart[node]; }
    int outEnd(int node) { return outStart[node + 1]; }
    int outEdgeAt(int i) { return outEdges[i]; }
    public int inDegree(int node) { return inStart[node + 1] - inStart[node]; }

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
