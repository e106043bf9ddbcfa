package org.w3id.chipgraph.serve;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.chipgraph.web.ChipgraphWeb;
import org.w3id.chipgraph.web.CurrentStore;
import org.w3id.chipgraph.web.StoreContext;

/**
 * Embedded Fuseki serving one read-only dataset, {@code /chipgraph}: SPARQL query at
 * {@code /chipgraph/sparql} (and {@code /chipgraph/query}, {@code /chipgraph}), graph store
 * reads at {@code /chipgraph/get}, the Fuseki UI at {@code /ui/}, our pages and APIs
 * ({@link ChipgraphWeb}, one Fuseki module), and {@code /$/ping},
 * {@code /$/stats}, {@code /$/metrics}. No update endpoint exists, no admin write operation
 * is installed, and {@link ReadOnlyFilter} refuses every write in front of them all.
 * SPARQL SERVICE may call only the endpoints of the {@link ServicePolicy} in the options.
 */
public final class ChipgraphServer {
    private static final Logger LOG = LoggerFactory.getLogger(ChipgraphServer.class);

    private ChipgraphServer() {}

    public static FusekiServer build(DatasetGraph dsg, ServerOptions options) {
        CurrentStore store = new CurrentStore(dsg);
        FusekiServer.Builder b = FusekiServer.create()
                // Only our module, none from the classpath: the admin module would install dataset creation,
                // backup and compaction, all writes. What the UI needs is added below, read-only.
                .fusekiModules(FusekiModules.create(new ChipgraphWeb(store, options.project(), options.security().maxRows())))
                .port(options.port())
                .loopback(options.loopbackOnly())
                .enablePing(true)
                .enableStats(true)
                .enableMetrics(true);
        // Security headers on every response, then one access line per request; then the UI's calls under /ui/ are redirected,
        // before the read-only filter looks at them.
        b.addFilter("/*", new SecurityHeadersFilter());
        b.addFilter("/*", new ErrorLengthFilter());
        b.addFilter("/*", new RequestLogFilter());
        b.addFilter("/ui/*", new UiPathFilter());
        b.addFilter("/*", new ReadOnlyFilter())
                // SPARQL queries with SERVICE checked against the allow-list, and rows capped, before they run.
                .registerOperation(Operation.Query, new GuardedQuery(options.services(), options.security().maxRows(),
                        options.security().limits().maxResponseBytes()))
                .add(ServerOptions.DATASET, dataService(dsg, options))
                // The Fuseki UI lists datasets from /$/server (and reads /$/ping, /$/stats). Fuseki's
                // /$/validate/* pages are not mounted: the UI never calls them, and the data validator
                // fetched remote JSON-LD contexts while the others echoed their input as HTML.
                .addServlet("/$/server", new ActionServerStatus());
        // The label index is built beside the server's start, not before it (start to ready at 100,000 edges: 4.6 -> 1.9 s):
        // SPARQL answers at once, and a search that comes early waits for the index.
        Thread.ofPlatform().daemon().name("chipgraph-label-index").start(() -> buildLabelIndex(store));
        // Serve the newly published version now (HTTP Basic; 404 unless a password file is given).
        b.addServlet(ReloadServlet.PATH, new ReloadServlet(options.security().admin()));
        if (options.security().https())
            b.https(options.security().httpsPort(), options.security().httpsConf().toString());
        FusekiServer server = b.build();
        server.getServletContext().setAttribute(CURRENT_STORE, store);
        ResponseBuffers.pool(server.getJettyServer());
        // Body, response and header sizes for every route; a capped ORDER BY keeps only its top rows.
        SizeLimits.install(server.getJettyServer(), options.security().limits());
        SizeLimits.topNUpTo(options.security().maxRows());
        DeadlineStrSplit.install();
        DeadlineDescribe.install();
        SecurityHeadersFilter.install(server.getJettyServer());
        return server;
    }

    private static final String CURRENT_STORE = CurrentStore.class.getName();

    private static void buildLabelIndex(CurrentStore store) {
        try {
            store.get().labels();
        } catch (RuntimeException e) {
            // Only a head start: e.g. the store closed before the index was done. The first search builds it, or says why.
            LOG.debug("Label index not built ahead: {}", e.toString());
        }
    }

    /** Let the reload trigger ({@link ReloadServlet}) switch this server through {@code follower}. */
    public static void attachFollower(FusekiServer server, StoreFollower follower) {
        server.getServletContext().setAttribute(ReloadServlet.FOLLOWER, follower);
    }

    static DataService dataService(DatasetGraph dsg, ServerOptions options) {
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        // SERVICE calls: only the allowed endpoints, each sent to its mapped URL.
        options.services().install(dsg.getContext());
        // The same settings in the endpoints' own context, which Fuseki applies after the dataset's:
        // two servers on one dataset (tests; --mem) each keep their own timeout and SERVICE policy.
        Context cxt = new Context();
        cxt.set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        options.services().install(cxt);
        // Regular expressions stop at the deadline; GROUP_CONCAT and string functions are capped.
        cxt.set(ARQConstants.sysOptimizerFactory, GuardedOptimizer.factory(options.security().limits().maxStringChars()));
        return DataService.newBuilder(dsg)
                .addEndpoint(endpoint(Operation.Query, "", cxt))
                .addEndpoint(endpoint(Operation.Query, "sparql", cxt))
                .addEndpoint(endpoint(Operation.Query, "query", cxt))
                .addEndpoint(endpoint(Operation.GSP_R, "get", cxt))
                .build();
    }

    private static Endpoint endpoint(Operation op, String name, Context cxt) {
        return Endpoint.create().operation(op).endpointName(name).context(cxt).build();
    }

    /**
     * Publish another store version: new requests go to it, requests under way finish on the
     * one they started with. Fuseki looks the dataset up once per request. The previous service
     * is returned still active: a request that looked it up a moment before the swap must still
     * find it so; the caller retires it ({@code goOffline}) once such requests are done.
     */
    public static DataService swapDataset(FusekiServer server, DatasetGraph dsg, ServerOptions options) {
        DataAccessPointRegistry registry = server.getDataAccessPointRegistry();
        DataService service = dataService(dsg, options);
        service.setEndpointProcessors(server.getOperationRegistry());
        service.goActive();
        // The pages' context of the new version (its label index built first), switched with the SPARQL endpoints.
        CurrentStore store = (CurrentStore) server.getServletContext().getAttribute(CURRENT_STORE);
        StoreContext next = new StoreContext(dsg);
        next.labels();
        DataAccessPoint old = registry.get(ServerOptions.DATASET);
        registry.put(ServerOptions.DATASET, new DataAccessPoint(ServerOptions.DATASET, service));
        store.switchTo(next);
        return old == null ? null : old.getDataService();
    }
}
