package org.w3id.chipgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3id.chipgraph.serve.ChipgraphServer;
import org.w3id.chipgraph.serve.SecurityOptions;
import org.w3id.chipgraph.serve.ServerOptions;
import org.w3id.chipgraph.serve.ServicePolicy;

/**
 * The real server on a free loopback port for the tests of one class, started before its first
 * test and stopped after its last: {@code @RegisterExtension static final TestServer server =
 * TestServer.on(TestGraph::dataset).project(TestGraph.PROJECT);}. Query timeout 30 s; SERVICE
 * allowed to Wikidata only, or (with {@link #withWikidataFixture}) sent to a local stand-in.
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Supplier<DatasetGraph> data;
    private Supplier<Path> project = () -> Path.of(".");
    private UnaryOperator<SecurityOptions> security = s -> s;
    private UnaryOperator<ServicePolicy> wikidata;
    private WikidataFixture fixture;
    private FusekiServer server;

    private TestServer(Supplier<DatasetGraph> data) {
        this.data = data;
    }

    public static TestServer on(Supplier<DatasetGraph> data) {
        return new TestServer(data);
    }

    /** The directory whose queries/ the server offers (default: the working directory, as `serve` has). */
    public TestServer project(Path dir) {
        return project(() -> dir);
    }

    /** A project made when the server starts (e.g. a copy with extra queries). */
    public TestServer project(Supplier<Path> dir) {
        this.project = dir;
        return this;
    }

    /** Other limits than the defaults (row cap, response size...). */
    public TestServer security(UnaryOperator<SecurityOptions> change) {
        this.security = change;
        return this;
    }

    /** Wikidata's endpoint mapped to a {@link WikidataFixture} started with the server, the policy then changed by {@code change}. */
    public TestServer withWikidataFixture(UnaryOperator<ServicePolicy> change) {
        this.wikidata = change;
        return this;
    }

    /** A project directory (made now, under the system's temporary directory) with the real catalogue plus {@code extra} queries, name to text. */
    public static Path catalogueWith(Map<String, String> extra) {
        try {
            Path project = Files.createTempDirectory("chipgraph-test");
            Path queries = Files.createDirectories(project.resolve("queries"));
            try (var s = Files.list(TestGraph.PROJECT.resolve("queries"))) {
                for (Path q : s.filter(p -> p.toString().endsWith(".rq")).toList())
                    Files.copy(q, queries.resolve(q.getFileName()));
            }
            for (var e : extra.entrySet())
                Files.writeString(queries.resolve(e.getKey() + ".rq"), e.getValue());
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ServicePolicy policy = ServicePolicy.defaults();
        if (wikidata != null) {
            fixture = WikidataFixture.start();
            policy = wikidata.apply(ServicePolicy.of(Map.of(ServicePolicy.WIKIDATA, fixture.endpoint())));
        }
        server = ChipgraphServer.build(data.get(), new ServerOptions(0, Duration.ofSeconds(30), true, policy, project.get())
                .with(security.apply(SecurityOptions.defaults())));
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null)
            server.stop();
        if (fixture != null)
            fixture.close();
    }

    public FusekiServer fuseki() { return server; }

    public int port() { return server.getHttpPort(); }

    /** e.g. http://127.0.0.1:43210 */
    public String base() { return "http://127.0.0.1:" + port(); }

    public String sparql() { return base() + ServerOptions.DATASET + "/sparql"; }

    public WikidataFixture wikidata() { return fixture; }

    /** GET a path of this server, with an Accept header unless {@code accept} is null; 30 s at most. */
    public HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (accept != null)
            b.header("Accept", accept);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
