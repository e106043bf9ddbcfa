package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/**
 * The pages and APIs of issue 6 over HTTP, on the project's own graph: entity pages and their
 * RDF by content negotiation, search, named queries with parameters, the neighbourhood the
 * picture draws (checked against SPARQL), the home page and the Fuseki UI under /ui/.
 */
class WebServerTest {
    static final String ID = "https://w3id.org/chipgraph/id/";
    /** The real catalogue, plus one query with parameters (the project's queries have none yet). */
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::dataset).project(() -> TestServer.catalogueWith(Map.of("test-designers", """
            #+ summary: Who designs a chip, if the chip's TPP is at least a threshold
            #+ tags: test
            #+ param: ?chip iri [id:h200]
            #+ param: ?minTpp decimal [0]
            PREFIX cg: <https://w3id.org/chipgraph/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?d ?designer WHERE {
              ?d cg:designerOf ?chip ; rdfs:label ?designer FILTER(lang(?designer) = "en")
              ?chip cg:tpp ?tpp FILTER(?tpp >= ?minTpp)
            }""")));
    static final HttpClient http = TestServer.HTTP;

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return server.get(path, accept);
    }

    static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    // ---------------------------------------------------------------- entity pages

    @Test
    void entityPageForBrowsers() throws Exception {
        var r = get("/id/nvidia", BROWSER);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = r.body();
        for (String s : List.of("<h1><span lang=\"en\">Nvidia</span></h1>", "<span lang=\"ko\">엔비디아</span>", "<span lang=\"zh\">英伟达</span>",
                "https://www.wikidata.org/wiki/Q182477", ">ETO P11<", "id=\"dependencies\"", "id=\"graph\"", "/assets/vendor/cytoscape.min.js",
                "href=\"/id/h200\"", "designer of", "Data on Machine Learning Hardware", "id=\"policies\"", "href=\"/ui/\"", "href=\"/ontology\"",
                "Through a chain (inferred)", "/api/explain?from="))
            assertTrue(page.contains(s), "the Nvidia page lacks " + s);
        // The timeline is in date order.
        String timeline = page.substring(page.indexOf("id=\"policies\""));
        int a = timeline.indexOf("2025-04-09"), b = timeline.indexOf("2025-12-08"), c = timeline.indexOf("2026-01-13");
        assertTrue(a > 0 && a < b && b < c, "policies by date");
    }

    @Test
    void entityPageShowsClaimsAndSourcesAndFactsByKind() throws Exception {
        String page = get("/id/cloudmatrix-384", BROWSER).body();
        assertTrue(page.contains("id=\"claims\""), "claims about the CloudMatrix 384");
        assertTrue(page.contains("said by"), page);
        String h200 = get("/id/h200", BROWSER).body();
        for (String s : List.of("<h3>Specifications</h3>", "<h3>Dates</h3>", "total processing performance", "15832",
                "class=\"source\"", "id=\"policies\""))
            assertTrue(h200.contains(s), "the H200 page lacks " + s);
        String source = get("/id/source/businesspost-2025-12-09", BROWSER).body();
        assertTrue(source.contains("Facts taken from this source"), "a source page lists its graphs");
    }

    @Test
    void entityDescriptionForRdfClients() throws Exception {
        var ttl = get("/id/nvidia", "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        Graph g = RDFParser.fromString(ttl.body(), Lang.TURTLE).toGraph();
        var nvidia = NodeFactory.createURI(ID + "nvidia");
        assertTrue(g.contains(nvidia, RDFS.label.asNode(), NodeFactory.createLiteralLang("엔비디아", "ko")));
        assertTrue(g.contains(nvidia, OWL2.sameAs.asNode(), NodeFactory.createURI("http://www.wikidata.org/entity/Q182477")));
        assertTrue(g.contains(NodeFactory.createURI(ID + "h200"), RDFS.label.asNode(), NodeFactory.createLiteralLang("Nvidia H200", "en")),
                "labels of linked nodes come along");
        assertFalse(g.find(null, null, nvidia).hasNext() && !g.find(nvidia, null, null).hasNext());

        assertEquals(200, get("/id/nvidia", null).statusCode(), "no Accept: Turtle");
        assertTrue(get("/id/nvidia", null).headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        var jsonld = get("/id/nvidia", "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertTrue(RDFParser.fromString(jsonld.body(), Lang.JSONLD).toGraph().contains(nvidia, RDFS.label.asNode(), null));
        var trig = get("/id/nvidia?format=trig", null);
        var ds = RDFParser.fromString(trig.body(), Lang.TRIG).toDatasetGraph();
        assertTrue(ds.contains(NodeFactory.createURI("https://w3id.org/chipgraph/graph/epoch-ai-ml-hardware"), nvidia,
                NodeFactory.createURI("https://w3id.org/chipgraph/ontology#designerOf"), NodeFactory.createURI(ID + "h200")),
                "TriG keeps each fact in the graph of its source");
        assertEquals(406, get("/id/nvidia", "image/png").statusCode());
        assertEquals(404, get("/id/no-such-thing", BROWSER).statusCode());
        assertEquals(404, get("/id/no-such-thing", "text/turtle").statusCode());
    }

    // ---------------------------------------------------------------- search

    @Test
    void searchApiInJsonAndCsv() throws Exception {
        for (String[] c : new String[][] {{"엔비디아", "nvidia"}, {"英伟达", "nvidia"}, {"Nvidia", "nvidia"}, {"H200", "h200"}, {"BIS", "bis"}, {"엔비", "nvidia"}}) {
            var r = get("/api/search?q=" + enc(c[0]), null);
            assertEquals(200, r.statusCode());
            JsonArray a = JSON.parseAny(r.body()).getAsArray();
            JsonObject first = a.get(0).getAsObject();
            assertEquals(ID + c[1], first.get("iri").getAsString().value(), c[0]);
            for (String k : List.of("label", "matched", "type"))
                assertTrue(first.hasKey(k), k);
        }
        var csv = get("/api/search?q=" + enc("台积电"), "text/csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("iri,label,matched,lang,match,type\r\n" + ID + "tsmc,TSMC,台积电,zh,exact,foundry"), csv.body());
        assertEquals(400, get("/api/search", null).statusCode());
        assertEquals(400, get("/api/search?q=x&limit=0", null).statusCode());
        var page = get("/search?q=" + enc("엔비디아"), BROWSER);
        assertTrue(page.body().contains("href=\"/id/nvidia\""), "the results page links the entity");
    }

    @Test
    void searchPropertyFunctionOverTheEndpoint() throws Exception {
        String q = "PREFIX cgf: <https://w3id.org/chipgraph/function#> SELECT ?e WHERE { ?e cgf:search \"英伟\" }";
        var r = get("/chipgraph/sparql?query=" + enc(q), "text/csv");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("e\r\n" + ID + "nvidia\r\n"), r.body());
    }

    // ---------------------------------------------------------------- named queries

    @Test
    void catalogueListsTheQueries() throws Exception {
        var r = get("/api/queries", null);
        assertEquals(200, r.statusCode());
        JsonArray a = JSON.parseAny(r.body()).getAsArray();
        JsonObject s1 = a.stream().map(JsonValue::getAsObject).filter(o -> o.get("name").getAsString().value().equals("s1-h200-approval"))
                .findFirst().orElseThrow();
        assertEquals("S1", s1.get("cq").getAsString().value());
        assertTrue(s1.get("tags").getAsArray().size() >= 1);
        JsonObject t = a.stream().map(JsonValue::getAsObject).filter(o -> o.get("name").getAsString().value().equals("test-designers"))
                .findFirst().orElseThrow();
        assertEquals("chip", t.get("params").getAsArray().get(0).getAsObject().get("name").getAsString().value());
        assertTrue(get("/api/queries", "text/csv").body().startsWith("name,summary,tags,cq,params\r\n"));
    }

    @Test
    void aNamedQueryRunsWithItsParametersBound() throws Exception {
        var s1 = get("/api/queries/s1-h200-approval", null);
        assertEquals(200, s1.statusCode());
        assertTrue(s1.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
        assertFalse(JSON.parse(s1.body()).get("results").getAsObject().get("bindings").getAsArray().isEmpty());
        var csv = get("/api/queries/s1-h200-approval", "text/csv");
        assertTrue(csv.body().startsWith("announcedBy,issuer,announcedOn,"), csv.body());

        assertEquals(Set.of("Nvidia"), designers("/api/queries/test-designers"), "the default ?chip is the H200");
        assertEquals(Set.of("AMD"), designers("/api/queries/test-designers?chip=mi300x"));
        assertEquals(Set.of("Huawei"), designers("/api/queries/test-designers?chip=" + enc("华为昇腾910C")), "an entity by its label");
        assertEquals(Set.of(), designers("/api/queries/test-designers?chip=h20&minTpp=5000"), "the H20's TPP is 2368");
    }

    static Set<String> designers(String path) throws Exception {
        var r = get(path, null);
        assertEquals(200, r.statusCode(), r.body());
        Set<String> out = new TreeSet<>();
        JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray()
                .forEach(b -> out.add(b.getAsObject().get("designer").getAsObject().get("value").getAsString().value()));
        return out;
    }

    @Test
    void badRequestsToNamedQueriesSayWhatIsWrong() throws Exception {
        var unknown = get("/api/queries/no-such-query", null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("No query 'no-such-query'"), unknown.body());
        var badDecimal = get("/api/queries/test-designers?minTpp=lots", null);
        assertEquals(400, badDecimal.statusCode());
        assertTrue(badDecimal.body().contains("minTpp"), badDecimal.body());
        var unknownParam = get("/api/queries/test-designers?colour=red", null);
        assertEquals(400, unknownParam.statusCode());
        assertTrue(unknownParam.body().contains("no parameter 'colour'"), unknownParam.body());
        // Text meant to break out of the query is a value (here: not a valid IRI), never query syntax.
        var injection = get("/api/queries/test-designers?chip=" + enc("id:h200> } ; DROP ALL ; #"), null);
        assertEquals(400, injection.statusCode(), injection.body());
        var nobody = get("/api/queries/test-designers?chip=" + enc("Nobody at all"), null);
        assertEquals(400, nobody.statusCode());
    }

    @Test
    void questionPagesAndHomePage() throws Exception {
        var home = get("/", BROWSER);
        assertEquals(200, home.statusCode());
        String h = home.body();
        for (String s : List.of("href=\"/queries/s1-h200-approval\"", "href=\"/ui/#/dataset/chipgraph/query?query=", "id=\"q\"",
                "href=\"/ui/\"", "href=\"/ontology\""))
            assertTrue(h.contains(s), "the home page lacks " + s);
        assertFalse(h.contains("href=\"/queries/federated-lei-agreement\""), "only the queries with a cq: header are examples");
        var page = get("/queries/r1-depends-on-tsmc", BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<td><span lang=\"en\">Nvidia</span></td>"), page.body());
        var form = get("/queries/test-designers?chip=mi300x", BROWSER);
        assertTrue(form.body().contains("<td><span lang=\"en\">AMD</span></td>") && form.body().contains("name=\"chip\""), form.body());
        assertTrue(form.body().contains("<a href=\"/id/amd\">AMD</a>"), "entities in answers link to their pages");
        assertEquals(400, get("/queries/test-designers?minTpp=lots", BROWSER).statusCode());
        assertEquals(404, get("/queries/nope", BROWSER).statusCode());
        assertTrue(get("/queries", BROWSER).body().contains("href=\"/queries/d1-oct-2022-eccns\""));
    }

    // ---------------------------------------------------------------- the picture's data

    @Test
    void neighbourhoodNodesAreWhatSparqlReachesAtTheSameDepth() throws Exception {
        for (String e : List.of("nvidia", "tsmc", "deepseek", "asml"))
            for (int depth = 1; depth <= 3; depth++) {
                JsonObject n = JSON.parse(get("/api/neighbourhood?entity=" + e + "&depth=" + depth, null).body());
                Set<String> nodes = new TreeSet<>();
                n.get("nodes").getAsArray().forEach(x -> nodes.add(x.getAsObject().get("id").getAsString().value()));
                assertEquals(NeighbourhoodSparql.nodes(server.base() + "/chipgraph/sparql", ID + e, depth), nodes, e + " at depth " + depth);
            }
    }

    @Test
    void neighbourhoodEdgesAreTypedAndToldApart() throws Exception {
        JsonObject n = JSON.parse(get("/api/neighbourhood?entity=" + enc("엔비디아") + "&depth=2", null).body());
        assertEquals(ID + "nvidia", n.get("entity").getAsString().value());
        boolean asserted = false, inferred = false;
        for (JsonValue v : n.get("edges").getAsArray()) {
            JsonObject e = v.getAsObject();
            boolean inf = e.get("inferred").getAsBoolean().value();
            asserted |= !inf;
            inferred |= inf;
            assertFalse(e.get("label").getAsString().value().isEmpty());
            if (e.get("label").getAsString().value().equals("designer of"))
                assertFalse(inf, "Nvidia designerOf is asserted by its sources");
        }
        assertTrue(asserted && inferred, "Nvidia's neighbourhood has both kinds of edge");
        var csv = get("/api/neighbourhood?entity=nvidia&depth=1", "text/csv");
        assertTrue(csv.body().startsWith("source,sourceLabel,property,propertyLabel,target,targetLabel,inferred\r\n"));
        assertEquals(400, get("/api/neighbourhood?entity=nvidia&depth=9", null).statusCode());
        assertEquals(400, get("/api/neighbourhood", null).statusCode());
        assertEquals(404, get("/api/neighbourhood?entity=Nobody", null).statusCode());
    }

    // ---------------------------------------------------------------- the Fuseki UI under /ui/

    @Test
    void fusekiUiLivesUnderUiAndItsCallsStillWork() throws Exception {
        var ui = get("/ui/", BROWSER);
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("Apache Jena Fuseki"), "the Fuseki UI's page");
        var noSlash = http.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, noSlash.statusCode());
        HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        // The UI asks relative to its own path; the answers come from /$/... and /chipgraph/...
        var srv = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/$/server")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, srv.statusCode());
        assertTrue(srv.body().contains("/chipgraph"));
        assertEquals(200, follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/$/ping")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // Fuseki's validators are not mounted: the query editor does not use them.
        var validate = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/$/validate/query?query=" + enc("SELECT * { ?s ?p ?o }")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, validate.statusCode(), validate.body());
        var query = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/chipgraph/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc("ASK { ?s ?p ?o }"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, query.statusCode());
        // A write sent through /ui/ is redirected to where the read-only filter refuses it.
        var update = follow.send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/chipgraph/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(update.statusCode() == 403 || update.statusCode() == 405, "status " + update.statusCode());
        assertEquals(200, get("/assets/vendor/cytoscape.min.js", null).statusCode());
        assertNotEquals(200, get("/assets/%2e%2e/webapp/index.html", null).statusCode(), "no way out of the assets folder");
        assertEquals(200, get("/ontology", BROWSER).statusCode());
        assertTrue(get("/ontology", BROWSER).body().contains("href=\"/ui/\""));
    }
}
