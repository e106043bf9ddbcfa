package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsCompare;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.TestGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import org.w3id.chipgraph.eto.EtoFixture;

/**
 * Every query of queries/ runs as its own test against the loaded graph and must give its expected answer.
 * Queries tagged {@code federated} call another endpoint through SERVICE: FederatedQueryTest runs them
 * through a server whose service map points at a local fixture.
 */
class QueryCatalogTest {
    static final QueryCatalog CATALOG = QueryCatalog.in(TestGraph.PROJECT.resolve("queries"));
    static final String FEDERATED = "federated";

    static Stream<CatalogQuery> local() {
        return CATALOG.queries().stream().filter(q -> !q.tags().contains(FEDERATED));
    }

    @TestFactory
    Stream<DynamicTest> everyQueryGivesItsExpectedAnswer() {
        return local().map(q -> DynamicTest.dynamicTest(q.name() + q.cq().map(c -> " (" + c + ")").orElse(""),
                () -> check(q, "", Map.of())));
    }

    /**
     * Parameterized answers: beside NAME.rq, a file NAME@var=value.csv (pairs joined by '&',
     * e.g. r3-x@asOf=2022-01-01.csv) holds the answer with those parameters bound.
     */
    @TestFactory
    Stream<DynamicTest> everyParameterizedAnswer() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (CatalogQuery q : local().toList()) {
            try (Stream<Path> s = Files.list(q.file().getParent())) {
                for (Path p : s.filter(f -> f.getFileName().toString().startsWith(q.name() + "@")).sorted().toList()) {
                    String file = p.getFileName().toString();
                    String spec = file.substring(q.name().length() + 1, file.lastIndexOf('.'));
                    Map<String, String> params = new LinkedHashMap<>();
                    for (String pair : spec.split("&")) {
                        int eq = pair.indexOf('=');
                        assertTrue(eq > 0, file + ": want NAME@var=value.csv");
                        params.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    String suffix = "@" + spec;
                    tests.add(DynamicTest.dynamicTest(q.name() + " " + params, () -> check(q, suffix, params)));
                }
            }
        }
        return tests.stream();
    }

    static void check(CatalogQuery q, String suffix, Map<String, String> params) throws Exception {
        Path csv = q.file().resolveSibling(q.name() + suffix + ".csv");
        Path srj = q.file().resolveSibling(q.name() + suffix + ".srj");
        // Queries tagged 'eto' read the ETO import: they run on the project loaded with the ETO fixture.
        // Queries tagged 'epoch' read the Epoch AI datasets: they run on the default load (curated + both datasets).
        var dataset = q.tags().contains("eto-import") ? EtoFixture.projectWithFixture().dataset()
                : q.tags().contains("epoch") ? TestGraph.full() : TestGraph.dataset();
        RowSetRewindable rows = QueryRunner.select(dataset, q.parse(), QueryRunner.bindings(q, params));
        if (Files.exists(srj)) {
            ResultSet expected = ResultSetMgr.read(srj.toString());
            rows.reset();
            boolean same = q.ordered()
                    ? ResultsCompare.equalsByTermAndOrder(expected, ResultSet.adapt(rows))
                    : ResultsCompare.equalsByTerm(expected, ResultSet.adapt(rows));
            assertTrue(same, q.name() + ": results differ from " + srj.getFileName());
            return;
        }
        assertTrue(Files.exists(csv), q.name() + ": no expected results beside it (" + csv.getFileName() + " or .srj)");
        ExpectedResults expected = ExpectedResults.readCsv(csv);
        List<String> queryVars = q.parse().getResultVars();
        assertEquals(expected.vars(), queryVars, q.name() + ": the CSV header must name the query's variables in order");
        String diff = expected.compare(ExpectedResults.actualRows(rows, expected.vars()), q.ordered());
        assertNull(diff, () -> q.name() + " (" + q.summary() + "):\n" + diff);
    }

    @Test
    void everyQueryHasAHeaderAndAnExpectedAnswer() {
        assertFalse(CATALOG.queries().isEmpty(), "queries/ is empty");
        for (CatalogQuery q : CATALOG.queries()) {
            assertFalse(q.summary().isBlank(), q.name() + ": empty summary");
            assertFalse(q.tags().isEmpty(), q.name() + ": no '#+ tags:' line");
            assertTrue(Files.exists(q.file().resolveSibling(q.name() + ".csv")) || Files.exists(q.file().resolveSibling(q.name() + ".srj")),
                    q.name() + ": no expected results file");
        }
    }

    @Test
    void theCompetencyQuestionsOfTheFoundationAreCovered() {
        List<String> covered = CATALOG.queries().stream().flatMap(q -> q.cq().stream()).toList();
        for (String cq : List.of("S1", "S2", "S3", "S4", "S5", "S6", "D1", "D2", "D3", "R1", "R2"))
            assertTrue(covered.contains(cq), "no query answers competency question " + cq);
    }

    @Test
    void theCompetencyQuestionsOfTheDomainFactsAreCovered() {
        List<String> covered = CATALOG.queries().stream().flatMap(q -> q.cq().stream()).toList();
        for (String cq : List.of("D4", "D5", "D6", "D7", "D8", "D10", "D11", "R3"))
            assertTrue(covered.contains(cq), "no query answers competency question " + cq);
    }
}
