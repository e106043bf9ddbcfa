package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.web.DependencyReportRoute;
import org.w3id.chipgraph.LoopbackListener;
import org.w3id.chipgraph.TestGraph;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/**
 * Requests an outside attacker sent to a running server (issue 12, items 1, 2 and the weaker
 * points): Fuseki's validators are gone, nothing fetches a URL a request names, no page reflects
 * markup, every response carries the security headers, and bad input is a 400 naming the rule,
 * never a 500. The same requests are in src/test/resources/hostile/access.tsv for the corpus runner.
 */
class HostileAccessTest {
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::dataset).project(TestGraph.PROJECT);
    static LoopbackListener listener;
    static final HttpClient http = TestServer.HTTP;
    static final HttpClient follow = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @TempDir static Path tmp;

    @BeforeAll
    static void listen() {
        listener = new LoopbackListener();
    }

    @AfterAll
    static void close() {
        listener.close();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String target) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + target)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(String target, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + target)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String sparql) throws Exception {
        return get("/chipgraph/sparql?query=" + enc(sparql));
    }

    // ---------------------------------------------------------------- item 1: no validators, no fetches

    @Test
    void fusekiValidatorsAreNotMountedAndNothingIsFetched() throws Exception {
        Path secret = tmp.resolve("ctx.json");
        Files.writeString(secret, "{\"@context\": {\"leaked\": \"urn:secret-term-mapping-7731\"}}");
        List<String> targets = List.of(
                "/$/validate/data?languageSyntax=JSON-LD&data=" + enc("{\"@context\":\"" + listener.url() + "/ctx.json\",\"@id\":\"urn:a\",\"urn:p\":\"v\"}"),
                "/$/validate/data?languageSyntax=JSON-LD&data=" + enc("{\"@context\":\"" + secret.toUri() + "\",\"@id\":\"urn:a\",\"leaked\":\"v\"}"),
                "/$/validate/data?languageSyntax=JSON-LD&data=" + enc("{\"@context\":{\"@import\":\"" + listener.url() + "/i.json\"},\"@id\":\"urn:a\"}"),
                "/$/validate/query?query=" + enc("SELECT * {}"),
                "/$/validate/update?update=" + enc("CLEAR ALL"),
                "/$/validate/iri?iri=" + enc(SCRIPT),
                "/$/validate/langtag?langtag=" + enc(IMG));
        for (String t : targets) {
            var r = get(t);
            // (A request with an 'update' parameter is refused by the read-only filter first.)
            assertEquals(t.contains("update=") ? 403 : 404, r.statusCode(), t + " -> " + r.body());
            assertFalse(r.body().contains("secret-term-mapping"), r.body());
            var viaUi = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui" + t)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(t.contains("update=") ? 403 : 404, viaUi.statusCode(), "/ui" + t);
            String form = t.substring(t.indexOf('?') + 1);
            var post = postForm(t.substring(0, t.indexOf('?')), form);
            assertTrue(post.statusCode() == 403 || post.statusCode() == 404, "POST " + t + " -> " + post.statusCode());
            assertFalse(post.body().contains("secret-term-mapping"), post.body());
        }
        assertEquals(0, listener.connections(), "the loopback listener saw a connection");
    }

    // ---------------------------------------------------------------- item 2: headers, no reflection

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (String t : List.of("/", "/ui/", "/ui", "/id/nvidia", "/search?q=tsmc", "/queries/r1-depends-on-tsmc", "/ontology",
                "/api/queries", "/api/queries/nope", "/chipgraph/sparql?query=" + enc("ASK {}"), "/chipgraph/sparql?query=nonsense",
                "/$/ping", "/$/server", "/assets/chipgraph.css", "/no/such/page", "/$/validate/iri?iri=x"))
            responses.add(get(t));
        responses.add(postForm("/chipgraph/update", "update=" + enc("CLEAR ALL")));
        for (var r : responses) {
            String what = r.request().uri() + " (" + r.statusCode() + ")";
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            for (String directive : List.of("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'"))
                assertTrue(csp.contains(directive), what + ": CSP '" + csp + "' lacks " + directive);
            assertFalse(csp.contains("unsafe-eval") || csp.matches(".*script-src[^;]*unsafe-inline.*"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), what);
        }
    }

    @Test
    void noResponseReflectsMarkupItWasSent() throws Exception {
        String s = enc(SCRIPT), i = enc(IMG);
        List<String> targets = List.of("/search?q=" + s, "/id/" + s, "/id/x" + i, "/queries/" + s, "/queries/r3-licence-status?asOf=" + s,
                "/queries/entity?entity=" + i, "/queries/r3-licence-status?" + s + "=1", "/api/queries/" + s,
                "/api/queries/r3-licence-status?asOf=" + s, "/api/search?q=" + s, "/api/explain?from=" + s + "&to=" + i,
                "/api/impact?remove=" + s, "/api/neighbourhood?entity=" + s, "/api/dependencies?entity=" + i,
                "/ontology?format=" + s, "/chipgraph/sparql?query=" + s, "/chipgraph/get?graph=" + s,
                "/$/validate/iri?iri=" + s, "/$/validate/langtag?langtag=" + i, "/" + s, "/ui/" + s, "/assets/" + s);
        for (String t : targets) {
            var r = get(t);
            String type = r.headers().firstValue("Content-Type").orElse("");
            assertNotEquals(500, r.statusCode(), t + ": " + r.body());
            if (type.startsWith("text/html"))
                assertFalse(r.body().contains(SCRIPT) || r.body().contains(IMG), t + " reflects markup into HTML: " + r.body());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), t + " " + r.statusCode() + " " + r.headers().map() + r.body());
        }
    }

    // ---------------------------------------------------------------- weaker points

    @Test
    void nonAsciiInAnErrorMessageIsAClientErrorWithTheMessage() throws Exception {
        var service = query("SELECT * WHERE { SERVICE <http://①②⑦.0.0.1/> { ?s ?p ?o } }");
        assertTrue(service.statusCode() == 400 || service.statusCode() == 403, service.statusCode() + " " + service.body());
        assertTrue(service.body().contains("①②⑦"), service.body());
        assertFalse(service.body().contains("at org."), "no stack trace: " + service.body());
        var graph = get("/chipgraph/get?graph=" + enc("http://ä.example/x"));
        assertTrue(graph.statusCode() == 400 || graph.statusCode() == 404, graph.statusCode() + " " + graph.body());
        assertTrue(graph.body().contains("ä.example"), graph.body());
        var posted = postForm("/chipgraph/sparql", "query=" + enc("SELECT * WHERE { SERVICE <http://例え.テスト/> { ?s ?p ?o } }"));
        assertEquals(403, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("例え.テスト"), posted.body());
    }

    @Test
    void javaFunctionIrisAreRefusedBeforeTheQueryRuns() throws Exception {
        for (String q : List.of(
                "SELECT (<java:org.apache.jena.sparql.function.library.sqrt>(16) AS ?r) {}",
                "SELECT * { ?s <java:java.lang.ProcessBuilder> ?o }",
                "PREFIX j: <java:java.lang.> SELECT * { BIND(j:ProcessBuilder(1) AS ?x) }",
                "SELECT * { ?s ?p ?o FILTER NOT EXISTS { ?s <java:a.B>/<urn:p> ?o } } LIMIT 1",
                "SELECT ?s { ?s ?p ?o } ORDER BY <JAVA:org.apache.jena.sparql.function.library.sqrt>(1) LIMIT 1",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?s HAVING (<java:a.B>(?n)) LIMIT 1",
                "SELECT ?g { ?s ?p ?o } GROUP BY (<java:a.B>(?s) AS ?g) LIMIT 1",
                "SELECT (SUM(<java:a.B>(?o)) AS ?n) { ?s ?p ?o }")) {
            var r = query(q);
            assertEquals(400, r.statusCode(), q + " -> " + r.body());
            assertTrue(r.body().contains("'java:' are not allowed"), r.body());
        }
        var sqrt = query("SELECT (<http://www.w3.org/2005/xpath-functions/math#sqrt>(16) AS ?r) {}");
        assertEquals(200, sqrt.statusCode(), "other functions still work: " + sqrt.body());
    }

    @Test
    void chipgraphFunctionsWithAnUnboundArgumentAre400() throws Exception {
        String cgf = "PREFIX cgf: <https://w3id.org/chipgraph/function#> ";
        for (String q : List.of(cgf + "SELECT * { ?x cgf:failsWithout ?y }", cgf + "SELECT * { ?x cgf:losesSomeWithout ?y }",
                cgf + "SELECT * { ?m cgf:inForceOn ?d }", cgf + "SELECT * { ?m cgf:inForceOn \"yesterday\" }")) {
            var r = query(q);
            assertEquals(400, r.statusCode(), q + " -> " + r.body());
        }
    }

    @Test
    void impactDeduplicatesAndCapsRemovedEntities() throws Exception {
        var one = get("/api/impact?remove=tsmc");
        assertEquals(200, one.statusCode(), one.body());
        var repeated = get("/api/impact?" + "remove=tsmc&".repeat(1000));
        assertEquals(200, repeated.statusCode(), repeated.body());
        assertEquals(one.body(), repeated.body(), "the same entity a thousand times is removed once");
        StringBuilder many = new StringBuilder("/api/impact?");
        for (int k = 0; k <= DependencyReportRoute.MAX_REMOVED; k++)
            many.append("remove=entity-").append(k).append('&');
        var tooMany = get(many.toString());
        assertEquals(400, tooMany.statusCode(), tooMany.body());
        assertTrue(tooMany.body().contains("At most 50"), tooMany.body());
    }

    @Test
    void typedParametersThatDoNotParseAre400NamingParameterAndType() throws Exception {
        for (String v : List.of("not-a-date", "2025-13-45", "2025", "2025-02-30")) {
            var r = get("/api/queries/r3-licence-status?asOf=" + enc(v));
            assertEquals(400, r.statusCode(), v + " -> " + r.body());
            assertTrue(r.body().contains("'asOf'") && r.body().contains("a date YYYY-MM-DD"), r.body());
            var page = get("/queries/r3-licence-status?asOf=" + enc(v));
            assertEquals(400, page.statusCode(), v);
        }
        assertEquals(200, get("/api/queries/r3-licence-status?asOf=2023-01-01").statusCode());
    }

    // ---------------------------------------------------------------- the corpus file

    static final Path CORPUS = TestGraph.PROJECT.resolve("src/test/resources/hostile/access.tsv");

    /** Each request of access.tsv, one after another: its status is one of those listed, and no listener is reached. */
    @Test
    void theAccessCorpusAnswersAsListed() throws Exception {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#"))
                continue;
            String[] f = line.split("\t", -1);
            assertEquals(6, f.length, "six tab-separated fields: " + line);
            String target = expand(f[2]);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + target)).timeout(Duration.ofSeconds(30));
            if (!f[3].equals("-"))
                b.header("Content-Type", f[3]);
            b.method(f[1], f[4].equals("-") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body(expand(f[4]))));
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            n++;
            if (!List.of(f[5].split(",")).contains(Integer.toString(r.statusCode())))
                failures.add(f[0] + ": " + r.statusCode() + " (expected " + f[5] + ") " + r.body().lines().findFirst().orElse(""));
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html") && (r.body().contains(SCRIPT) || r.body().contains(IMG)))
                failures.add(f[0] + ": reflects markup into HTML");
        }
        assertEquals(List.of(), failures);
        assertTrue(n >= 40, n + " requests");
        assertEquals(0, listener.connections(), "the loopback listener saw a connection");
    }

    private static String expand(String s) {
        return s.replace("{{listener}}", listener.url()).replace("{{port}}", Integer.toString(server.port()));
    }

    /** Body text: \n, \t, \\ escapes, and {{repeat N TEXT}}. */
    private static String body(String s) {
        var m = Pattern.compile("\\{\\{repeat (\\d+) (.*?)\\}\\}").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find())
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        m.appendTail(out);
        return out.toString().replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }

    @Test
    void loggedQueryTextIsCut() {
        String longText = "x".repeat(10_000);
        String text = "SELECT * {\n BIND(\"" + longText + "\" AS ?x) }";
        String line = RequestLogFilter.cut(text);
        assertTrue(line.length() < RequestLogFilter.MAX_LOGGED + 100, "length " + line.length());
        assertTrue(line.endsWith("(" + (text.length() - RequestLogFilter.MAX_LOGGED) + " more characters not logged)"),
                line.substring(line.length() - 60));
        assertFalse(line.contains("\n"));
        assertEquals("SELECT * { ?s ?p ?o }", RequestLogFilter.cut("SELECT * {\n  ?s ?p ?o }"));
    }
}
