package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/** The server over HTTP on a free port, spoken to by Jena's client, RDF4J's client and plain HTTP. */
class ServerTest {
    static FusekiServer server;
    static String base;
    static long triplesBefore;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String NVIDIA_LABELS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE { <https://w3id.org/chipgraph/id/nvidia> rdfs:label ?label } ORDER BY ?label
            """;

    @BeforeAll
    static void start() {
        var dsg = TestGraph.dataset();
        // The union default graph holds each distinct triple once, however many graphs state it.
        triplesBefore = Txn.calculateRead(dsg, () -> dsg.stream().map(q -> q.asTriple()).distinct().count());
        server = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static long count() {
        try (var qe = QueryExecHTTP.service(base + "/chipgraph/sparql").query(COUNT).build()) {
            return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    @Test
    void jenaClientSeesAssertedAndInferredTriplesThroughTheUnionDefaultGraph() {
        assertEquals(triplesBefore, count(), "the default graph is the union of every named graph");
        String ask = "ASK { <https://w3id.org/chipgraph/id/deepseek> <https://w3id.org/chipgraph/ontology#dependsOn> <https://w3id.org/chipgraph/id/tsmc> }";
        try (var qe = QueryExecHTTP.service(base + "/chipgraph/sparql").query(ask).build()) {
            assertTrue(qe.ask(), "an inferred dependency answers in the default graph");
        }
    }

    @Test
    void rdf4jClientSpeaksTheSameProtocol() {
        SPARQLRepository repo = new SPARQLRepository(base + "/chipgraph/sparql");
        try (RepositoryConnection conn = repo.getConnection();
             TupleQueryResult res = conn.prepareTupleQuery(NVIDIA_LABELS).evaluate()) {
            List<String> labels = res.stream().map(b -> b.getValue("label").stringValue()).toList();
            assertTrue(labels.contains("Nvidia"), labels.toString());
            assertTrue(labels.contains("엔비디아"), labels.toString());
        } finally {
            repo.shutDown();
        }
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void updatesAndWritesAreRefusedFromLoopbackAndChangeNothing() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        int[] statuses = {
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/update")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + java.net.URLEncoder.encode(update, "UTF-8")))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/get?default")).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> ."))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/get?default")).header("Content-Type", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> ."))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/get?default")).DELETE()).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/$/datasets?dbName=x&dbType=mem"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/$/datasets/chipgraph")).DELETE()).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/$/backup/chipgraph")).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
            send(HttpRequest.newBuilder(URI.create(base + "/$/compact/chipgraph")).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
        };
        for (int s : statuses)
            assertTrue(s == 401 || s == 403 || s == 405, "a write got status " + s + "; all statuses: " + java.util.Arrays.toString(statuses));
        assertEquals(triplesBefore, count(), "the data is unchanged");
    }

    @Test
    void queryByGetAndPostAndGraphStoreRead() throws Exception {
        var get = send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql?query=" + java.net.URLEncoder.encode(NVIDIA_LABELS, "UTF-8")))
                .header("Accept", "application/sparql-results+json"));
        assertEquals(200, get.statusCode());
        assertTrue(get.body().contains("\"Nvidia\""), get.body());
        var post = send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(NVIDIA_LABELS)));
        assertEquals(200, post.statusCode());
        assertTrue(post.body().contains("엔비디아"), post.body());
        var graph = send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/get?graph=" + java.net.URLEncoder.encode("https://w3id.org/chipgraph/graph/ontology", "UTF-8")))
                .header("Accept", "text/turtle"));
        assertEquals(200, graph.statusCode());
        assertTrue(graph.body().contains("owl:Ontology") || graph.body().contains("Ontology"), "the ontology graph is readable");
    }

    @Test
    void uiPingAndServerDescriptionAnswer() throws Exception {
        var ui = send(HttpRequest.newBuilder(URI.create(base + "/ui/")));
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the Fuseki UI page");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/$/ping"))).statusCode());
        var server = send(HttpRequest.newBuilder(URI.create(base + "/$/server")));
        assertEquals(200, server.statusCode());
        assertTrue(server.body().contains("/chipgraph"), "the UI finds the dataset: " + server.body());
    }

    @Test
    void aBadQueryIsA400WithTheParserMessage() throws Exception {
        var r = send(HttpRequest.newBuilder(URI.create(base + "/chipgraph/sparql?query=" + java.net.URLEncoder.encode("SELECT * WHERE { ?s ", "UTF-8"))));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") || r.body().toLowerCase().contains("encountered"), r.body());
    }

    @Test
    void ontologyPageForBrowsersAndRdfForRdfClients() throws Exception {
        var html = send(HttpRequest.newBuilder(URI.create(base + "/ontology")).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = html.body();
        for (String term : List.of("id=\"dependsOn\"", "id=\"Foundry\"", "id=\"tpp\"", "transitive", "lang=\"ko\""))
            assertTrue(page.contains(term), "the ontology page lacks " + term);

        var ttl = send(HttpRequest.newBuilder(URI.create(base + "/ontology")).header("Accept", "text/turtle"));
        assertEquals(200, ttl.statusCode());
        var g = org.apache.jena.riot.RDFParser.fromString(ttl.body(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/chipgraph/ontology"),
                org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.OWL2.Ontology.asNode()));

        var jsonld = send(HttpRequest.newBuilder(URI.create(base + "/ontology")).header("Accept", "application/ld+json"));
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/ontology.ttl"))).statusCode());
        assertEquals(406, send(HttpRequest.newBuilder(URI.create(base + "/ontology")).header("Accept", "image/png")).statusCode());
    }

    @Test
    void dependencyApiAnswersJsonByDefaultAndCsvOnRequest() throws Exception {
        var explain = send(HttpRequest.newBuilder(URI.create(base + "/api/explain?from=DeepSeek&to=ASML")));
        assertEquals(200, explain.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parse(explain.body());
        assertTrue(json.get("dependsOn").getAsBoolean().value());
        assertFalse(json.get("chains").getAsArray().isEmpty());

        var csv = send(HttpRequest.newBuilder(URI.create(base + "/api/explain?from=deepseek&to=" + java.net.URLEncoder.encode("https://w3id.org/chipgraph/id/asml", "UTF-8")))
                .header("Accept", "text/csv"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("chain,step,from,property,to,sources"), csv.body());
        assertTrue(csv.body().contains("DeepSeek,uses chip,Nvidia H800,DeepSeek-V3 Technical Report"), csv.body());

        var impact = send(HttpRequest.newBuilder(URI.create(base + "/api/impact?remove=TSMC")));
        assertEquals(200, impact.statusCode());
        var every = org.apache.jena.atlas.json.JSON.parse(impact.body()).get("losesEveryPath").getAsArray();
        assertTrue(every.stream().anyMatch(v -> v.getAsObject().get("label").getAsString().value().equals("Nvidia")), impact.body());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/impact?remove=TSMC&asOf=2023-01-01"))).statusCode());
        var chokepoints = send(HttpRequest.newBuilder(URI.create(base + "/api/chokepoints?top=3")).header("Accept", "text/csv"));
        assertEquals(200, chokepoints.statusCode());
        assertTrue(chokepoints.body().startsWith("entity,iri,wouldFail,wouldLoseSome\r\nTSMC,"), chokepoints.body());
    }

    @Test
    void dependencyApiSaysWhatIsWrongWithAnArgument() throws Exception {
        var unknown = send(HttpRequest.newBuilder(URI.create(base + "/api/explain?from=Nobody&to=ASML")));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("No entity named 'Nobody'"), unknown.body());
        var missing = send(HttpRequest.newBuilder(URI.create(base + "/api/explain?from=DeepSeek")));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("Missing parameter 'to'"), missing.body());
        var badDate = send(HttpRequest.newBuilder(URI.create(base + "/api/impact?remove=TSMC&asOf=June")));
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("asOf must be a date"), badDate.body());
    }
}
