package org.w3id.chipgraph.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.eto.EtoStage;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.load.Loader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Check, validate and reason over ontology/ and data/, write a new store version and publish it.",
                "A failure at any step leaves the published store as it was."})
final class LoadCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Mixin EpochOptions epochOptions;

    @Mixin EtoOptions etoOptions;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = {"Extra fact files (TriG) to load with data/.",
            "Such a file may describe its own sources in a graph/sources block (e.g. one written by 'generate')."})
    List<Path> extra = new ArrayList<>();

    @Option(names = "--closure-limit", paramLabel = "PAIRS", description = {
            "Materialize the cg:dependsOn closure only up to this many pairs (default: 100000, or -Dchipgraph.closureLimit).",
            "Above it, transitive dependencies are answered from the dependency index: cgf:dependsOn, /api/dependencies."})
    Long closureLimit;

    @Option(names = "--explanation-limit", paramLabel = "PAIRS", description =
            "Write the explanation graph only up to this many dependency pairs (default: 20000, or -Dchipgraph.explanationLimit).")
    Long explanationLimit;

    @Override
    public Integer call() {
        Loader loader = new Loader(InputFiles.in(storeOptions.project), extra, System.out)
                .withStages(epochOptions.stages(storeOptions.project))
                .withStage(EtoStage.of(etoOptions.source(storeOptions.project)));
        if (closureLimit != null)
            loader.closureLimit(closureLimit);
        if (explanationLimit != null)
            loader.explanationLimit(explanationLimit);
        loader.load(storeOptions.store());
        return ExitCode.OK.code;
    }
}
