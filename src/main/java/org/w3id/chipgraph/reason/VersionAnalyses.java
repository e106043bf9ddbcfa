package org.w3id.chipgraph.reason;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * The dependency reports of each served store version (its dependency graph and chokepoint
 * ranking), built once in the background when first asked for, and kept until the version is
 * dropped. The build is not bound by a request's time limit (at a million edges it takes longer
 * than the 30 s a query may): a request waits for it only until its own deadline and is then
 * told to come back, while the build carries on for the next one.
 */
public final class VersionAnalyses {
    private static final Map<DatasetGraph, CompletableFuture<DependencyReports>> BUILT = new WeakHashMap<>();

    private VersionAnalyses() {}

    /** The reports of {@code dsg}, waiting for their build no longer than the deadline. */
    public static DependencyReports of(DatasetGraph dsg, Deadline deadline) {
        CompletableFuture<DependencyReports> f = start(dsg);
        try {
            return deadline.limitMillis() > 0 ? f.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS) : f.get();
        } catch (TimeoutException e) {
            throw new Deadline.Exceeded("The dependency graph of this store version is still being built; ask again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the dependency graph was built", e);
        } catch (ExecutionException e) {
            synchronized (BUILT) {
                BUILT.remove(dsg);   // the next request tries again
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** Start building the reports of {@code dsg} (graph, then chokepoint ranking) unless under way. */
    public static CompletableFuture<DependencyReports> start(DatasetGraph dsg) {
        synchronized (BUILT) {
            return BUILT.computeIfAbsent(dsg, d -> {
                CompletableFuture<DependencyReports> f = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        DependencyReports r = new DependencyReports(q -> untimed(d, q));
                        f.complete(r);
                        r.ranking();   // computed once per version, served from memory after
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                }, "chipgraph-dependency-reports");
                t.setDaemon(true);
                t.start();
                return f;
            });
        }
    }

    /** A SELECT on the store without the server's per-request query timeout (a year is none). */
    static RowSetRewindable untimed(DatasetGraph dsg, Query q) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).initialTimeout(365, TimeUnit.DAYS)
                    .overallTimeout(365, TimeUnit.DAYS).build()) {
                return QueryRunner.materialize(qe.select());
            }
        });
    }
}
