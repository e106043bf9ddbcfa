package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/** The server over HTTP on a free port, spoken to by Jena's client, RDF4J's client and plain HTTP. */
class ServerTest {
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::dataset);
    static long triplesBefore;
    static final HttpClient http = TestServer.HTTP;

    static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    static final String NVIDIA_LABELS = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label WHERE { <https://w3id.org/chipgraph/id/nvidia> rdfs:label ?label } ORDER BY ?label
            """;

    @BeforeAll
    static void countTriples() {
        var dsg = TestGraph.dataset();
        // The union default graph holds each distinct triple once, however many graphs state it.
        triplesBefore = Txn.calculateRead(dsg, () -> dsg.stream().map(q -> q.asTriple()).distinct().count());
    }

    static long count() {
        try (var qe = QueryExecHTTP.service(server.base() + "/chipgraph/sparql").query(COUNT).build()) {
            return ((Number) qe.select().next().get("n").getLiteralValue()).longValue();
        }
    }

    @Test
    void jenaClientSeesAssertedAndInferredTriplesThroughTheUnionDefaultGraph() {
        assertEquals(triplesBefore, count(), "the default graph is the union of every named graph");
        String ask = "ASK { <https://w3id.org/chipgraph/id/deepseek> <https://w3id.org/chipgraph/ontology#dependsOn> <https://w3id.org/chipgraph/id/tsmc> }";
        try (var qe = QueryExecHTTP.service(server.base() + "/chipgraph/sparql").query(ask).build()) {
            assertTrue(qe.ask(), "an inferred dependency answers in the default graph");
        }
    }

    @Test
    void rdf4jClientSpeaksTheSameProtocol() {
        SPARQLRepository repo = new SPARQLRepository(server.base() + "/chipgraph/sparql");
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
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/update")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("update=" + java.net.URLEncoder.encode(update, "UTF-8")))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get?default")).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> ."))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get?default")).header("Content-Type", "text/turtle")
                    .POST(HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> ."))).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get?default")).DELETE()).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/$/datasets?dbName=x&dbType=mem"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/$/datasets/chipgraph")).DELETE()).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/$/backup/chipgraph")).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
            send(HttpRequest.newBuilder(URI.create(server.base() + "/$/compact/chipgraph")).POST(HttpRequest.BodyPublishers.noBody())).statusCode(),
        };
        for (int s : statuses)
            assertTrue(s == 401 || s == 403 || s == 405, "a write got status " + s + "; all statuses: " + java.util.Arrays.toString(statuses));
        assertEquals(triplesBefore, count(), "the data is unchanged");
    }

    @Test
    void queryByGetAndPostAndGraphStoreRead() throws Exception {
        var get = send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql?query=" + java.net.URLEncoder.encode(NVIDIA_LABELS, "UTF-8")))
                .header("Accept", "application/sparql-results+json"));
        assertEquals(200, get.statusCode());
        assertTrue(get.body().contains("\"Nvidia\""), get.body());
        var post = send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(NVIDIA_LABELS)));
        assertEquals(200, post.statusCode());
        assertTrue(post.body().contains("엔비디아"), post.body());
        var graph = send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get?graph=" + java.net.URLEncoder.encode("https://w3id.org/chipgraph/graph/ontology", "UTF-8")))
                .header("Accept", "text/turtle"));
        assertEquals(200, graph.statusCode());
        assertTrue(graph.body().contains("owl:Ontology") || graph.body().contains("Ontology"), "the ontology graph is readable");
    }

    @Test
    void uiPingAndServerDescriptionAnswer() throws Exception {
        var ui = send(HttpRequest.newBuilder(URI.create(server.base() + "/ui/")));
        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().toLowerCase().contains("<html"), "the Fuseki UI page");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.base() + "/$/ping"))).statusCode());
        var status = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/server")));
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("/chipgraph"), "the UI finds the dataset: " + status.body());
    }

    @Test
    void aBadQueryIsA400WithTheParserMessage() throws Exception {
        var r = send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql?query=" + java.net.URLEncoder.encode("SELECT * WHERE { ?s ", "UTF-8"))));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Parse error") || r.body().toLowerCase().contains("encountered"), r.body());
    }

    @Test
    void ontologyPageForBrowsersAndRdfForRdfClients() throws Exception {
        var html = send(HttpRequest.newBuilder(URI.create(server.base() + "/ontology")).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = html.body();
        for (String term : List.of("id=\"dependsOn\"", "id=\"Foundry\"", "id=\"tpp\"", "transitive", "lang=\"ko\""))
            assertTrue(page.contains(term), "the ontology page lacks " + term);

        var ttl = send(HttpRequest.newBuilder(URI.create(server.base() + "/ontology")).header("Accept", "text/turtle"));
        assertEquals(200, ttl.statusCode());
        var g = org.apache.jena.riot.RDFParser.fromString(ttl.body(), org.apache.jena.riot.Lang.TURTLE).toGraph();
        assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI("https://w3id.org/chipgraph/ontology"),
                org.apache.jena.vocabulary.RDF.type.asNode(), org.apache.jena.vocabulary.OWL2.Ontology.asNode()));

        var jsonld = send(HttpRequest.newBuilder(URI.create(server.base() + "/ontology")).header("Accept", "application/ld+json"));
        assertEquals(200, jsonld.statusCode());
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.base() + "/ontology.ttl"))).statusCode());
        assertEquals(406, send(HttpRequest.newBuilder(URI.create(server.base() + "/ontology")).header("Accept", "image/png")).statusCode());
    }

    @Test
    void dependencyApiAnswersJsonByDefaultAndCsvOnRequest() throws Exception {
        var explain = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/explain?from=DeepSeek&to=ASML")));
        assertEquals(200, explain.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parse(explain.body());
        assertTrue(json.get("dependsOn").getAsBoolean().value());
        assertFalse(json.get("chains").getAsArray().isEmpty());

        var csv = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/explain?from=deepseek&to=" + java.net.URLEncoder.encode("https://w3id.org/chipgraph/id/asml", "UTF-8")))
                .header("Accept", "text/csv"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("chain,step,from,property,to,sources"), csv.body());
        assertTrue(csv.body().contains("DeepSeek,uses chip,Nvidia H800,DeepSeek-V3 Technical Report"), csv.body());

        var impact = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/impact?remove=TSMC")));
        assertEquals(200, impact.statusCode());
        var every = org.apache.jena.atlas.json.JSON.parse(impact.body()).get("losesEveryPath").getAsArray();
        assertTrue(every.stream().anyMatch(v -> v.getAsObject().get("label").getAsString().value().equals("Nvidia")), impact.body());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(server.base() + "/api/impact?remove=TSMC&asOf=2023-01-01"))).statusCode());
        var chokepoints = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/chokepoints?top=3")).header("Accept", "text/csv"));
        assertEquals(200, chokepoints.statusCode());
        assertTrue(chokepoints.body().startsWith("entity,iri,wouldFail,wouldLoseSome\r\nTSMC,"), chokepoints.body());
    }

    @Test
    void dependencyApiSaysWhatIsWrongWithAnArgument() throws Exception {
        var unknown = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/explain?from=Nobody&to=ASML")));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("No entity named 'Nobody'"), unknown.body());
        var missing = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/explain?from=DeepSeek")));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("Missing parameter 'to'"), missing.body());
        var badDate = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/impact?remove=TSMC&asOf=June")));
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("asOf must be a date"), badDate.body());
    }

    /** Every other way of writing over HTTP, each answered 4xx (from loopback), and the data unchanged. */
    @Test
    void everyOtherWritePathIsRefusedToo() throws Exception {
        String update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x> <urn:y> <urn:z> } }";
        String enc = java.net.URLEncoder.encode(update, "UTF-8");
        var turtle = HttpRequest.BodyPublishers.ofString("<urn:x> <urn:y> <urn:z> .");
        record Attempt(String what, HttpRequest.Builder request) {}
        List<Attempt> attempts = List.of(
                new Attempt("update as a GET parameter", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql?update=" + enc))),
                new Attempt("update to the graph store endpoint", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get"))
                        .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(update))),
                new Attempt("form with query and update", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=ASK%7B%7D&update=" + enc))),
                new Attempt("Turtle POSTed to the dataset", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph?graph=urn:x:g"))
                        .header("Content-Type", "text/turtle").POST(turtle)),
                new Attempt("Turtle PUT to the dataset", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph?graph=urn:x:g"))
                        .header("Content-Type", "text/turtle").PUT(turtle)),
                new Attempt("a named graph PUT", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get?graph=urn:x:g"))
                        .header("Content-Type", "text/turtle").PUT(turtle)),
                new Attempt("upload (multipart)", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=b")
                        .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.ttl\"\r\n\r\n<urn:x> <urn:y> <urn:z> .\r\n--b--\r\n"))),
                new Attempt("RDF Patch", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get"))
                        .header("Content-Type", "application/rdf-patch").method("PATCH", HttpRequest.BodyPublishers.ofString("A <urn:x> <urn:y> <urn:z> ."))),
                new Attempt("a query POSTed to the graph store endpoint", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/get"))
                        .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString("ASK {}"))),
                new Attempt("DELETE of the dataset", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph")).DELETE()),
                new Attempt("dataset creation from an assembler", HttpRequest.newBuilder(URI.create(server.base() + "/$/datasets"))
                        .header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString("<#s> a <http://jena.apache.org/fuseki#Service> ."))),
                new Attempt("dataset state change", HttpRequest.newBuilder(URI.create(server.base() + "/$/datasets/chipgraph?state=offline"))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                new Attempt("a task", HttpRequest.newBuilder(URI.create(server.base() + "/$/tasks")).POST(HttpRequest.BodyPublishers.noBody())),
                new Attempt("a sleep", HttpRequest.newBuilder(URI.create(server.base() + "/$/sleep")).POST(HttpRequest.BodyPublishers.noBody())),
                new Attempt("TRACE", HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql")).method("TRACE", HttpRequest.BodyPublishers.noBody())));
        for (Attempt a : attempts) {
            var r = send(a.request());
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 408,
                    a.what() + ": status " + r.statusCode() + " " + r.body());
        }
        assertEquals(triplesBefore, count(), "the data is unchanged");
        try (var qe = QueryExecHTTP.service(server.base() + "/chipgraph/sparql").query("ASK { { <urn:x> ?p ?o } UNION { GRAPH <urn:x:g> { ?s ?p ?o } } }").build()) {
            assertFalse(qe.ask(), "nothing was written anywhere");
        }
        var status = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/server")));
        assertTrue(status.body().contains("/chipgraph") && !status.body().contains("\"ds.name\" : \"/x\""), "no dataset was created");
    }

    @Test
    void theReloadTriggerDoesNotExistWithoutAPasswordFile() throws Exception {
        var r = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/reload"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(r.body().contains("--admin-password-file"), r.body());
    }

    @Test
    void healthMetricsAndStatisticsAnswer() throws Exception {
        count();   // at least one query in the counters
        var ping = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/ping")));
        assertEquals(200, ping.statusCode());
        assertFalse(ping.body().isBlank(), "ping answers with the time");
        var head = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/ping")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode(), "health checks often use HEAD");

        var metrics = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/metrics")));
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), metrics.headers().toString());
        String m = metrics.body();
        assertTrue(m.contains("# TYPE "), "Prometheus text format: " + m.substring(0, Math.min(300, m.length())));
        assertTrue(m.lines().anyMatch(l -> l.startsWith("fuseki_requests_good") && l.contains("/chipgraph")),
                "request counters per dataset: " + m.lines().filter(l -> l.startsWith("fuseki_")).limit(10).toList());
        assertTrue(m.contains("jvm_memory"), "JVM metrics");

        var stats = send(HttpRequest.newBuilder(URI.create(server.base() + "/$/stats")));
        assertEquals(200, stats.statusCode());
        var json = org.apache.jena.atlas.json.JSON.parse(stats.body());
        assertTrue(json.get("datasets").getAsObject().hasKey("/chipgraph"), stats.body());
    }

    /**
     * Fuseki's 5 MB response buffer is taken from a pool that keeps it (ResponseBuffers): after many
     * requests one after another the pool holds a few such buffers, not one per request, and no
     * request needed a buffer too large for the pool.
     */
    @Test
    void theOutputBufferIsPooledAndReused() throws Exception {
        ServerConnector connector = (ServerConnector) server.fuseki().getJettyServer().getConnectors()[0];
        int outputBuffer = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getOutputBufferSize();
        assertTrue(outputBuffer >= 1024 * 1024, "Fuseki's output buffer is large (" + outputBuffer + " bytes): the case this is for");
        ArrayByteBufferPool pool = assertInstanceOf(ArrayByteBufferPool.class, connector.getByteBufferPool());
        assertTrue(pool.getMaxCapacity() >= outputBuffer, "the pool keeps buffers of " + outputBuffer + " bytes");

        String query = "/chipgraph/sparql?query=" + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 5", StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++)
            for (String path : List.of("/$/ping", query, "/api/dependents?of=tsmc"))
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), path);
        // 120 requests, one at a time: the buffers were returned to the pool and taken again.
        long held = pool.getDirectMemory() + pool.getHeapMemory();
        assertTrue(held >= outputBuffer, "the pool holds an output buffer after the requests (" + held + " bytes)");
        assertTrue(held <= 8L * outputBuffer, "a few output buffers, not one per request (" + held + " bytes)");
    }
}
