package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestGraph;
import org.w3id.chipgraph.TestServer;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.serve.ResourceLimits;

/**
 * {@code /api/queries/NAME} answers under the same row cap and response size cap as
 * {@code /chipgraph/sparql}: a catalogue query with more rows than the cap gets the same first
 * rows and the same header there as the same text sent to the SPARQL endpoint, and an answer
 * past the response cap is not sent whole by either.
 */
class CatalogRowCapTest {
    static final long MAX_ROWS = 7;
    static final long MAX_RESPONSE = 4096;
    static final String ALL_LABELS = """
            #+ summary: Every English label, in order (more rows than the test server's row cap)
            #+ tags: test
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER(lang(?label) = "en") } ORDER BY ?s ?label
            """;
    static final String THREE_LABELS = ALL_LABELS.replace("ORDER BY ?s ?label", "ORDER BY ?s ?label LIMIT 3")
            .replace("Every English label", "The first three English labels");
    static final Map<String, String> QUERIES = Map.of("all-labels", ALL_LABELS, "three-labels", THREE_LABELS);

    @RegisterExtension
    static final TestServer rowCapped = TestServer.on(TestGraph::dataset).project(() -> TestServer.catalogueWith(QUERIES))
            .security(s -> s.withMaxRows(MAX_ROWS));
    @RegisterExtension
    static final TestServer sizeCapped = TestServer.on(TestGraph::dataset).project(() -> TestServer.catalogueWith(QUERIES))
            .security(s -> s.withLimits(new ResourceLimits(ResourceLimits.DEFAULT_MAX_BODY, MAX_RESPONSE, ResourceLimits.DEFAULT_MAX_STRING)));

    static HttpResponse<String> sparql(TestServer server, String query) throws Exception {
        return server.get("/chipgraph/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "text/csv");
    }

    /** The whole answer, straight from the dataset: what a server without the cap would send. */
    static long allRows() {
        var dsg = TestGraph.dataset();
        return Txn.calculateRead(dsg, () -> QueryRunner.select(dsg, QueryFactory.create(ALL_LABELS), Map.of()).size());
    }

    @Test
    void aCatalogueQueryPastTheRowCapIsCutAsTheSparqlEndpointCutsIt() throws Exception {
        assertTrue(allRows() > 10 * MAX_ROWS, "the answer has more rows than the cap: " + allRows());
        HttpResponse<String> endpoint = sparql(rowCapped, ALL_LABELS);
        HttpResponse<String> catalogue = rowCapped.get("/api/queries/all-labels", "text/csv");
        for (HttpResponse<String> r : List.of(endpoint, catalogue)) {
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(Long.toString(MAX_ROWS), r.headers().firstValue(QueryRunner.ROW_CAP_HEADER).orElse(null), r.uri() + " says it was capped");
            assertEquals(MAX_ROWS + 1, r.body().lines().count(), r.uri() + ": the header row and " + MAX_ROWS + " rows\n" + r.body());
        }
        assertEquals(endpoint.body(), catalogue.body(), "the same rows");
        // SPARQL JSON (the default): as many bindings.
        var json = JSON.parse(rowCapped.get("/api/queries/all-labels", null).body());
        assertEquals(MAX_ROWS, json.get("results").getAsObject().get("bindings").getAsArray().size());
    }

    @Test
    void aLimitWithinTheCapIsLeftAloneOnBoth() throws Exception {
        HttpResponse<String> endpoint = sparql(rowCapped, THREE_LABELS);
        HttpResponse<String> catalogue = rowCapped.get("/api/queries/three-labels", "text/csv");
        for (HttpResponse<String> r : List.of(endpoint, catalogue)) {
            assertTrue(r.headers().firstValue(QueryRunner.ROW_CAP_HEADER).isEmpty(), r.uri() + " was not capped");
            assertEquals(4, r.body().lines().count(), r.body());
        }
        assertEquals(endpoint.body(), catalogue.body());
    }

    /**
     * The same response cap (Jetty's, in front of every route) stops both: each closes the
     * connection before the end of the body, which no client can take for a complete answer.
     */
    @Test
    void anAnswerPastTheResponseCapIsNotSentWholeByEither() throws Exception {
        assertTrue(allRows() * 35 > MAX_RESPONSE, "the whole answer is larger than the cap");
        String endpoint = outcome(() -> sparql(sizeCapped, ALL_LABELS));
        String catalogue = outcome(() -> sizeCapped.get("/api/queries/all-labels", "text/csv"));
        assertEquals("cut", endpoint, "/chipgraph/sparql");
        assertEquals("cut", catalogue, "/api/queries");
        // Below the cap both answer whole.
        assertEquals("200", outcome(() -> sparql(sizeCapped, THREE_LABELS)));
        assertEquals("200", outcome(() -> sizeCapped.get("/api/queries/three-labels", "text/csv")));
    }

    interface Call { HttpResponse<String> send() throws Exception; }

    /** "cut" when the connection closed before the end of the body; the status when the body fits the cap; else "complete" and its size. */
    static String outcome(Call call) throws Exception {
        try {
            HttpResponse<String> r = call.send();
            return r.body().length() <= MAX_RESPONSE ? Integer.toString(r.statusCode()) : "complete " + r.statusCode() + ", " + r.body().length() + " chars";
        } catch (IOException e) {
            return "cut";
        }
    }
}
