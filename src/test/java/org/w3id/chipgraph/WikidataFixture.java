package org.w3id.chipgraph;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A second, local Fuseki on a free loopback port serving src/test/resources/wikidata-fixture.ttl
 * at {@code /wd/sparql}: the stand-in for Wikidata's query service in tests. Counts the
 * requests it receives, so a test can show that a refused SERVICE never reached it.
 */
public final class WikidataFixture implements AutoCloseable {
    private final FusekiServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private WikidataFixture() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(TestGraph.PROJECT.resolve("src/test/resources/wikidata-fixture.ttl")).parse(dsg.getDefaultGraph());
        Filter counter = new Filter() {
            @Override
            public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
                requests.incrementAndGet();
                chain.doFilter(req, resp);
            }
        };
        server = FusekiServer.create()
                .fusekiModules(FusekiModules.create())
                .port(0)
                .loopback(true)
                .addFilter("/*", counter)
                .add("/wd", DataService.newBuilder(dsg).addEndpoint(Operation.Query, "sparql").build())
                .build();
    }

    public static WikidataFixture start() {
        WikidataFixture f = new WikidataFixture();
        f.server.start();
        return f;
    }

    /** The fixture's SPARQL endpoint, e.g. http://127.0.0.1:43210/wd/sparql. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getHttpPort() + "/wd/sparql";
    }

    public int port() { return server.getHttpPort(); }

    public int requests() { return requests.get(); }

    @Override
    public void close() {
        server.stop();
    }
}
