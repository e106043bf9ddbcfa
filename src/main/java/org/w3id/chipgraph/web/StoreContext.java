package org.w3id.chipgraph.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Daemon;
import org.w3id.chipgraph.Memo;
import org.w3id.chipgraph.PerVersion;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyFunctions;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.reason.DependencyReports;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * Everything the pages, the APIs and the SPARQL functions derive from one published store
 * version: the dataset, its label index, its dependency graph (with the edge kinds and the
 * sub-property closure) and dependency index, the drawable edges, the countries of the picture's
 * nodes and the dependency reports. Built once per version, each part on first use, and replaced
 * as a whole when the server switches to another version: nothing of a version is kept anywhere
 * else. The SPARQL functions running on this version (text search, cgf:dependsOn...) are handed
 * the same label index, graph and index through the dataset's context ({@link PerVersion}).
 */
public final class StoreContext {
    private final DatasetGraph dsg;
    private final Memo<LabelIndex> labels;
    private final Memo<DependencyGraph> graph;
    private final Memo<DependencyIndex> index;
    private final Memo<DependencyEdges> edges;
    private final Memo<NodeCountries> countries;
    /** Built in the background on first use, so that a request waits only until its own deadline. */
    private final Memo<CompletableFuture<DependencyReports>> reports;

    public StoreContext(DatasetGraph dsg) {
        this.dsg = dsg;
        this.labels = new Memo<>(() -> LabelIndex.build(dsg));
        this.graph = new Memo<>(() -> DependencyFunctions.loadGraph(dsg));
        this.index = new Memo<>(() -> DependencyFunctions.indexOf(dsg, graph));
        this.edges = new Memo<>(() -> DependencyEdges.read(dsg, dependencyGraph()));
        this.countries = new Memo<>(() -> NodeCountries.read(dsg, labels()));
        this.reports = new Memo<>(this::buildReports);
        PerVersion.provide(dsg, LabelIndex.KEY, labels);
        PerVersion.provide(dsg, DependencyFunctions.GRAPH_KEY, graph);
        PerVersion.provide(dsg, DependencyFunctions.INDEX_KEY, index);
    }

    public DatasetGraph dataset() { return dsg; }

    public LabelIndex labels() { return labels.get(); }

    DependencyGraph dependencyGraph() { return graph.get(); }

    DependencyIndex dependencyIndex() { return index.get(); }

    DependencyEdges edges() { return edges.get(); }

    NodeCountries countries() { return countries.get(); }

    DependencyReports reports() { return reports(Deadline.NONE); }

    /**
     * The dependency reports of this version, waiting for their build no longer than the
     * deadline: past it the request is told to come back (503) while the build carries on.
     */
    DependencyReports reports(Deadline deadline) {
        CompletableFuture<DependencyReports> f = reports.get();
        try {
            return deadline.limitMillis() > 0 ? f.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS) : f.get();
        } catch (TimeoutException e) {
            throw new Deadline.Exceeded("The dependency graph of this store version is still being built; ask again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the dependency graph was built", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    /** The server's query time limit, as a deadline starting now (none when there is no limit). */
    Deadline queryDeadline() {
        return Deadline.in(Timeouts.extractQueryTimeout(dsg.getContext()).overallTimeoutMillis());
    }

    /** Graph, then the chokepoint ranking, on a daemon thread: neither is bound by a request's time limit. */
    private CompletableFuture<DependencyReports> buildReports() {
        CompletableFuture<DependencyReports> f = Daemon.supply("chipgraph-dependency-reports",
                () -> new DependencyReports(select(), dependencyGraph()));
        // Once the graph is there, the ranking (a version written before the loader ranked) on the same kind of thread.
        f.thenAccept(r -> Daemon.supply("chipgraph-chokepoint-ranking", r::ranking));
        return f;
    }

    Function<Query, RowSetRewindable> select() {
        return q -> QueryRunner.select(dsg, q, Map.of());
    }

    EntityResolver resolver() {
        return new EntityResolver(select());
    }
}
