package org.w3id.chipgraph.reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.chipgraph.Chipgraph;

/**
 * The same inference as {@link Materializer} (the rules of ontology/rules/, applied to a
 * fixpoint), fast enough for a million dependency edges, with the cg:dependsOn closure
 * materialized only while it stays small.
 *
 * <ul>
 * <li>The RDFS/OWL rules 10-subclass, 20-subproperty, 30-domain, 31-range, 40-inverse,
 * 41-symmetric, 50-property-chain and 60-transitive run as one streaming pass in Java: the
 * schema is read once, then every asserted triple, and every triple those rules derive, is
 * looked at once (semi-naive forward chaining with a work list). A rule runs in Java only
 * when its file still has the hash {@link #KNOWN} gives for it; an edited rule runs as SPARQL,
 * so the files stay the specification (and a test fails until the Java code is checked).</li>
 * <li>Every other rule (70-meets-criterion, 71-criterion-undetermined, ...) runs as its
 * SPARQL CONSTRUCT, interleaved with the Java pass until nothing changes; a rule is run
 * again only when a triple with a predicate its WHERE clause names has been added since.</li>
 * <li>cg:dependsOn and its inverse cg:dependencyOf are not put in the graph while reasoning:
 * every cg:dependsOn triple the rules derive before transitivity (asserted direct edges lifted
 * through sub-properties, inverses and chains) is kept as a base edge of a
 * {@link DependencyIndex}. When the closure has at most {@code closureLimit} pairs it is then
 * materialized (cg:dependsOn pairs and their cg:dependencyOf inverses, exactly what rules 60 and
 * 40 would add); above it, none of them is, and the index answers instead. This is safe only
 * when no other rule reads those two properties; when one does, the closure is materialized
 * whatever its size, and the result says why.</li>
 * </ul>
 * If a rule would derive schema (subclass, sub-property, domain, range, inverse, chain or
 * property-kind triples), the fast pass cannot be sure of its reading of the schema and the
 * whole inference falls back to {@link Materializer}.
 */
public final class FastMaterializer {
    static final Node TYPE = RDF.type.asNode(), SUBCLASS = RDFS.subClassOf.asNode(), SUBPROP = RDFS.subPropertyOf.asNode(),
            DOMAIN = RDFS.domain.asNode(), RANGE = RDFS.range.asNode(), INVERSE = OWL2.inverseOf.asNode(),
            CHAIN = OWL2.propertyChainAxiom.asNode(), FIRST = RDF.first.asNode(), REST = RDF.rest.asNode(),
            NIL = RDF.nil.asNode(), OBJECT_PROPERTY = OWL2.ObjectProperty.asNode(),
            SYMMETRIC = OWL2.SymmetricProperty.asNode(), TRANSITIVE = OWL2.TransitiveProperty.asNode();
    static final Node DEPENDS_ON = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
    static final Node DEPENDENCY_OF = NodeFactory.createURI(Chipgraph.NS + "dependencyOf");

    /** Default closure limit (pairs) above which cg:dependsOn is answered by the index only. */
    public static final long DEFAULT_CLOSURE_LIMIT = 1_000_000;

    /**
     * The rules done in Java, by identity: file name (without .rq) and the SHA-256 of the file's
     * text ({@link Rule#sha256()}). The Java code below implements exactly the rule text with that
     * hash; FastMaterializerTest fails the build when a file no longer has it, so whoever edits a
     * rule must also check the Java code and then update the hash here.
     */
    static final Map<String, String> KNOWN = Map.of(
            "10-subclass", "543cd3ebede569a636dc262c89f689f9925dcbd15bbdb86fc49d7b489d2c8712",
            "20-subproperty", "b673ef4766c40f5eeefc7043e51c3f42a34c338c634ccbf5846dedfd8431879e",
            "30-domain", "4c62d8eb127a3f54a1ef31678ce8ad4ad0a37edaa3fb652e19fe557c45893670",
            "31-range", "7c9d08ab36abd4f57897d3298dcee7fadb41ecdea1b91ce52d5fa9d23466ffde",
            "40-inverse", "3c8c501937f0f38007a5cd8a761100ddb25316f693a9506a90e87e1b269dd02f",
            "41-symmetric", "1cc46c600a07c15add478b2e513a17797d7feeabab938ed610050abac0e4037d",
            "50-property-chain", "e32d49062d1f635bd17a75f4b5da785c97844cef6a58a555d1ed6517f92bf316",
            "60-transitive", "492a46b2f511fa806b4fee2aa4aee8181e535300e88e33d966ba499149d407bd",
            "70-meets-criterion", "4b3ec970f32d0007bdd4cab1031cb9e322890a7f6a2287fac801318f210ec0af",
            "71-criterion-undetermined", "931de5dff3eabb7841ac143338cce5c78c6be290731e76b9430c61c1801bad75");

    /** The Java rules of the streaming pass (the others known are run between passes, like SPARQL rules). */
    static final Set<String> STREAMING = Set.of("10-subclass", "20-subproperty", "30-domain", "31-range", "40-inverse",
            "41-symmetric", "50-property-chain", "60-transitive");

    /** What the inference gave: the inferred triples, the dependency index and what was done with the closure. */
    public record Result(Graph inferred, Map<String, Long> perRule, int rounds, DependencyIndex index,
                         long closurePairs, boolean closureMaterialized, List<String> notes, double indexSeconds) {}

    private final RuleSet rules;
    private final long closureLimit;

    public FastMaterializer(RuleSet rules, long closureLimit) {
        this.rules = rules;
        this.closureLimit = closureLimit;
    }

    /** Is this rule one the Java pass implements: the same file name and the same text (hash)? */
    static boolean isKnown(Rule r) {
        return r.sha256().equals(KNOWN.get(r.name()));
    }

    /**
     * The rules of this set whose Java fast path no longer matches: a file named as a Java rule
     * whose text has changed, or a Java rule whose file is gone. Empty when every fast path fits.
     */
    static List<String> fastPathMismatches(RuleSet rules) {
        List<String> problems = new ArrayList<>();
        Map<String, Rule> byName = new HashMap<>();
        rules.rules().forEach(r -> byName.put(r.name(), r));
        KNOWN.keySet().stream().sorted().forEach(name -> {
            Rule r = byName.get(name);
            if (r == null)
                problems.add(name + ".rq: missing, but FastMaterializer implements it in Java");
            else if (!isKnown(r))
                problems.add(name + ".rq: text changed (SHA-256 " + r.sha256() + ", FastMaterializer.KNOWN has "
                             + KNOWN.get(name) + "); make the Java fast path match the new text, then update the hash");
        });
        return problems;
    }

    // ------------------------------------------------------------------ state of one run

    private Graph asserted, inferred, union;
    private final Map<Node, List<Node>> superClasses = new HashMap<>(), superProps = new HashMap<>(),
            domains = new HashMap<>(), ranges = new HashMap<>(), inverses = new HashMap<>();
    private final Set<Node> symmetric = new HashSet<>(), transitive = new HashSet<>();
    /** chain p = p1 o p2: by p1 the pairs (p2, p); by p2 the pairs (p1, p). */
    private final Map<Node, List<Node[]>> chainsByFirst = new HashMap<>(), chainsBySecond = new HashMap<>();
    private final Set<String> javaRules = new HashSet<>();
    private final ArrayDeque<Triple> work = new ArrayDeque<>();
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    private final List<Triple> log = new ArrayList<>();
    private boolean schemaDerived;
    private Triple schemaTriple;

    // Virtual cg:dependsOn / cg:dependencyOf: base edges of the index instead of triples.
    private boolean virtualDeps;
    private final Map<Node, Integer> depIds = new HashMap<>();
    private final List<Node> depNodes = new ArrayList<>();
    private int[] baseFrom = new int[1024], baseTo = new int[1024];
    private int baseCount;
    private boolean nonIriDependency;

    public Result materialize(Graph assertedGraph, Consumer<String> progress) {
        asserted = assertedGraph;
        inferred = GraphFactory.createDefaultGraph();
        union = new DisjointUnion(asserted, inferred);
        rules.rules().forEach(r -> perRule.put(r.name(), 0L));
        List<String> notes = new ArrayList<>();

        List<Rule> generic = new ArrayList<>();
        for (Rule r : rules.rules()) {
            boolean known = isKnown(r);
            if (known) javaRules.add(r.name());
            if (!known || !STREAMING.contains(r.name())) generic.add(r);
        }
        if (javaRules.size() < KNOWN.size())
            notes.add("rules run as SPARQL (not the Java fast path): "
                      + rules.rules().stream().map(Rule::name).filter(n -> !javaRules.contains(n)).toList());
        readSchema();

        // cg:dependsOn and cg:dependencyOf can be left to the index only when nothing else reads them.
        String unsafe = virtualizationProblem(generic);
        virtualDeps = unsafe == null && javaRules.contains("60-transitive") && javaRules.contains("40-inverse")
                      && javaRules.contains("20-subproperty");
        if (unsafe != null)
            notes.add("the cg:dependsOn closure is materialized whatever its size: " + unsafe);

        long t0 = System.nanoTime();
        var it = asserted.find();
        while (it.hasNext()) {
            Triple t = it.next();
            if (virtualDeps && isDependency(t.getPredicate()))
                baseEdge(t);
            else
                apply(t);
            drain();
            if (schemaDerived)
                return fallback(assertedGraph, progress, notes);
        }
        progress.accept(String.format("Java rules: +%d triples (%.1f s)", inferred.size(), (System.nanoTime() - t0) / 1e9));

        // The other rules (in Java when known, else as SPARQL), each run again only when what it reads has changed.
        int rounds = 1;
        Map<Rule, Integer> seen = new HashMap<>();
        Map<Rule, Set<Node>> reads = new HashMap<>();
        for (Rule r : generic)
            reads.put(r, predicatesRead(r.construct()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule r : generic) {
                Integer since = seen.get(r);
                if (since != null && !touched(reads.get(r), since))
                    continue;
                seen.put(r, log.size());
                long t1 = System.nanoTime();
                long before = inferred.size();
                boolean java = javaRules.contains(r.name());
                List<Triple> fresh = new ArrayList<>();
                if (java) {
                    for (Triple t : CriterionRules.run(union, r.name().startsWith("70")))
                        if (!union.contains(t)) fresh.add(t);
                } else {
                    Graph out = QueryExec.graph(union).query(r.construct()).construct();
                    out.find().forEachRemaining(t -> {
                        if (!t.getSubject().isLiteral() && !union.contains(t))
                            fresh.add(t);
                    });
                }
                for (Triple t : fresh) {
                    if (virtualDeps && isDependency(t.getPredicate())) baseEdge(t);
                    else emit(t, r.name());
                }
                drain();
                if (schemaDerived)
                    return fallback(assertedGraph, progress, notes);
                long added = inferred.size() - before;
                progress.accept(String.format("%s (%s): +%d triples with what follows from them (%.1f s)",
                        r.name(), java ? "Java" : "SPARQL", added, (System.nanoTime() - t1) / 1e9));
                if (added > 0 || !fresh.isEmpty())
                    changed = true;
            }
            rounds++;
            if (rounds > Materializer.MAX_ROUNDS)
                throw new IllegalStateException("Inference did not reach a fixpoint in " + Materializer.MAX_ROUNDS + " rounds");
        }

        // The dependency closure: an index always; triples while it stays small.
        DependencyIndex index;
        long pairs;
        boolean materialized;
        double indexSeconds = 0;
        if (virtualDeps) {
            long t2 = System.nanoTime();
            index = DependencyIndex.fromEdges(depNodes.stream().map(n -> n.isURI() ? n.getURI() : n.toString()).toArray(String[]::new),
                    Arrays.copyOf(baseFrom, baseCount), Arrays.copyOf(baseTo, baseCount));
            index.computeCounts();
            pairs = index.countAllPairs();
            indexSeconds = (System.nanoTime() - t2) / 1e9;
            materialized = pairs <= closureLimit || nonIriDependency;
            if (nonIriDependency && pairs > closureLimit)
                notes.add("the cg:dependsOn closure is materialized whatever its size: a dependency edge has a blank node or literal end");
            if (materialized)
                materializeClosure(index);
            progress.accept(String.format("dependency index: %d nodes, %d edges, %d pairs; closure %s (%.1f s)",
                    index.size(), index.edgeCount(), pairs,
                    materialized ? "materialized" : "NOT materialized (over the limit of " + closureLimit + "): cg:dependsOn is answered by cgf:dependsOn",
                    (System.nanoTime() - t2) / 1e9));
        } else {
            index = null;
            pairs = -1;
            materialized = true;
        }
        return new Result(inferred, perRule, rounds, index, pairs, materialized, notes, indexSeconds);
    }

    private Result fallback(Graph assertedGraph, Consumer<String> progress, List<String> notes) {
        notes.add("a rule derives schema (" + schemaTriple + "): the whole inference ran as SPARQL rules");
        progress.accept(notes.get(notes.size() - 1));
        Materializer.Result r = new Materializer(rules).materialize(assertedGraph, progress);
        return new Result(r.inferred(), r.perRule(), r.rounds(), null, -1, true, notes, 0);
    }

    // ------------------------------------------------------------------ schema

    private void readSchema() {
        if (javaRules.contains("10-subclass"))
            union.find(Node.ANY, SUBCLASS, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI()) add(superClasses, t.getSubject(), t.getObject());
            });
        if (javaRules.contains("20-subproperty"))
            union.find(Node.ANY, SUBPROP, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI()) add(superProps, t.getSubject(), t.getObject());
            });
        if (javaRules.contains("30-domain"))
            union.find(Node.ANY, DOMAIN, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI()) add(domains, t.getSubject(), t.getObject());
            });
        if (javaRules.contains("31-range"))
            union.find(Node.ANY, RANGE, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isURI() && union.contains(t.getSubject(), TYPE, OBJECT_PROPERTY))
                    add(ranges, t.getSubject(), t.getObject());
            });
        if (javaRules.contains("40-inverse"))
            union.find(Node.ANY, INVERSE, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getObject().isURI()) {
                    add(inverses, t.getSubject(), t.getObject());
                    add(inverses, t.getObject(), t.getSubject());
                }
            });
        if (javaRules.contains("41-symmetric"))
            union.find(Node.ANY, TYPE, SYMMETRIC).forEachRemaining(t -> symmetric.add(t.getSubject()));
        if (javaRules.contains("60-transitive"))
            union.find(Node.ANY, TYPE, TRANSITIVE).forEachRemaining(t -> transitive.add(t.getSubject()));
        if (javaRules.contains("50-property-chain"))
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
    private static boolean isSchema(Triple t) {
        Node p = t.getPredicate();
        if (p.equals(TYPE)) {
            Node o = t.getObject();
            return o.equals(OBJECT_PROPERTY) || o.equals(SYMMETRIC) || o.equals(TRANSITIVE);
        }
        return p.equals(SUBCLASS) || p.equals(SUBPROP) || p.equals(DOMAIN) || p.equals(RANGE) || p.equals(INVERSE)
               || p.equals(CHAIN) || p.equals(FIRST) || p.equals(REST);
    }

    private static boolean isDependency(Node p) {
        return p.equals(DEPENDS_ON) || p.equals(DEPENDENCY_OF);
    }

    /** Why cg:dependsOn / cg:dependencyOf cannot stay out of the graph, or null when they can. */
    private String virtualizationProblem(List<Rule> generic) {
        if (!transitive.contains(DEPENDS_ON))
            return "cg:dependsOn is not declared transitive";
        if (transitive.contains(DEPENDENCY_OF))
            return "cg:dependencyOf is declared transitive";
        for (Node v : List.of(DEPENDS_ON, DEPENDENCY_OF)) {
            Node other = v.equals(DEPENDS_ON) ? DEPENDENCY_OF : DEPENDS_ON;
            for (Node q : superProps.getOrDefault(v, List.of()))
                if (!q.equals(v)) return v.getLocalName() + " has a super-property " + q;
            if (domains.containsKey(v) || ranges.containsKey(v)) return v.getLocalName() + " has a domain or range";
            for (Node q : inverses.getOrDefault(v, List.of()))
                if (!q.equals(other)) return v.getLocalName() + " has an inverse " + q;
            if (symmetric.contains(v)) return v.getLocalName() + " is symmetric";
            if (chainsByFirst.containsKey(v) || chainsBySecond.containsKey(v)) return v.getLocalName() + " is in a property chain";
        }
        if (!inverses.getOrDefault(DEPENDS_ON, List.of()).contains(DEPENDENCY_OF))
            return "cg:dependencyOf is not declared the inverse of cg:dependsOn";
        for (Rule r : generic) {
            Set<Node> reads = predicatesRead(r.construct());
            if (reads == null || reads.contains(DEPENDS_ON) || reads.contains(DEPENDENCY_OF))
                return "rule " + r.name() + " reads them";
        }
        return null;
    }

    /**
     * Predicates named in a rule's WHERE clause; null when some predicate is a variable, or the
     * rule has a path, a GRAPH, a SERVICE or an EXISTS (it might read anything).
     */
    static Set<Node> predicatesRead(Query q) {
        Set<Node> out = new HashSet<>();
        boolean[] any = {false};
        org.apache.jena.sparql.algebra.Op op = Algebra.compile(q);
        org.apache.jena.sparql.algebra.walker.Walker.walk(op, new org.apache.jena.sparql.algebra.OpVisitorBase() {
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpBGP bgp) {
                for (Triple t : bgp.getPattern())
                    if (t.getPredicate().isURI()) out.add(t.getPredicate());
                    else any[0] = true;
            }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpTriple t) { any[0] = true; }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpPath p) { any[0] = true; }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpQuadPattern p) { any[0] = true; }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpGraph g) { any[0] = true; }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpService g) { any[0] = true; }
            @Override public void visit(org.apache.jena.sparql.algebra.op.OpPropFunc g) { any[0] = true; }
        }, new org.apache.jena.sparql.expr.ExprVisitorBase() {
            @Override public void visit(org.apache.jena.sparql.expr.ExprFunctionOp f) { any[0] = true; }
        });
        return any[0] ? null : out;
    }

    /** Has a triple with one of these predicates been added since position {@code since} of the log? */
    private boolean touched(Set<Node> reads, int since) {
        if (reads == null)
            return log.size() > since;
        for (int i = since; i < log.size(); i++)
            if (reads.contains(log.get(i).getPredicate())) return true;
        return false;
    }

    // ------------------------------------------------------------------ the Java rules

    private void drain() {
        Triple t;
        while (!schemaDerived && (t = work.poll()) != null)
            apply(t);
    }

    /** Every consequence of one triple with the triples already known (the triple is in the graph). */
    private void apply(Triple t) {
        Node s = t.getSubject(), p = t.getPredicate(), o = t.getObject();
        if (p.equals(TYPE))
            for (Node d : superClasses.getOrDefault(o, List.of()))
                emit(Triple.create(s, TYPE, d), "10-subclass");
        for (Node q : superProps.getOrDefault(p, List.of()))
            emit(Triple.create(s, q, o), "20-subproperty");
        for (Node c : domains.getOrDefault(p, List.of()))
            emit(Triple.create(s, TYPE, c), "30-domain");
        if (o.isLiteral())
            return;
        for (Node c : ranges.getOrDefault(p, List.of()))
            emit(Triple.create(o, TYPE, c), "31-range");
        for (Node q : inverses.getOrDefault(p, List.of()))
            emit(Triple.create(o, q, s), "40-inverse");
        if (symmetric.contains(p))
            emit(Triple.create(o, p, s), "41-symmetric");
        for (Node[] c : chainsByFirst.getOrDefault(p, List.of()))
            for (Triple u : list(union.find(o, c[0], Node.ANY)))
                emit(Triple.create(s, c[1], u.getObject()), "50-property-chain");
        for (Node[] c : chainsBySecond.getOrDefault(p, List.of()))
            for (Triple u : list(union.find(Node.ANY, c[0], s)))
                emit(Triple.create(u.getSubject(), c[1], o), "50-property-chain");
        if (transitive.contains(p)) {
            for (Triple u : list(union.find(o, p, Node.ANY)))
                if (!s.equals(u.getObject())) emit(Triple.create(s, p, u.getObject()), "60-transitive");
            for (Triple u : list(union.find(Node.ANY, p, s)))
                if (!u.getSubject().equals(o)) emit(Triple.create(u.getSubject(), p, o), "60-transitive");
        }
    }

    private static List<Triple> list(ExtendedIterator<Triple> it) {
        return it.toList();
    }

    private void emit(Triple t, String rule) {
        if (t.getSubject().isLiteral())
            return;
        if (virtualDeps && isDependency(t.getPredicate())) {
            if (!asserted.contains(t))
                baseEdge(t);
            return;
        }
        if (asserted.contains(t) || inferred.contains(t))
            return;
        if (isSchema(t)) {
            schemaDerived = true;
            schemaTriple = t;
        }
        inferred.add(t);
        log.add(t);
        perRule.merge(rule, 1L, Long::sum);
        work.add(t);
    }

    /** A cg:dependsOn (or reversed cg:dependencyOf) triple, kept as an edge of the index. */
    private void baseEdge(Triple t) {
        boolean forward = t.getPredicate().equals(DEPENDS_ON);
        Node a = forward ? t.getSubject() : t.getObject(), b = forward ? t.getObject() : t.getSubject();
        if (!a.isURI() || !b.isURI())
            nonIriDependency = true;
        if (baseCount == baseFrom.length) {
            baseFrom = Arrays.copyOf(baseFrom, baseCount * 2);
            baseTo = Arrays.copyOf(baseTo, baseCount * 2);
        }
        baseFrom[baseCount] = depId(a);
        baseTo[baseCount] = depId(b);
        baseCount++;
    }

    private int depId(Node n) {
        Integer id = depIds.get(n);
        if (id == null) {
            id = depNodes.size();
            depIds.put(n, id);
            depNodes.add(n);
        }
        return id;
    }

    /** The triples rules 60 and 40 would have added for cg:dependsOn and cg:dependencyOf. */
    private void materializeClosure(DependencyIndex index) {
        for (int a = 0; a < index.size(); a++) {
            Node na = depNodes.get(a);
            for (int b : index.reach(a, true)) {
                Node nb = depNodes.get(b);
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
