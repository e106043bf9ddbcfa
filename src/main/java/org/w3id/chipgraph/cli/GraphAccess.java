package org.w3id.chipgraph.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.query.RemoteFailure;
import org.w3id.chipgraph.reason.DependencyFunctions;
import org.w3id.chipgraph.reason.DependencyReports;
import org.w3id.chipgraph.store.VersionedStore;

/**
 * Where a reading command gets its answers: the published store (--db), a server named with
 * --endpoint, or, when a running {@code serve} holds the store (TDB2 lets one process open it),
 * that server, found through the note it keeps beside the store ({@link ServerRecord}).
 */
final class GraphAccess implements AutoCloseable {
    private final DatasetGraph dsg;
    private final String endpoint;

    private GraphAccess(DatasetGraph dsg, String endpoint) {
        this.dsg = dsg;
        this.endpoint = endpoint;
    }

    static GraphAccess open(StoreOptions store, String endpoint) {
        if (endpoint != null)
            return new GraphAccess(null, endpoint);
        VersionedStore vs = store.store();
        try {
            return new GraphAccess(vs.openCurrent(), null);
        } catch (VersionedStore.StoreInUseException e) {
            ServerRecord server = serverHolding(vs.root(), e);
            System.err.println("store held by the server at " + server.base() + "; querying it");
            return new GraphAccess(null, server.endpoint());
        }
    }

    /** The live server noted beside the store, or an error saying what was found and what to do. */
    static ServerRecord serverHolding(Path root, RuntimeException inUse) {
        Path note = ServerRecord.fileIn(root);
        Optional<ServerRecord> found = ServerRecord.read(root);
        String held = "The store " + root + " is held by another process";
        String todo = ": stop that process, or query the server holding the store with --endpoint URL";
        if (found.isEmpty())
            throw new IllegalStateException(held + ", and no running server noted itself in " + note + todo, inUse);
        ServerRecord r = found.get();
        if (!r.processAlive())
            throw new IllegalStateException(held + "; " + note + " names the server at " + r.base() + " (pid " + r.pid()
                    + "), but that process has ended (a stale note, ignored)" + todo, inUse);
        if (!r.answers())
            throw new IllegalStateException(held + "; the server at " + r.base() + " (pid " + r.pid() + ", noted in " + note
                    + ") does not answer " + r.base() + "$/ping: is it still starting? Try again, or use --endpoint URL", inUse);
        return r;
    }

    /** The SPARQL endpoint answering, or null when the answers come from the local store. */
    String endpoint() { return endpoint; }

    RowSetRewindable select(Query q, Map<Var, Node> bindings) {
        if (endpoint == null)
            return QueryRunner.select(dsg, q, bindings);
        try {
            return QueryRunner.select(endpoint, q, bindings);
        } catch (RuntimeException e) {
            throw RemoteFailure.of("The query to", endpoint, e);
        }
    }

    Function<Query, RowSetRewindable> select() {
        return q -> select(q, Map.of());
    }

    /**
     * The dependency reports. On the local store with the dependency graph and chokepoint ranking
     * the loader wrote beside it (built through SPARQL only for a store written before them).
     */
    DependencyReports reports() {
        return dsg != null ? new DependencyReports(select(), DependencyFunctions.loadGraph(dsg)) : new DependencyReports(select());
    }

    @Override
    public void close() {
        if (dsg != null)
            TDBInternal.expel(dsg);
    }
}
