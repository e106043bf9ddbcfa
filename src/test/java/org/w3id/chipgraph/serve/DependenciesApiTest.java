package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.query.QueryRunner;

/** /api/dependencies and /api/dependents answer as the materialized cg:dependsOn does. */
class DependenciesApiTest {
    static FusekiServer server;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static long sparqlCount(String pattern) {
        var rs = QueryRunner.select(TestGraph.dataset(), QueryFactory.create(Chipgraph.PREFIXES
                + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { " + pattern + " }"), Map.of());
        return ((Number) rs.next().get("n").getLiteralValue()).longValue();
    }

    @Test
    void whoDependsOnTsmcAndWhatDeepSeekDependsOn() throws Exception {
        JsonObject r = JSON.parse(get("/api/dependents?of=tsmc", "application/json").body());
        assertEquals(Chipgraph.ID + "tsmc", r.get("entity").getAsString().value());
        assertEquals(sparqlCount("?x cg:dependsOn id:tsmc"), r.get("count").getAsNumber().value().longValue());
        JsonObject d = JSON.parse(get("/api/dependencies?of=" + URLEncoder.encode("DeepSeek", StandardCharsets.UTF_8) + "&limit=2",
                "application/json").body());
        assertEquals(sparqlCount("id:deepseek cg:dependsOn ?x"), d.get("count").getAsNumber().value().longValue());
        assertEquals(2, d.get("answers").getAsArray().size(), "the first 'limit' answers");
    }

    @Test
    void whoReliesOnNvidiaAgreesWithItsEntityPage() throws Exception {
        JsonObject r = JSON.parse(get("/api/dependents?of=nvidia&limit=1000", "application/json").body());
        Set<String> api = new TreeSet<>();
        r.get("answers").getAsArray().forEach(v -> api.add(v.getAsString().value()));
        assertEquals(sparqlCount("?x cg:dependsOn id:nvidia"), api.size());
        // Users of Nvidia chips (DeepSeek: H800; ByteDance, Alibaba: H20) rely on Nvidia (issue 13).
        for (String who : List.of("deepseek", "bytedance", "alibaba", "h200", "h800"))
            assertTrue(api.contains(Chipgraph.ID + who), who + " missing from " + api);
        String page = get("/id/nvidia", "text/html").body();
        int from = page.indexOf("id=\"depended-on-by\"");
        assertTrue(from > 0, "the page has a 'Depended on by' list");
        String section = page.substring(from, page.indexOf("</div>", from));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("href=\"/id/([^\"#?]+)\"").matcher(section);
        while (m.find())
            listed.add(Chipgraph.ID + m.group(1));
        assertEquals(api, listed, "/api/dependents?of=nvidia and Nvidia's page list the same dependents");
    }

    @Test
    void csvGivesOneIriARowAndTheCountInAHeader() throws Exception {
        HttpResponse<String> r = get("/api/dependents?of=id:asml&limit=3", "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("iri,label\r\n"), r.body());
        assertEquals(4, r.body().split("\r\n").length);
        assertEquals(Long.toString(sparqlCount("?x cg:dependsOn id:asml")), r.headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void answersCarryTheirLabels() throws Exception {
        HttpResponse<String> r = get("/api/dependencies?of=id:h200", "application/json");
        assertEquals(200, r.statusCode());
        JsonObject o = JSON.parse(r.body());
        assertEquals("Nvidia H200", o.getString("entityLabel"));
        Map<String, String> labels = new HashMap<>();
        o.get("labelled").getAsArray().forEach(v -> labels.put(v.getAsObject().getString("iri"), v.getAsObject().getString("label")));
        assertEquals("TSMC", labels.get(Chipgraph.ID + "tsmc"), r.body());
        assertEquals("Nvidia", labels.get(Chipgraph.ID + "nvidia"), r.body());
        assertEquals(o.get("answers").getAsArray().size(), labels.size());
        HttpResponse<String> csv = get("/api/dependencies?of=id:h200", "text/csv");
        // RFC 4180 through Commons CSV: a field is quoted only when it must be.
        assertTrue(csv.body().contains(Chipgraph.ID + "tsmc,TSMC\r\n"), csv.body());
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        assertEquals(404, get("/api/dependents?of=" + URLEncoder.encode("No Such Company", StandardCharsets.UTF_8), "application/json").statusCode());
        assertEquals(400, get("/api/dependents", "application/json").statusCode());
        assertEquals(400, get("/api/dependents?of=tsmc&limit=-1", "application/json").statusCode());
    }
}
