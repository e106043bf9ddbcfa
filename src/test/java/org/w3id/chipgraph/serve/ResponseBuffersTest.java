package org.w3id.chipgraph.serve;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.chipgraph.TestGraph;

/**
 * Fuseki's 5 MB response buffer is taken from a pool that keeps it (ResponseBuffers): after many
 * requests one after another the pool holds a few such buffers, not one per request, and no
 * request needed a buffer too large for the pool.
 */
class ResponseBuffersTest {
    static FusekiServer server;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        server = ChipgraphServer.build(TestGraph.dataset(), new ServerOptions(0, Duration.ofSeconds(30), true));
        server.start();
        base = "http://localhost:" + server.getHttpPort();
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.stop();
    }

    static int get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void theOutputBufferIsPooledAndReused() throws Exception {
        ServerConnector connector = (ServerConnector) server.getJettyServer().getConnectors()[0];
        int outputBuffer = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().getOutputBufferSize();
        assertTrue(outputBuffer >= 1024 * 1024, "Fuseki's output buffer is large (" + outputBuffer + " bytes): the case this is for");
        ArrayByteBufferPool pool = assertInstanceOf(ArrayByteBufferPool.class, connector.getByteBufferPool());
        assertTrue(pool.getMaxCapacity() >= outputBuffer, "the pool keeps buffers of " + outputBuffer + " bytes");

        String query = "/chipgraph/sparql?query=" + URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 5", StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            assertEquals(200, get("/$/ping"));
            assertEquals(200, get(query));
            assertEquals(200, get("/api/dependents?of=tsmc"));
        }
        // 120 requests, one at a time: the buffers were returned to the pool and taken again.
        long held = pool.getDirectMemory() + pool.getHeapMemory();
        assertTrue(held >= outputBuffer, "the pool holds an output buffer after the requests (" + held + " bytes)");
        assertTrue(held <= 8L * outputBuffer, "a few output buffers, not one per request (" + held + " bytes)");
    }
}
