package org.w3id.chipgraph.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.reason.DependencyIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic supply network (TriG) in chipgraph's ontology, for benchmarks.",
                "Scale 1 has about 10,000 direct dependency edges, scale 100 about a million.",
                "The same scale and seed give the same bytes. Load it with: load FILE"})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--scale", defaultValue = "1", description = "Direct dependency edges in units of 10,000 (default: ${DEFAULT-VALUE}; fractions allowed).")
    double scale;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The TriG file to write.")
    Path out;

    @Option(names = "--closure", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Count the pairs of the dependency closure (default: on).")
    boolean closure;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        SupplyNetworkGenerator.Stats s = new SupplyNetworkGenerator(scale, seed).generate(out);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Wrote %s: %,d direct dependency edges, %,d entities, %,d triples in %,d source graphs (%.1f s)%n",
                out, s.edges(), s.nodes(), s.quads(), s.sources(), secs);
        System.out.println("  entities: " + s.entitiesPerKind());
        System.out.println("  edges:    " + s.edgesPerProperty());
        System.out.printf("  degree exponent (Zipf popularity %.1f): about %.1f%n", SupplyNetworkGenerator.ZIPF, 1 + 1 / SupplyNetworkGenerator.ZIPF);
        if (closure) {
            DependencyIndex idx = DependencyIndex.fromEdges(s.iris(), s.edgeFrom(), s.edgeTo());
            long t1 = System.nanoTime();
            long pairs = idx.countAllPairs();
            System.out.printf("  closure:  %,d dependency pairs (%.1f s)%n", pairs, (System.nanoTime() - t1) / 1e9);
        }
        return ExitCode.OK.code;
    }
}
