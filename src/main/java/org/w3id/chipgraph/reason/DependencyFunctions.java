package org.w3id.chipgraph.reason;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.pfunction.PFuncSimple;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Symbol;
import org.w3id.chipgraph.QueryArgumentException;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.PerVersion;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The dependency reasoning inside SPARQL, as property functions (namespace {@value #NS}):
 * <pre>
 *   ?a cgf:dependsOn ?b             transitive dependency from the index (same answers as the
 *                                   materialized cg:dependsOn, without materializing it)
 *   ?x cgf:failsWithout id:tsmc     ?x loses every path to something it needs without TSMC
 *   ?x cgf:losesSomeWithout id:tsmc ?x loses some dependency paths but keeps each need
 *   ?m cgf:inForceOn "2025-06-01"^^xsd:date   the measure ?m holds on that date
 * </pre>
 */
public final class DependencyFunctions {
    public static final String NS = "https://w3id.org/chipgraph/function#";

    /** Where the functions find the dependency graph and index of the store version they run on (see {@code PerVersion}). */
    public static final Symbol GRAPH_KEY = Symbol.create(Chipgraph.NS + "dependencyGraph");
    public static final Symbol INDEX_KEY = Symbol.create(Chipgraph.NS + "dependencyIndex");

    private DependencyFunctions() {}

    public static void register() {
        PropertyFunctionRegistry r = PropertyFunctionRegistry.get();
        r.put(NS + "dependsOn", DependsOn.class);
        r.put(NS + "failsWithout", FailsWithout.class);
        r.put(NS + "losesSomeWithout", LosesSomeWithout.class);
        r.put(NS + "inForceOn", InForceOn.class);
    }

    /** The dependency graph of the store version a query runs on. */
    static DependencyGraph graphOf(ExecutionContext cxt) {
        return PerVersion.get(cxt, GRAPH_KEY, DependencyFunctions::loadGraph);
    }

    /**
     * The dependency graph of a dataset (one store version): the one the loader wrote beside it,
     * else read by SPARQL (a version written before that file).
     */
    public static DependencyGraph loadGraph(DatasetGraph dsg) {
        DependencyGraph written = DependencyGraphFile.of(dsg.getContext());
        if (written != null)
            return written;
        // Untimed: built once per version, it may take longer than the request that first asks for it.
        return DependencyGraph.load(q -> QueryRunner.selectUntimed(dsg, q));
    }

    /**
     * The dependency index of the store version a query runs on: the one the loader wrote beside
     * the version (attached to the dataset's context when it was opened), else one built from
     * the version's dependency graph (stores written before the index).
     */
    public static DependencyIndex indexOf(ExecutionContext cxt) {
        DependencyIndex idx = DependencyIndex.of(cxt.getContext());
        return idx != null ? idx : PerVersion.get(cxt, INDEX_KEY, d -> indexOf(d, () -> graphOf(cxt)));
    }

    /** The index the loader attached to the dataset, else one built now (not kept: a server's store context keeps its own). */
    public static DependencyIndex indexOf(DatasetGraph dsg) {
        return indexOf(dsg, () -> loadGraph(dsg));
    }

    /** The index the loader attached to the dataset, else one built from {@code graph}. */
    public static DependencyIndex indexOf(DatasetGraph dsg, Supplier<DependencyGraph> graph) {
        DependencyIndex idx = DependencyIndex.of(dsg.getContext());
        if (idx != null)
            return idx;
        DependencyGraph g = graph.get();
        String[] iris = new String[g.size()];
        for (int i = 0; i < iris.length; i++) iris[i] = g.iri(i);
        int[] from = g.edges().stream().mapToInt(DependencyGraph.Edge::from).toArray();
        int[] to = g.edges().stream().mapToInt(DependencyGraph.Edge::to).toArray();
        return DependencyIndex.fromEdges(iris, from, to);
    }

    static QueryIterator rows(Binding parent, List<Binding> rows, ExecutionContext cxt) {
        return QueryIterPlainWrapper.create(rows.iterator(), cxt);
    }

    static Binding bind(Binding parent, Node maybeVar, Node value) {
        return maybeVar.isVariable() ? BindingFactory.binding(parent, Var.alloc(maybeVar), value) : parent;
    }

    /**
     * ?a cgf:dependsOn ?b, any of the two bound or not, from the dependency index: the same
     * pairs as the materialized cg:dependsOn closure. Answers are produced lazily (nearest
     * first), so a count or a LIMIT does not build every binding first.
     */
    public static final class DependsOn extends PFuncSimple {
        @Override
        public QueryIterator execEvaluated(Binding b, Node s, Node p, Node o, ExecutionContext cxt) {
            DependencyIndex g = indexOf(cxt);
            if (!s.isVariable() && !o.isVariable()) {
                Integer a = s.isURI() ? g.idOf(s.getURI()) : null, z = o.isURI() ? g.idOf(o.getURI()) : null;
                boolean yes = a != null && z != null && g.dependsOn(a, z);
                return QueryIterPlainWrapper.create(yes ? List.of(b).iterator() : Collections.emptyIterator(), cxt);
            }
            if (!s.isVariable() || !o.isVariable()) {
                boolean forward = !s.isVariable();
                Node given = forward ? s : o, wanted = forward ? o : s;
                Integer a = given.isURI() ? g.idOf(given.getURI()) : null;
                if (a == null)
                    return QueryIterPlainWrapper.create(Collections.emptyIterator(), cxt);
                int[] r = g.reach(a, forward);
                Iterator<Binding> it = new Iterator<>() {
                    int i = 0;
                    @Override public boolean hasNext() { return i < r.length; }
                    @Override public Binding next() {
                        return BindingFactory.binding(b, Var.alloc(wanted), NodeFactory.createURI(g.iri(r[i++])));
                    }
                };
                return QueryIterPlainWrapper.create(it, cxt);
            }
            if (s.equals(o)) {
                // ?x cgf:dependsOn ?x: only direct self-dependencies (the closure adds none).
                List<Binding> out = new ArrayList<>();
                for (int a = 0; a < g.size(); a++)
                    if (g.hasSelfLoop(a))
                        out.add(BindingFactory.binding(b, Var.alloc(s), NodeFactory.createURI(g.iri(a))));
                return QueryIterPlainWrapper.create(out.iterator(), cxt);
            }
            // Every pair, one subject at a time.
            Iterator<Binding> all = new Iterator<>() {
                int a = -1, i = 0;
                int[] r = new int[0];
                Binding withA;
                @Override public boolean hasNext() {
                    while (i >= r.length) {
                        if (++a >= g.size()) return false;
                        r = g.reach(a, true);
                        i = 0;
                        withA = BindingFactory.binding(b, Var.alloc(s), NodeFactory.createURI(g.iri(a)));
                    }
                    return true;
                }
                @Override public Binding next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    return BindingFactory.binding(withA, Var.alloc(o), NodeFactory.createURI(g.iri(r[i++])));
                }
            };
            return QueryIterPlainWrapper.create(all, cxt);
        }
    }

    /** Base of the two what-if functions: the object (what is removed) must be given. */
    abstract static class WhatIf extends PFuncSimple {
        /** 0: those who fail, 1: those who lose only some ({@link ImpactAnalysis#affectedSets}). */
        abstract int which();

        @Override
        public QueryIterator execEvaluated(Binding b, Node s, Node p, Node o, ExecutionContext cxt) {
            if (!o.isURI())
                throw new QueryArgumentException(p.getLocalName() + " needs the removed entity as an IRI on its right");
            DependencyGraph g = graphOf(cxt);
            Integer removed = g.idOf(o.getURI());
            List<Binding> out = new ArrayList<>();
            if (removed != null) {
                BitSet affected = new ImpactAnalysis(g).affectedSets(removed, Deadline.NONE)[which()];
                for (int x = affected.nextSetBit(0); x >= 0; x = affected.nextSetBit(x + 1)) {
                    Node n = NodeFactory.createURI(g.iri(x));
                    if (s.isVariable() || s.equals(n))
                        out.add(bind(b, s, n));
                }
            }
            return rows(b, out, cxt);
        }
    }

    public static final class FailsWithout extends WhatIf {
        @Override
        int which() { return 0; }
    }

    public static final class LosesSomeWithout extends WhatIf {
        @Override
        int which() { return 1; }
    }

    /**
     * A measure is in force on a date when it has started (effective, or announced when no
     * effective date is known) on or before it, has not ended before it, and no measure that
     * rescinds or supersedes it has itself started by then.
     */
    public static final class InForceOn extends PFuncSimple {
        static final String IN_FORCE = Chipgraph.PREFIXES + """
                SELECT DISTINCT ?m WHERE {
                  { GRAPH ?g1 { ?m cg:effectiveFrom ?from } }
                  UNION
                  { GRAPH ?g2 { ?m cg:announcedOn ?from } FILTER NOT EXISTS { GRAPH ?g3 { ?m cg:effectiveFrom ?any } } }
                  FILTER(?from <= ?day)
                  FILTER NOT EXISTS { GRAPH ?g4 { ?m cg:effectiveUntil ?until } FILTER(?until < ?day) }
                  FILTER NOT EXISTS {
                    GRAPH ?g5 { ?r cg:rescinds|cg:supersedes ?m }
                    { GRAPH ?g6 { ?r cg:effectiveFrom ?rFrom } } UNION { GRAPH ?g7 { ?r cg:announcedOn ?rFrom } }
                    FILTER(?rFrom <= ?day)
                  }
                }""";

        @Override
        public QueryIterator execEvaluated(Binding b, Node s, Node p, Node o, ExecutionContext cxt) {
            if (!o.isLiteral() || !"http://www.w3.org/2001/XMLSchema#date".equals(o.getLiteralDatatypeURI()))
                throw new QueryArgumentException("cgf:inForceOn needs an xsd:date on its right, e.g. \"2025-06-01\"^^xsd:date");
            DatasetGraph dsg = cxt.getDataset();
            var q = QueryTransformOps.replaceVars(QueryFactory.create(IN_FORCE), Map.of(Var.alloc("day"), o));
            RowSetRewindable rs = QueryRunner.select(dsg, q, Map.of());
            List<Binding> out = new ArrayList<>();
            while (rs.hasNext()) {
                Node m = rs.next().get(Var.alloc("m"));
                if (s.isVariable() || s.equals(m))
                    out.add(bind(b, s, m));
            }
            return rows(b, out, cxt);
        }
    }
}
