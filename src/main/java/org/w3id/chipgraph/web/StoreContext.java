package org.w3id.chipgraph.web;

import java.util.Map;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.Memo;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyFunctions;
import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.reason.DependencyReports;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * Everything the pages and APIs derive from one published store version: the dataset, its label
 * index, its dependency index and dependency graph (with the edge kinds and the sub-property
 * closure), the drawable edges and the dependency reports. Built once per version, each part on
 * first use, and replaced as a whole when the server switches to another version. The label
 * index, dependency graph and index are kept in the dataset's own context, so that the SPARQL
 * functions (text search, cgf:dependsOn) running on the same version use the same ones.
 */
public final class StoreContext {
    private final DatasetGraph dsg;
    private final Memo<DependencyEdges> edges;
    private final Memo<DependencyReports> reports;

    public StoreContext(DatasetGraph dsg) {
        this.dsg = dsg;
        this.edges = new Memo<>(() -> DependencyEdges.read(dsg, dependencyGraph()));
        this.reports = new Memo<>(() -> new DependencyReports(select(), dependencyGraph()));
    }

    public DatasetGraph dataset() { return dsg; }

    public LabelIndex labels() { return LabelIndex.of(dsg); }

    DependencyGraph dependencyGraph() { return DependencyFunctions.graphOf(dsg); }

    DependencyIndex dependencyIndex() { return DependencyFunctions.indexOf(dsg); }

    DependencyEdges edges() { return edges.get(); }

    DependencyReports reports() { return reports.get(); }

    Function<Query, RowSetRewindable> select() {
        return q -> QueryRunner.select(dsg, q, Map.of());
    }

    EntityResolver resolver() {
        return new EntityResolver(select());
    }
}
