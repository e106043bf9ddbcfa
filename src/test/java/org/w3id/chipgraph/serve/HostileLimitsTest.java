package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * The limits an outside attack found open (issue 12, items 4-6), each against a running server
 * with a 2 s timeout: every form of {@code ?timeout=} is clamped; request bodies, query texts and
 * headers are capped; a catastrophic regular expression stops at the deadline; GROUP_CONCAT and
 * string functions are capped; a CONSTRUCT past the response cap is refused and a SELECT past it
 * cut; a capped ORDER BY keeps only its top rows; the launcher exits on OutOfMemoryError.
 */
class HostileLimitsTest {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** Stopped by the server within the timeout and 2 s; the client waits longer so a miss fails, not hangs. */
    static final long WITHIN_MS = TIMEOUT.toMillis() + 2000;
    static final long MAX_RESPONSE = 200_000;
    static final long MAX_STRING = 10_000;
    static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    /** Exponential backtracking: a run of a's, the back-reference, then no x. */
    static final String EVIL = "\"" + "a".repeat(40) + "!\", \"(a*)*\\\\1x\"";

    static FusekiServer server;
    static String base, endpoint;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, TIMEOUT, true, ServicePolicy.defaults())
                .with(SecurityOptions.defaults().withLimits(new ResourceLimits(ResourceLimits.DEFAULT_MAX_BODY, MAX_RESPONSE, MAX_STRING))));
        server.start();
        base = "http://127.0.0.1:" + server.getHttpPort();
        endpoint = base + "/chipgraph/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    record Timed(int status, String body, long millis) {}

    static Timed send(HttpRequest.Builder b) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        return new Timed(r.statusCode(), r.body(), (System.nanoTime() - t0) / 1_000_000);
    }

    static Timed get(String query, String extra) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + extra))
                .header("Accept", "text/csv"));
    }

    static void assertTimedOutWithin(Timed t, String what) {
        assertEquals(503, t.status(), what + ": " + t.body());
        assertTrue(t.millis() < WITHIN_MS, what + ": stopped after " + t.millis() + " ms, not within " + WITHIN_MS);
    }

    @Test
    void everyFormOfTheTimeoutParameterIsClampedToTheServers() throws Exception {
        for (String form : List.of("100,100", "1000,60", "0,100", "-5", "99999999999999999999"))
            assertTimedOutWithin(get(RUNAWAY, "&timeout=" + URLEncoder.encode(form, StandardCharsets.UTF_8)), "timeout=" + form);
        for (String bad : List.of("soon", "1,2,3", "5s")) {
            Timed t = get("ASK {}", "&timeout=" + bad);
            assertEquals(400, t.status(), t.body());
            assertTrue(t.body().contains("'timeout'"), "the error names the parameter: " + t.body());
        }
        assertEquals(200, get("ASK {}", "&timeout=1").status(), "a well-formed, lower timeout is still accepted");
    }

    @Test
    void requestBodiesQueryTextsAndHeadersAreCapped() throws Exception {
        String big = "SELECT * {} #" + "x".repeat(2 * 1024 * 1024);
        Timed body = send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(big)));
        assertEquals(413, body.status(), body.body());
        Timed form = send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(big, StandardCharsets.UTF_8))));
        assertEquals(413, form.status(), form.body());
        // No Content-Length (chunked): refused once the cap has been read.
        Timed chunked = send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(413, chunked.status(), chunked.body());
        // Within the body cap, but a query text too long to parse in bounded time.
        Timed text = send(HttpRequest.newBuilder(URI.create(endpoint)).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT * {} #" + "x".repeat(600_000))));
        assertEquals(413, text.status(), text.body());
        assertTrue(text.millis() < 2000, "refused before parsing: " + text.millis() + " ms");
        // A GET query string past the header cap.
        Timed uri = get("SELECT * {} #" + "x".repeat(200_000), "");
        assertTrue(List.of(413, 414, 431).contains(uri.status()), "status " + uri.status());
        assertEquals(200, get("SELECT * {} #" + "x".repeat(20_000), "").status(), "a long comment within the caps is fine");
    }

    @Test
    void regularExpressionsStopAtTheDeadline() throws Exception {
        assertTimedOutWithin(get("SELECT (REGEX(" + EVIL + ") AS ?r) {}", ""), "REGEX in SELECT");
        assertTimedOutWithin(get("SELECT * { BIND(\"" + "a".repeat(40) + "!\" AS ?s) FILTER(REGEX(?s, \"(a*)*\\\\1x\")) }", ""), "REGEX in FILTER");
        assertTimedOutWithin(get("SELECT * { { SELECT (REPLACE(\"" + "a".repeat(40) + "!\", \"(a*)*\\\\1x\", \"y\") AS ?r) {} } }", ""),
                "REPLACE in a subquery");
        assertTimedOutWithin(get("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ASK { FILTER(fn:matches(" + EVIL + ")) }", ""), "fn:matches");
        assertTimedOutWithin(get("ASK { FILTER EXISTS { FILTER(REGEX(" + EVIL + ")) } }", ""), "REGEX in EXISTS");
        assertTimedOutWithin(get("PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?x apf:strSplit (" + EVIL.replace(",", "") + ") }", ""),
                "apf:strSplit");
        // Ordinary regular expressions answer as before.
        Timed ok = get("SELECT (REGEX(\"Nvidia H200\", \"h2\\\\d+\", \"i\") AS ?r) (REPLACE(\"a-b-c\", \"-\", \"+\") AS ?s) {}", "");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("true") && ok.body().contains("a+b+c"), ok.body());
    }

    @Test
    void groupConcatAndStringFunctionsAreCapped() throws Exception {
        Timed concat = get("SELECT (GROUP_CONCAT(STR(?o)) AS ?all) { ?a ?b ?c . ?d ?e ?o }", "");
        assertEquals(422, concat.status(), concat.body());
        assertTrue(concat.body().contains("GROUP_CONCAT") && concat.body().contains("--max-string"), concat.body());
        Timed grouped = get("SELECT ?a (GROUP_CONCAT(DISTINCT STR(?o); separator=\",\") AS ?all) { ?a ?b ?c . ?d ?e ?o } GROUP BY ?a", "");
        assertEquals(422, grouped.status(), grouped.body());
        StringBuilder doubling = new StringBuilder("SELECT ?s30 { BIND(\"0123456789\" AS ?s0) ");
        for (int i = 1; i <= 30; i++)
            doubling.append("BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i).append(") ");
        Timed chain = get(doubling.append("}").toString(), "");
        assertEquals(422, chain.status(), chain.body());
        Timed small = get("SELECT (GROUP_CONCAT(?x; separator=\"+\") AS ?all) { VALUES ?x { \"a\" \"b\" } }", "");
        assertEquals(200, small.status());
        assertTrue(small.body().contains("a+b") || small.body().contains("b+a"), small.body());
    }

    @Test
    void answersPastTheResponseCapAreRefusedOrCut() throws Exception {
        Timed construct = send(HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(
                "CONSTRUCT { ?s ?p ?o . ?o ?p ?s . ?s <urn:x> ?o } WHERE { ?s ?p ?o }", StandardCharsets.UTF_8)))
                .header("Accept", "application/n-triples"));
        assertEquals(422, construct.status(), construct.body());
        assertTrue(construct.body().contains("--max-response-bytes"), construct.body());
        // SELECT streams: past the cap the connection closes before the end of the body, which the client sees as an error, never as a complete answer.
        IOException cut = assertThrows(IOException.class, () -> get("SELECT * { ?s ?p ?o }", ""),
                "a SELECT answer past the cap must not end as a whole response");
        assertFalse(cut instanceof HttpTimeoutException, "cut, not timed out: " + cut);
        assertEquals(200, get("SELECT * { ?s ?p ?o } LIMIT 10", "").status(), "small answers are unaffected");
    }

    @Test
    void aCappedOrderByKeepsOnlyItsTopRows() {
        // The row cap (100,000 by default) sets the LIMIT before the algebra is built; ARQ must turn it into a top-N sort.
        Query q = QueryFactory.create("SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f");
        q.setLimit(SecurityOptions.DEFAULT_MAX_ROWS);
        Op op = Algebra.optimize(Algebra.compile(q));
        assertTrue(op.toString().contains("(top "), "a top-N sort, not a full sort:\n" + op);
    }

    @Test
    void theLauncherExitsOnOutOfMemoryError() throws Exception {
        String launcher = Files.readString(Path.of("chipgraph"));
        assertTrue(launcher.contains("-XX:+ExitOnOutOfMemoryError"), "the launcher's java options:\n" + launcher);
    }
}
