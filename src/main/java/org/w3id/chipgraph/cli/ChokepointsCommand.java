package org.w3id.chipgraph.cli;

import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "chokepoints", mixinStandardHelpOptions = true,
        description = {"Single points of failure in the supply network.",
                "Inputs with a single provider holding 100 %% of the market, and who depends on them; then entities ranked by"
                + " how many others would lose every path to something they need without them."})
final class ChokepointsCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "Rows of the ranking (default: ${DEFAULT-VALUE}).") int top;
    @Mixin ReportOptions report;

    @Override
    public Integer call() {
        report.print(storeOptions, g -> DependencyAnswers.chokepoints(g, top), ReportText::chokepoints);
        return ExitCode.OK.code;
    }
}
