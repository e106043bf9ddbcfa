package org.w3id.chipgraph.reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
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
    static final Node DEPENDS_ON = NodeFactory.createURI(Chipgraph.NS + "dependsOn");
    static final Node DEPENDENCY_OF = NodeFactory.createURI(Chipgraph.NS + "dependencyOf");
    private static final Node TYPE = RuleSchema.TYPE;

    /**
     * Default closure limit (pairs) above which cg:dependsOn is answered by the index only. Every
     * query route answers cg:dependsOn from the index the same way ({@link DependsOnFromIndex}),
     * so the stored closure buys nothing above this; it keeps the curated graph with the open
     * datasets (some 18,000 pairs) materialized for tools that read the store files directly,
     * while at 10,000 generated edges (256,000 pairs) writing the closure and its inverse was
     * nine-tenths of the quads and most of the load (issue 17).
     */
    public static final long DEFAULT_CLOSURE_LIMIT = 100_000;

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
    private RuleSchema schema;
    private final Set<String> javaRules = new HashSet<>();
    private final ArrayDeque<Triple> work = new ArrayDeque<>();
    private final Map<String, Long> perRule = new LinkedHashMap<>();
    /** Every triple inferred, in order: a rule runs again only when one it reads was added since its last run. */
    private final List<Triple> log = new ArrayList<>();
    private boolean schemaDerived;
    private Triple schemaTriple;
    /** The base edges of cg:dependsOn / cg:dependencyOf, or null when those stay triples in the graph. */
    private VirtualDependencies deps;

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
        schema = RuleSchema.read(union, javaRules);

        // cg:dependsOn and cg:dependencyOf can be left to the index only when nothing else reads them.
        String unsafe = VirtualDependencies.problem(schema, generic);
        if (unsafe == null && javaRules.contains("60-transitive") && javaRules.contains("40-inverse")
                && javaRules.contains("20-subproperty"))
            deps = new VirtualDependencies();
        if (unsafe != null)
            notes.add("the cg:dependsOn closure is materialized whatever its size: " + unsafe);

        streamingPass(progress);
        int rounds = schemaDerived ? 0 : otherRules(generic, progress);
        if (schemaDerived)
            return fallback(assertedGraph, progress, notes);
        return withClosure(rounds, notes, progress);
    }

    /** Every asserted triple through the streaming Java rules, with all that follows from it. */
    private void streamingPass(Consumer<String> progress) {
        long t0 = System.nanoTime();
        var it = asserted.find();
        while (it.hasNext()) {
            Triple t = it.next();
            if (isVirtual(t))
                deps.add(t);
            else
                apply(t);
            drain();
            if (schemaDerived)
                return;
        }
        progress.accept(String.format("Java rules: +%d triples (%.1f s)", inferred.size(), (System.nanoTime() - t0) / 1e9));
    }

    /**
     * The other rules (in Java when known, else as SPARQL) to a fixpoint, each run again only
     * when what it reads has changed. Returns the number of rounds; stops early when schema is derived.
     */
    private int otherRules(List<Rule> generic, Consumer<String> progress) {
        int rounds = 1;
        Map<Rule, Integer> seen = new HashMap<>();
        Map<Rule, Set<Node>> reads = new HashMap<>();
        for (Rule r : generic)
            reads.put(r, RuleReads.predicatesRead(r.construct()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Rule r : generic) {
                Integer since = seen.get(r);
                if (since != null && !touched(reads.get(r), since))
                    continue;
                seen.put(r, log.size());
                if (runOnce(r, progress))
                    changed = true;
                if (schemaDerived)
                    return rounds;
            }
            rounds++;
            if (rounds > Materializer.MAX_ROUNDS)
                throw new IllegalStateException("Inference did not reach a fixpoint in " + Materializer.MAX_ROUNDS + " rounds");
        }
        return rounds;
    }

    /** One run of one rule and the streaming rules after it. True when it found something new. */
    private boolean runOnce(Rule r, Consumer<String> progress) {
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
            if (isVirtual(t)) deps.add(t);
            else emit(t, r.name());
        }
        drain();
        if (schemaDerived)
            return false;
        long added = inferred.size() - before;
        progress.accept(String.format("%s (%s): +%d triples with what follows from them (%.1f s)",
                r.name(), java ? "Java" : "SPARQL", added, (System.nanoTime() - t1) / 1e9));
        return added > 0 || !fresh.isEmpty();
    }

    /** The dependency closure: an index always (when virtual); triples while it stays small. */
    private Result withClosure(int rounds, List<String> notes, Consumer<String> progress) {
        if (deps == null)
            return new Result(inferred, perRule, rounds, null, -1, true, notes, 0);
        long t2 = System.nanoTime();
        DependencyIndex index = deps.index();
        long pairs = index.countAllPairs();
        double indexSeconds = (System.nanoTime() - t2) / 1e9;
        boolean materialized = pairs <= closureLimit || deps.hasNonIriEnd();
        if (deps.hasNonIriEnd() && pairs > closureLimit)
            notes.add("the cg:dependsOn closure is materialized whatever its size: a dependency edge has a blank node or literal end");
        if (materialized)
            deps.materializeClosure(index, asserted, inferred, perRule);
        progress.accept(String.format("dependency index: %d nodes, %d edges, %d pairs; closure %s (%.1f s)",
                index.size(), index.edgeCount(), pairs,
                materialized ? "materialized" : "NOT materialized (over the limit of " + closureLimit + "): cg:dependsOn is answered by cgf:dependsOn",
                (System.nanoTime() - t2) / 1e9));
        return new Result(inferred, perRule, rounds, index, pairs, materialized, notes, indexSeconds);
    }

    private Result fallback(Graph assertedGraph, Consumer<String> progress, List<String> notes) {
        notes.add("a rule derives schema (" + schemaTriple + "): the whole inference ran as SPARQL rules");
        progress.accept(notes.get(notes.size() - 1));
        Materializer.Result r = new Materializer(rules).materialize(assertedGraph, progress);
        return new Result(r.inferred(), r.perRule(), r.rounds(), null, -1, true, notes, 0);
    }

    private boolean isVirtual(Triple t) {
        return deps != null && VirtualDependencies.isDependency(t.getPredicate());
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
            for (Node d : schema.superClasses.getOrDefault(o, List.of()))
                emit(Triple.create(s, TYPE, d), "10-subclass");
        for (Node q : schema.superProps.getOrDefault(p, List.of()))
            emit(Triple.create(s, q, o), "20-subproperty");
        for (Node c : schema.domains.getOrDefault(p, List.of()))
            emit(Triple.create(s, TYPE, c), "30-domain");
        if (o.isLiteral())
            return;
        for (Node c : schema.ranges.getOrDefault(p, List.of()))
            emit(Triple.create(o, TYPE, c), "31-range");
        for (Node q : schema.inverses.getOrDefault(p, List.of()))
            emit(Triple.create(o, q, s), "40-inverse");
        if (schema.symmetric.contains(p))
            emit(Triple.create(o, p, s), "41-symmetric");
        for (Node[] c : schema.chainsByFirst.getOrDefault(p, List.of()))
            for (Triple u : union.find(o, c[0], Node.ANY).toList())
                emit(Triple.create(s, c[1], u.getObject()), "50-property-chain");
        for (Node[] c : schema.chainsBySecond.getOrDefault(p, List.of()))
            for (Triple u : union.find(Node.ANY, c[0], s).toList())
                emit(Triple.create(u.getSubject(), c[1], o), "50-property-chain");
        if (schema.transitive.contains(p)) {
            for (Triple u : union.find(o, p, Node.ANY).toList())
                if (!s.equals(u.getObject())) emit(Triple.create(s, p, u.getObject()), "60-transitive");
            for (Triple u : union.find(Node.ANY, p, s).toList())
                if (!u.getSubject().equals(o)) emit(Triple.create(u.getSubject(), p, o), "60-transitive");
        }
    }

    private void emit(Triple t, String rule) {
        if (t.getSubject().isLiteral())
            return;
        if (isVirtual(t)) {
            if (!asserted.contains(t))
                deps.add(t);
            return;
        }
        if (asserted.contains(t) || inferred.contains(t))
            return;
        if (RuleSchema.isSchema(t)) {
            schemaDerived = true;
            schemaTriple = t;
        }
        inferred.add(t);
        log.add(t);
        perRule.merge(rule, 1L, Long::sum);
        work.add(t);
    }
}
