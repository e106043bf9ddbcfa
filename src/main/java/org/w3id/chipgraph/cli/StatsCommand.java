package org.w3id.chipgraph.cli;

import java.util.concurrent.Callable;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.chipgraph.query.GraphStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts: triples per named graph, asserted vs inferred, instances per class.")
final class StatsCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server's SPARQL endpoint instead of --db.")
    String endpoint;

    @Override
    public Integer call() {
        GraphStatistics.Stats stats;
        if (endpoint != null) {
            stats = GraphStatistics.compute(endpoint);
        } else {
            DatasetGraph dsg = storeOptions.store().openCurrent();
            try {
                stats = GraphStatistics.compute(dsg);
            } finally {
                TDBInternal.expel(dsg);
            }
        }
        GraphStatistics.print(stats, System.out);
        return 0;
    }
}
