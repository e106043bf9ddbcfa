package org.w3id.chipgraph.serve;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * Watches the store's pointer and, when a load publishes a new version, opens it and swaps
 * it in. The previous version is released a little later, once requests on it are done.
 */
public final class StoreFollower implements AutoCloseable {
    private final VersionedStore store;
    private final FusekiServer server;
    private final ServerOptions options;
    private final PrintStream log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chipgraph-store-follower");
        t.setDaemon(true);
        return t;
    });
    private volatile String servedVersion;

    public StoreFollower(VersionedStore store, String servedVersion, FusekiServer server, ServerOptions options, PrintStream log) {
        this.store = store;
        this.servedVersion = servedVersion;
        this.server = server;
        this.options = options;
        this.log = log;
    }

    public void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::check, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public String servedVersion() { return servedVersion; }

    /** The poll: switch if a new version is published; a failure is logged and retried at the next poll. */
    public void check() {
        try {
            switchToPublished();
        } catch (RuntimeException e) {
            log.println("Could not switch to the new store version: " + e.getMessage());
        }
    }

    /**
     * Serve the published version now if it is not the one served (the poll and the HTTP reload
     * trigger both come here, one at a time). Returns whether it switched.
     */
    public synchronized boolean switchToPublished() {
        Optional<String> current = store.currentVersion();
        if (current.isEmpty() || current.get().equals(servedVersion))
            return false;
        DatasetGraph next = VersionedStore.open(store.locationOf(current.get()));
        DatasetGraph previous = server.getDataAccessPointRegistry().get(ServerOptions.DATASET).getDataService().getDataset();
        DataService retired = ChipgraphServer.swapDataset(server, next, options);
        servedVersion = current.get();
        log.println("Now serving store version " + servedVersion);
        // Give requests that started on the old version time to finish before releasing it.
        timer.schedule(() -> {
            if (retired != null)
                retired.goOffline();
            TDBInternal.expel(previous);
        }, options.queryTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
        return true;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
