package org.w3id.chipgraph.web;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.ServerOptions;

/** Entity data is text: markup in a label or a fact reaches the page escaped, never as HTML. */
class EscapingTest {
    static final String TRIG = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX cg: <https://w3id.org/chipgraph/ontology#>
            GRAPH <https://w3id.org/chipgraph/graph/register> {
              <https://w3id.org/chipgraph/id/evil> rdfs:label "<script>alert('x')</script> & co"@en ;
                  rdfs:comment "<img src=x onerror=alert(1)>"@en ;
                  cg:condition "\\"><b>bold</b>" ;
                  cg:headquarteredIn <https://w3id.org/chipgraph/id/elsewhere> .
              <https://w3id.org/chipgraph/id/elsewhere> rdfs:label "</a><a href=javascript:alert(1)>x"@en .
            }""";

    @Test
    void markupFromTheGraphIsEscaped() throws Exception {
        DatasetGraph dsg = RDFParser.fromString(TRIG, Lang.TRIG).toDatasetGraph();
        FusekiServer server = ChipgraphServer.build(dsg, new ServerOptions(0, Duration.ofSeconds(10), true));
        server.start();
        try {
            String base = "http://localhost:" + server.getHttpPort();
            HttpClient http = HttpClient.newHttpClient();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/id/evil")).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), page);
            for (String raw : new String[] {"<script>alert", "<img src=x", "<b>bold</b>", "<a href=javascript"})
                assertFalse(page.contains(raw), "unescaped: " + raw);
            String results = http.send(HttpRequest.newBuilder(URI.create(base + "/search?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertFalse(results.contains("<script>alert"), results);
            assertTrue(results.contains("&lt;script&gt;"), "the query is shown escaped too");
        } finally {
            server.stop();
        }
    }
}
