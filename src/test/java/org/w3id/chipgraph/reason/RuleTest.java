package org.w3id.chipgraph.reason;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.TestGraph;

/**
 * Each rule of ontology/rules/ alone, on a tiny input, must infer exactly the triples in its
 * expected file (src/test/resources/rules/RULE.input.ttl and RULE.expected.ttl).
 */
class RuleTest {
    static final Path FIXTURES = TestGraph.PROJECT.resolve("src/test/resources/rules");

    @TestFactory
    Stream<DynamicTest> eachRuleInfersExactlyItsExpectedTriples() throws IOException {
        RuleSet all = RuleSet.fromDirectory(TestGraph.PROJECT.resolve("ontology/rules"));
        return all.rules().stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            Path input = FIXTURES.resolve(rule.name() + ".input.ttl");
            Path expected = FIXTURES.resolve(rule.name() + ".expected.ttl");
            assertTrue(Files.exists(input) && Files.exists(expected), "rule " + rule.name() + " has no test fixture in " + FIXTURES);
            Graph in = RDFParser.source(input).toGraph();
            Graph want = RDFParser.source(expected).toGraph();
            Graph got = new Materializer(new RuleSet(List.of(rule))).materialize(in, m -> {}).inferred();
            if (!IsoMatcher.isomorphic(want, got)) {
                var sw = new java.io.StringWriter();
                RDFDataMgr.write(sw, got, Lang.NTRIPLES);
                fail(rule.name() + ": inferred\n" + sw + "expected the triples of " + expected.getFileName());
            }
        }));
    }
}
