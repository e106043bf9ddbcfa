package org.w3id.chipgraph.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.sparql.exec.RowSetRewindable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.serve.ServicePolicy;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/**
 * The catalogue's federated queries (tag {@code federated}), run as a user runs them: through a
 * chipgraph server whose service map sends SERVICE <https://query.wikidata.org/sparql> to a
 * second, local Fuseki serving the Wikidata fixture. Each must give its expected answer.
 * No network beyond loopback.
 */
class FederatedQueryTest {
    @RegisterExtension
    static final TestServer chipgraph = TestServer.on(TestGraph::dataset).withWikidataFixture(p -> p);

    static List<CatalogQuery> federated() {
        return QueryCatalogTest.CATALOG.queries().stream().filter(q -> q.tags().contains(QueryCatalogTest.FEDERATED)).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyFederatedQueryGivesItsExpectedAnswerThroughTheServer() {
        return federated().stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            Path csv = q.file().resolveSibling(q.name() + ".csv");
            assertTrue(Files.exists(csv), q.name() + ": no expected answer " + csv.getFileName());
            int before = chipgraph.wikidata().requests();
            RowSetRewindable rows = QueryRunner.select(chipgraph.sparql(), q.parse(), QueryRunner.bindings(q, Map.of()));
            ExpectedResults expected = ExpectedResults.readCsv(csv);
            assertEquals(expected.vars(), q.parse().getResultVars(), q.name() + ": the CSV header must name the query's variables in order");
            String diff = expected.compare(ExpectedResults.actualRows(rows, expected.vars()), q.ordered());
            assertNull(diff, () -> q.name() + " (" + q.summary() + "):\n" + diff);
            assertTrue(chipgraph.wikidata().requests() > before, q.name() + ": the SERVICE call did not reach the mapped fixture endpoint");
        }));
    }

    @Test
    void theReadmesFederatedExampleRuns() throws Exception {
        String readme = Files.readString(TestGraph.PROJECT.resolve("README.md"));
        int start = readme.indexOf("```sparql", readme.indexOf("## Links to other data"));
        String query = readme.substring(readme.indexOf('\n', start) + 1, readme.indexOf("```", start + 9));
        assertTrue(query.contains("SERVICE <" + ServicePolicy.WIKIDATA + ">"), query);
        RowSetRewindable rows = QueryRunner.select(chipgraph.sparql(), QueryFactory.create(query), Map.of());
        List<String> vars = List.of("company", "headquarters", "founded", "ceo");
        assertEquals(List.of(List.of("AMD", "Santa Clara", "1969", ""), List.of("Huawei", "Shenzhen", "1987", ""),
                List.of("Nvidia", "Santa Clara", "1993", "Jensen Huang")), ExpectedResults.actualRows(rows, vars));
    }

    @Test
    void theCatalogueHasFederatedQueriesAndEachCallsWikidata() {
        assertTrue(federated().size() >= 2, "federated queries: " + federated().stream().map(CatalogQuery::name).toList());
        for (CatalogQuery q : federated())
            assertTrue(q.text().contains("SERVICE <" + ServicePolicy.WIKIDATA + ">"), q.name() + " names Wikidata's endpoint");
    }
}
