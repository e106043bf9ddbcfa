package org.w3id.chipgraph.cli;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * Where a reading command gets its answers: the published store (--db) or a running
 * server (--endpoint), as one function from a query to its rows.
 */
final class GraphAccess implements AutoCloseable {
    private final DatasetGraph dsg;
    private final String endpoint;

    private GraphAccess(DatasetGraph dsg, String endpoint) {
        this.dsg = dsg;
        this.endpoint = endpoint;
    }

    static GraphAccess open(StoreOptions store, String endpoint) {
        return endpoint != null ? new GraphAccess(null, endpoint) : new GraphAccess(store.store().openCurrent(), null);
    }

    Function<Query, RowSetRewindable> select() {
        return endpoint != null
                ? q -> QueryRunner.select(endpoint, q, Map.of())
                : q -> QueryRunner.select(dsg, q, Map.of());
    }

    @Override
    public void close() {
        if (dsg != null)
            TDBInternal.expel(dsg);
    }
}
