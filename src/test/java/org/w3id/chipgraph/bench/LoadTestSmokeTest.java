package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryCatalog;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;

/**
 * The load test's machinery, briefly (the benchmark itself is {@code bench load-test}, run by
 * hand): every catalogue query but the federated ones is in the mix, each answers, none fails.
 */
class LoadTestSmokeTest {
    @Test
    void aShortRunAnswersEveryCatalogueQueryWithoutErrors() throws Exception {
        var workload = LoadTest.catalogue(QueryCatalog.in(TestGraph.PROJECT.resolve("queries")), "federated");
        assertTrue(workload.stream().noneMatch(w -> w.name().startsWith("federated")), workload.toString());
        FusekiServer server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
        try {
            String endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/chipgraph/sparql";
            // Each client walks the catalogue in turn: give it time to reach every query (about 100 ms a query),
            // so that a longer catalogue does not make 'every query ran' fail by timing alone.
            Duration measured = Duration.ofMillis(Math.max(2000, 100L * workload.size()));
            LoadTest.Result r = LoadTest.run(endpoint, workload, 2, measured, Duration.ofMillis(500));
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            LoadTest.report(r, endpoint, new PrintStream(buf, true, StandardCharsets.UTF_8));
            String report = buf.toString(StandardCharsets.UTF_8);
            assertEquals(0, r.errors(), report);
            assertTrue(r.requests() >= workload.size(), report);
            assertEquals(workload.size(), r.perQuery().size(), "every query ran: " + report);
            assertTrue(report.contains("p50") && report.contains("p99") && report.contains("errors:     0"), report);
        } finally {
            server.stop();
        }
    }
}
