package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * Bounded queries: a runaway query is stopped at the server's timeout with a clear error while
 * other clients are answered; {@code ?timeout=} lowers the timeout and cannot raise it; results
 * are capped at the row limit and a capped answer says so in a header.
 */
class QueryLimitsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final long MAX_ROWS = 50;
    /** Four triple patterns, none joined: the cube of a graph of thousands of triples, squared. */
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    static final String SIMPLE = "SELECT ?label WHERE { <https://w3id.org/chipgraph/id/nvidia> <http://www.w3.org/2000/01/rdf-schema#label> ?label }";

    static FusekiServer server, patient;
    static String endpoint, patientEndpoint;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        var dsg = TestGraph.dataset();
        server = ChipgraphServer.build(dsg, new ServerOptions(0, TIMEOUT, true, ServicePolicy.defaults())
                .with(SecurityOptions.defaults().withMaxRows(MAX_ROWS)));
        server.start();
        endpoint = "http://127.0.0.1:" + server.getHttpPort() + "/chipgraph/sparql";
        // A server with a long timeout, to show that ?timeout= lowers it.
        patient = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofSeconds(60), true));
        patient.start();
        patientEndpoint = "http://127.0.0.1:" + patient.getHttpPort() + "/chipgraph/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (patient != null) patient.stop();
    }

    static HttpResponse<String> get(String endpoint, String query, String extra) throws Exception {
        String url = endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra;
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv")
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    record Timed(HttpResponse<String> response, long millis) {}

    static Timed timed(String endpoint, String query, String extra) throws Exception {
        long t0 = System.nanoTime();
        var r = get(endpoint, query, extra);
        return new Timed(r, (System.nanoTime() - t0) / 1_000_000);
    }

    static void assertStoppedWithAClearError(Timed t, long withinMillis) {
        assertEquals(503, t.response().statusCode(), t.response().body());
        assertTrue(t.response().body().toLowerCase().contains("timed out") || t.response().body().toLowerCase().contains("timeout"),
                "the error says the query timed out: " + t.response().body());
        assertTrue(t.millis() < withinMillis, "stopped after " + t.millis() + " ms, more than " + withinMillis);
    }

    @Test
    void aRunawayQueryIsStoppedAtTheTimeoutWhileAnotherClientIsAnswered() throws Exception {
        get(endpoint, SIMPLE, "");   // warm up
        CompletableFuture<Timed> runaway = CompletableFuture.supplyAsync(() -> {
            try {
                return timed(endpoint, RUNAWAY, "");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        // Another client, meanwhile: each simple query answered within 2 s.
        List<Long> latencies = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        runaway.whenComplete((r, e) -> done.set(true));
        Thread.sleep(200);
        while (!done.get()) {
            Timed t = timed(endpoint, SIMPLE, "");
            assertEquals(200, t.response().statusCode(), t.response().body());
            assertTrue(t.response().body().contains("Nvidia"), t.response().body());
            latencies.add(t.millis());
            Thread.sleep(100);
        }
        assertFalse(latencies.isEmpty(), "the other client ran while the runaway query did");
        for (long ms : latencies)
            assertTrue(ms < 2000, "a simple query took " + ms + " ms while the runaway ran: " + latencies);
        assertStoppedWithAClearError(runaway.get(), TIMEOUT.toMillis() + 5000);
        System.out.println("runaway stopped after " + runaway.get().millis() + " ms; other client's latencies (ms): " + latencies);
    }

    @Test
    void timeoutParameterLowersTheTimeoutButCannotRaiseIt() throws Exception {
        // 60 s server, ?timeout=1: stopped after about a second.
        assertStoppedWithAClearError(timed(patientEndpoint, RUNAWAY, "&timeout=1"), 1000 + 5000);
        // 2 s server, ?timeout=60: still stopped after about two seconds.
        assertStoppedWithAClearError(timed(endpoint, RUNAWAY, "&timeout=60"), TIMEOUT.toMillis() + 5000);
    }

    static long rows(HttpResponse<String> csv) {
        return csv.body().lines().count() - 1;   // less the header line
    }

    @Test
    void resultsAreCappedAtTheRowLimitAndACappedAnswerSaysSo() throws Exception {
        var all = get(endpoint, "SELECT * WHERE { ?s ?p ?o }", "");
        assertEquals(200, all.statusCode());
        assertEquals(MAX_ROWS, rows(all));
        assertEquals(List.of(Long.toString(MAX_ROWS)), all.headers().allValues(GuardedQuery.ROW_CAP_HEADER));

        var larger = get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1000", "");
        assertEquals(MAX_ROWS, rows(larger));
        assertTrue(larger.headers().firstValue(GuardedQuery.ROW_CAP_HEADER).isPresent(), "a larger LIMIT is lowered, and said so");

        var within = get(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 10", "");
        assertEquals(10, rows(within));
        assertTrue(within.headers().firstValue(GuardedQuery.ROW_CAP_HEADER).isEmpty(), "a LIMIT within the cap is left alone");

        var count = get(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "");
        assertEquals(1, rows(count));
        assertTrue(count.headers().firstValue(GuardedQuery.ROW_CAP_HEADER).isEmpty(), "one aggregate row is never capped");
        assertTrue(Long.parseLong(count.body().lines().skip(1).findFirst().orElseThrow().trim()) > MAX_ROWS);

        var construct = http.send(HttpRequest.newBuilder(URI.create(endpoint + "?query="
                + URLEncoder.encode("CONSTRUCT WHERE { ?s ?p ?o }", StandardCharsets.UTF_8))).header("Accept", "application/n-triples").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, construct.statusCode());
        assertEquals(MAX_ROWS, construct.body().lines().filter(l -> !l.isBlank()).count(), "CONSTRUCT: one triple a solution here");
        assertTrue(construct.headers().firstValue(GuardedQuery.ROW_CAP_HEADER).isPresent());
    }
}
