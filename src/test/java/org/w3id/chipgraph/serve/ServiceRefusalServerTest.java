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

import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3id.chipgraph.TestServer;

/**
 * The public endpoint refuses SERVICE to anything but its configured endpoints, with a 403
 * naming the IRI and the rule, before anything is called: the server's transport is a
 * recorder (no HTTP at all) and the live loopback fixture counts the requests it receives.
 */
class ServiceRefusalServerTest {
    static final ServicePolicyTest.Recorder recorder = new ServicePolicyTest.Recorder();
    @RegisterExtension
    static final TestServer server = TestServer.on(TestGraph::dataset).withWikidataFixture(p -> p.withTransport(recorder));
    static final HttpClient http = TestServer.HTTP;

    static HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + "/chipgraph/sparql")).header("Content-Type", "application/sparql-query")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serviceToOtherEndpointsIsRefusedWith403BeforeAnyConnection() throws Exception {
        int fixtureBefore = server.wikidata().requests();
        List<String[]> cases = List.of(
                new String[] {"http://127.0.0.1:" + server.wikidata().port() + "/wd/sparql", "loopback address"},
                new String[] {server.base() + "/chipgraph/sparql", "loopback address"},
                new String[] {"http://localhost:" + server.port() + "/$/ping", "loopback host name"},
                new String[] {"http://[::1]:" + server.port() + "/chipgraph/sparql", "IPv6 loopback"},
                new String[] {"http://10.0.0.1/sparql", "private address (10.0.0.0/8)"},
                new String[] {"http://172.16.0.10/sparql", "private address (172.16.0.0/12)"},
                new String[] {"http://192.168.0.1/sparql", "private address (192.168.0.0/16)"},
                new String[] {"http://169.254.169.254/latest/meta-data/", "link-local address (169.254.0.0/16)"},
                new String[] {"http://[fe80::1]/sparql", "link-local address (fe80::/10)"},
                new String[] {"file:///etc/passwd", "scheme 'file:'"},
                new String[] {"gopher://example.org/", "scheme 'gopher:'"},
                new String[] {"https://dbpedia.org/sparql", "not an endpoint on this server's allow-list"});
        for (String[] c : cases) {
            String query = "SELECT * WHERE { SERVICE <" + c[0] + "> { ?s ?p ?o } } LIMIT 1";
            for (var r : List.of(get(query), post(query))) {
                assertEquals(403, r.statusCode(), c[0] + ": " + r.body());
                assertTrue(r.body().contains("SERVICE <" + c[0] + "> is refused"), r.body());
                assertTrue(r.body().contains(c[1]), c[0] + " should be refused for '" + c[1] + "': " + r.body());
            }
        }
        var variable = get("SELECT * WHERE { BIND(<http://10.0.0.1/> AS ?e) SERVICE ?e { ?s ?p ?o } }");
        assertEquals(403, variable.statusCode(), variable.body());
        assertTrue(variable.body().contains("constant IRI"), variable.body());
        var hidden = get("SELECT * WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE SILENT <http://192.168.1.1/> { ?s ?p ?o } } } LIMIT 1");
        assertEquals(403, hidden.statusCode(), hidden.body());

        assertEquals(List.of(), recorder.calls, "no refused SERVICE reached the transport");
        assertEquals(fixtureBefore, server.wikidata().requests(), "the loopback fixture received no request");
    }

    @Test
    void theConfiguredEndpointIsCalledAtItsMappedUrl() throws Exception {
        recorder.calls.clear();
        var r = get("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } } LIMIT 1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of(server.wikidata().endpoint()), recorder.calls);
        recorder.calls.clear();
    }
}
