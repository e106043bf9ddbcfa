package org.w3id.chipgraph.serve;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Paths;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Embedded Fuseki serving one read-only dataset, {@code /chipgraph}: SPARQL query at
 * {@code /chipgraph/sparql} (and {@code /chipgraph/query}, {@code /chipgraph}), graph store
 * reads at {@code /chipgraph/get}, the Fuseki UI at {@code /}, and {@code /$/ping},
 * {@code /$/stats}, {@code /$/metrics}. No update endpoint exists, no admin write operation
 * is installed, and {@link ReadOnlyFilter} refuses every write in front of them all.
 * SPARQL SERVICE may call only the endpoints of the {@link ServicePolicy} in the options.
 */
public final class ChipgraphServer {
    private ChipgraphServer() {}

    public static FusekiServer build(DatasetGraph dsg, ServerOptions options) {
        FusekiServer.Builder b = FusekiServer.create()
                // No modules from the classpath: the admin module would install dataset creation,
                // backup and compaction, all writes. What the UI needs is added below, read-only.
                .fusekiModules(FusekiModules.create())
                .port(options.port())
                .loopback(options.loopbackOnly())
                .enablePing(true)
                .enableStats(true)
                .enableMetrics(true)
                .addFilter("/*", new ReadOnlyFilter())
                // SPARQL queries with SERVICE checked against the allow-list before they run.
                .registerOperation(Operation.Query, new GuardedQuery(options.services()))
                .add(ServerOptions.DATASET, dataService(dsg, options))
                // The Fuseki UI lists datasets from /$/server and checks syntax with /$/validate/*.
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/validate/query", new QueryValidator())
                .addServlet("/$/validate/iri", new IRIValidator())
                .addServlet("/$/validate/langtag", new LangTagValidator())
                .addServlet("/$/validate/data", new DataValidator())
                // The ontology's reference page and RDF, by content negotiation.
                .addServlet("/ontology", new OntologyServlet())
                .addServlet("/ontology.ttl", new OntologyServlet())
                // Dependency questions (explanations with sources, what-if, chokepoints).
                .addServlet("/api/explain", new DependencyApiServlet(DependencyApiServlet.Kind.EXPLAIN))
                .addServlet("/api/impact", new DependencyApiServlet(DependencyApiServlet.Kind.IMPACT))
                .addServlet("/api/chokepoints", new DependencyApiServlet(DependencyApiServlet.Kind.CHOKEPOINTS))
                // What X depends on / who depends on X: count and first answers, from the dependency index.
                .addServlet("/api/dependencies", new DependenciesServlet(DependenciesServlet.Direction.DEPENDENCIES))
                .addServlet("/api/dependents", new DependenciesServlet(DependenciesServlet.Direction.DEPENDENTS));
        String ui = uiLocation();
        if (ui != null)
            b.staticFileBase(ui);
        return b.build();
    }

    static DataService dataService(DatasetGraph dsg, ServerOptions options) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        // SERVICE calls: only the allowed endpoints, each sent to its mapped URL.
        options.services().install(dsg.getContext());
        return DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get")
                .build();
    }

    /**
     * Publish another store version: new requests go to it, requests under way finish on the
     * one they started with. Fuseki looks the dataset up once per request.
     */
    public static void swapDataset(FusekiServer server, DatasetGraph dsg, ServerOptions options) {
        DataAccessPointRegistry registry = server.getDataAccessPointRegistry();
        DataService service = dataService(dsg, options);
        service.setEndpointProcessors(server.getOperationRegistry());
        service.goActive();
        DataAccessPoint old = registry.get(ServerOptions.DATASET);
        registry.put(ServerOptions.DATASET, new DataAccessPoint(ServerOptions.DATASET, service));
        if (old != null)
            old.getDataService().goOffline();
    }

    /**
     * The Fuseki UI files (copied at build time from jena-fuseki-server's {@code webapp/}).
     * Inside the jar they are served from the jar; from a class directory (tests, IDEs) the
     * directory path is given, since Fuseki cannot serve a {@code file:} classpath URL.
     */
    static String uiLocation() {
        URL url = ChipgraphServer.class.getResource("/webapp/index.html");
        if (url == null)
            return null;
        String s = url.toString();
        if (s.startsWith("jar:"))
            return s.substring(0, s.length() - "index.html".length());
        try {
            return Paths.get(url.toURI()).getParent().toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
