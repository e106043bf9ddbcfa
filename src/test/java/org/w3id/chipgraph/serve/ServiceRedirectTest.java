package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.LoopbackListener;
import org.w3id.chipgraph.TestGraph;

/**
 * Issue 12, item 3: an allowed SERVICE endpoint that answers with a redirect (301, 302, 303, 307,
 * 308) to another address does not take the server there. The endpoint is a loopback fixture
 * mapped with --service-map; the address it redirects to is a listener that must see no connection.
 */
class ServiceRedirectTest {
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aRedirectFromAnAllowedEndpointIsRefusedAndNotFollowed() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger status = new AtomicInteger();
        try (LoopbackListener target = new LoopbackListener()) {
            HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            redirector.createContext("/sparql", exchange -> {
                asked.incrementAndGet();
                exchange.getResponseHeaders().set("Location", target.url() + "/sparql?stolen=1");
                exchange.sendResponseHeaders(status.get(), -1);
                exchange.close();
            });
            redirector.start();
            String endpoint = "http://127.0.0.1:" + redirector.getAddress().getPort() + "/sparql";
            ServicePolicy policy = ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, endpoint));
            FusekiServer server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true, policy));
            server.start();
            try {
                String q = "SELECT * WHERE { SERVICE <" + ServicePolicy.WIKIDATA + "> { ?s ?p ?o } } LIMIT 1";
                for (int code : new int[] {301, 302, 303, 307, 308}) {
                    status.set(code);
                    var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getHttpPort()
                            + "/chipgraph/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    assertNotEquals(200, r.statusCode(), code + ": " + r.body());
                    assertTrue(r.body().contains("redirect"), code + ": " + r.body());
                }
                assertEquals(5, asked.get(), "the allowed endpoint was called each time");
                assertEquals(0, target.connections(), "the redirect target saw a connection");
            } finally {
                server.stop();
                redirector.stop(0);
            }
        }
    }
}
