package org.w3id.chipgraph.cli;

import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.query.GraphStatistics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts: triples per named graph, asserted vs inferred, instances per class.")
final class StatsCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server's SPARQL endpoint instead of --db (found by itself when a server holds the store).")
    String endpoint;

    @Override
    public Integer call() {
        GraphStatistics.Stats stats;
        try (GraphAccess g = GraphAccess.open(storeOptions, endpoint)) {
            stats = GraphStatistics.compute(g.select());
        }
        GraphStatistics.print(stats, System.out);
        return ExitCode.OK.code;
    }
}
