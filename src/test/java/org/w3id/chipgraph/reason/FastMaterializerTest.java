package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.bench.SupplyNetworkGenerator;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.load.ParsedInputs;

/**
 * The Java fast path infers exactly the triples the SPARQL rules of ontology/rules/ infer
 * (the rule files are the specification), on the curated graph and on a generated network;
 * above the closure limit it leaves out exactly the cg:dependsOn / cg:dependencyOf triples.
 */
class FastMaterializerTest {
    @TempDir Path tmp;

    static final RuleSet RULES = RuleSet.fromDirectory(TestGraph.PROJECT.resolve("ontology/rules"));

    /** What the loader reasons over: the ontology and every fact graph but claims. */
    static Graph reasoningInput(List<Path> extra) {
        Loader.Prepared p = new Loader(InputFiles.in(TestGraph.PROJECT), extra,
                new PrintStream(new ByteArrayOutputStream())).prepare();
        ParsedInputs in = p.inputs();
        Graph g = GraphFactory.createDefaultGraph();
        in.ontology().find().forEachRemaining(g::add);
        in.data().find().forEachRemaining(q -> {
            if (!Chipgraph.isClaimsGraph(q.getGraph())) g.add(q.asTriple());
        });
        return g;
    }

    static Set<Triple> triples(Graph g) {
        return g.find().toSet();
    }

    static void assertSameTriples(Set<Triple> want, Set<Triple> got, String what) {
        if (want.equals(got))
            return;
        Set<Triple> missing = new HashSet<>(want), extra = new HashSet<>(got);
        missing.removeAll(got);
        extra.removeAll(want);
        fail(what + ": " + missing.size() + " triples missing from the fast path, e.g. "
             + missing.stream().limit(5).toList() + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(5).toList());
    }

    @Test
    void theKnownRulesAreRecognizedInTheirFiles() {
        for (Rule r : RULES.rules())
            assertEquals(FastMaterializer.KNOWN.containsKey(r.name()), FastMaterializer.isKnown(r), r.name());
    }

    /**
     * The build fails when a rule with a Java fast path is edited (its hash no longer pinned):
     * the editor must make the Java code match the new text, then update FastMaterializer.KNOWN.
     */
    @Test
    void everyJavaFastPathMatchesItsRuleFile() {
        assertEquals(List.of(), FastMaterializer.fastPathMismatches(RULES));
        assertEquals(10, FastMaterializer.KNOWN.size(), "rules 10-60, 70 and 71 have a Java fast path");
    }

    /** The check above on a copy of the rules with one rule edited: it names the rule and fails. */
    @Test
    void anEditedCopyOfARuleFailsTheFastPathCheck() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("rules"));
        try (var files = Files.list(TestGraph.PROJECT.resolve("ontology/rules"))) {
            for (Path f : files.toList())
                Files.copy(f, dir.resolve(f.getFileName()));
        }
        Path edited = dir.resolve("60-transitive.rq");
        Files.writeString(edited, Files.readString(edited).replace("FILTER(?x != ?z)", "FILTER(?x != ?z && isIRI(?z))"));
        List<String> problems = FastMaterializer.fastPathMismatches(RuleSet.fromDirectory(dir));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("60-transitive.rq: text changed"), problems.get(0));
        assertThrows(AssertionError.class, () -> assertEquals(List.of(), problems));

        // A Windows line end does not change a rule's identity; a missing file is named.
        Files.writeString(edited, Files.readString(TestGraph.PROJECT.resolve("ontology/rules/60-transitive.rq")).replace("\n", "\r\n"));
        assertEquals(List.of(), FastMaterializer.fastPathMismatches(RuleSet.fromDirectory(dir)));
        Files.delete(edited);
        assertEquals(List.of("60-transitive.rq: missing, but FastMaterializer implements it in Java"),
                FastMaterializer.fastPathMismatches(RuleSet.fromDirectory(dir)));
    }

    /** Each rule alone on its fixture (src/test/resources/rules) gives exactly the expected triples, as in RuleTest. */
    @org.junit.jupiter.api.TestFactory
    java.util.stream.Stream<org.junit.jupiter.api.DynamicTest> eachRuleAloneGivesItsExpectedTriples() {
        return RULES.rules().stream().map(rule -> org.junit.jupiter.api.DynamicTest.dynamicTest(rule.name(), () -> {
            Graph in = org.apache.jena.riot.RDFParser.source(RuleTest.FIXTURES.resolve(rule.name() + ".input.ttl")).toGraph();
            Graph want = org.apache.jena.riot.RDFParser.source(RuleTest.FIXTURES.resolve(rule.name() + ".expected.ttl")).toGraph();
            Graph got = new FastMaterializer(new RuleSet(List.of(rule)), Long.MAX_VALUE).materialize(in, m -> {}).inferred();
            assertTrue(org.apache.jena.sparql.util.IsoMatcher.isomorphic(want, got), rule.name() + ": " + got.find().toList());
        }));
    }

    @Test
    void anEditedRuleRunsAsSparql() throws Exception {
        Path f = tmp.resolve("10-subclass.rq");
        Files.writeString(f, Files.readString(TestGraph.PROJECT.resolve("ontology/rules/10-subclass.rq"))
                .replace("FILTER(isIRI(?super))", "FILTER(isIRI(?super) && ?super != ?class)"));
        assertFalse(FastMaterializer.isKnown(Rule.read(f)));
    }

    @Test
    void sameTriplesAsTheSparqlRulesOnTheCuratedGraph() {
        Graph in = reasoningInput(List.of());
        Set<Triple> sparql = triples(new Materializer(RULES).materialize(in, m -> {}).inferred());
        FastMaterializer.Result fast = new FastMaterializer(RULES, Long.MAX_VALUE).materialize(in, m -> {});
        assertTrue(fast.notes().isEmpty(), fast.notes().toString());
        assertTrue(fast.closureMaterialized());
        assertSameTriples(sparql, triples(fast.inferred()), "curated graph");
    }

    @Test
    void sameTriplesAsTheSparqlRulesOnAGeneratedNetworkAndWithoutTheClosureAboveTheLimit() {
        Path f = tmp.resolve("net.trig");
        new SupplyNetworkGenerator(scale(), 3).generate(f);
        Graph in = reasoningInput(List.of(f));
        Set<Triple> sparql = triples(new Materializer(RULES).materialize(in, m -> {}).inferred());
        FastMaterializer.Result fast = new FastMaterializer(RULES, Long.MAX_VALUE).materialize(in, m -> {});
        assertSameTriples(sparql, triples(fast.inferred()), "generated network, scale " + scale());
        long pairs = sparql.stream().filter(t -> t.getPredicate().equals(FastMaterializer.DEPENDS_ON)).count();
        assertEquals(pairs, fast.closurePairs(), "the index counts every materialized pair");

        // Above the limit: exactly the cg:dependsOn and cg:dependencyOf triples are left out.
        FastMaterializer.Result over = new FastMaterializer(RULES, 0).materialize(in, m -> {});
        assertFalse(over.closureMaterialized());
        Set<Triple> want = sparql.stream().filter(t -> !t.getPredicate().equals(FastMaterializer.DEPENDS_ON)
                && !t.getPredicate().equals(FastMaterializer.DEPENDENCY_OF)).collect(Collectors.toSet());
        assertSameTriples(want, triples(over.inferred()), "above the closure limit");
    }

    @Test
    void aConfigurationIsClassifiedFromItsBaseSpecsBeforeTheCriterionRules() {
        // Rule 65 names its predicates, so the closure can still be left to the index at scale.
        Rule inherit = RULES.rules().stream().filter(r -> r.name().equals("65-configuration-inherits-spec")).findFirst().orElseThrow();
        Set<Node> reads = RuleReads.predicatesRead(inherit.construct());
        assertNotNull(reads, "rule 65 must name the predicates it reads");
        assertTrue(reads.contains(NodeFactory.createURI(Chipgraph.NS + "configurationOf")), reads.toString());
        // On the curated graph the A100 80GB (memory only stated) gets the A100's TPP 4992 and meets
        // 3A090.a.1 (TPP >= 4800): classified, not undetermined, with either materializer.
        Graph in = reasoningInput(List.of());
        Node a100x = NodeFactory.createURI(Chipgraph.ID + "a100-80gb");
        Node a1 = NodeFactory.createURI(Chipgraph.ID + "criterion-3a090-a-1-2023");
        for (Graph inferred : List.of(new Materializer(RULES).materialize(in, m -> {}).inferred(),
                                      new FastMaterializer(RULES, Long.MAX_VALUE).materialize(in, m -> {}).inferred())) {
            assertTrue(inferred.contains(a100x, NodeFactory.createURI(Chipgraph.NS + "meetsCriterion"), a1));
            assertFalse(inferred.contains(a100x, NodeFactory.createURI(Chipgraph.NS + "criterionUndetermined"), Node.ANY),
                    "a configuration whose base TPP is known is not undetermined");
        }
    }

    /** Scale of the generated network: small by default (fast tests); -Dchipgraph.test.scale=1 for the full check. */
    static double scale() {
        return Double.parseDouble(System.getProperty("chipgraph.test.scale", "0.1"));
    }
}
