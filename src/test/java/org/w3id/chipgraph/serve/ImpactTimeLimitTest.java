package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.ImpactAnalysis;

/**
 * /api/impact keeps to the server's query time limit (issue 17): past it the analysis stops and
 * the answer is a 503 saying so, like a SPARQL query past its timeout; within it, a 200. The
 * version's dependency graph is built once in the background, not cut off by the first request.
 */
class ImpactTimeLimitTest {
    @Test
    void anExpiredDeadlineStopsTheAnalysis() throws Exception {
        DatasetGraph dsg = TestGraph.dataset();
        DependencyGraph g = DependencyGraph.load(q -> QueryRunner.select(dsg, q, Map.of()));
        int tsmc = g.idOf("https://w3id.org/chipgraph/id/tsmc");
        Deadline d = Deadline.in(1);
        Thread.sleep(5);
        assertThrows(Deadline.Exceeded.class, () -> new ImpactAnalysis(g).remove(List.of(tsmc), d));
        assertFalse(new ImpactAnalysis(g).remove(List.of(tsmc), Deadline.in(60_000)).failed().isEmpty());
    }

    @Test
    void pastTheServersTimeoutImpactAnswers503() throws Exception {
        DatasetGraph dsg = TestGraph.dataset();
        Object before = dsg.getContext().get(ARQ.queryTimeout);
        HttpClient http = HttpClient.newHttpClient();
        FusekiServer server = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofMillis(1), true));
        server.start();
        try {
            String url = "http://localhost:" + server.getHttpPort() + "/api/impact?remove=tsmc";
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, r.statusCode(), r.body());
            // The first request also starts the version's dependency graph, which outlives it.
            assertTrue(r.body().contains("time limit") || r.body().contains("still being built"), r.body());
        } finally {
            server.stop();
            if (before == null)
                dsg.getContext().remove(ARQ.queryTimeout);
            else
                dsg.getContext().set(ARQ.queryTimeout, before);
        }
        FusekiServer ok = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofSeconds(30), true));
        ok.start();
        try {
            String url = "http://localhost:" + ok.getHttpPort() + "/api/impact?remove=tsmc";
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        } finally {
            ok.stop();
            if (before == null)
                dsg.getContext().remove(ARQ.queryTimeout);
            else
                dsg.getContext().set(ARQ.queryTimeout, before);
        }
    }
}
