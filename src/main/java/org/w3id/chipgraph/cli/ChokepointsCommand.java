package org.w3id.chipgraph.cli;

import java.util.concurrent.Callable;

import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "chokepoints", mixinStandardHelpOptions = true,
        description = {"Inputs with a single provider holding 100 % of the market, and who depends on them;",
                "then entities ranked by how many others would lose every path to something they need without them."})
final class ChokepointsCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Option(names = "--top", defaultValue = "15", description = "Rows of the ranking (default: ${DEFAULT-VALUE}).") int top;
    @Option(names = "--endpoint", paramLabel = "URL", description = "A running server's SPARQL endpoint instead of --db (found by itself when a server holds the store).") String endpoint;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).") ReportFormat format;

    @Override
    public Integer call() {
        try (GraphAccess g = GraphAccess.open(storeOptions, endpoint)) {
            JsonObject r = DependencyAnswers.chokepoints(g, top);
            System.out.print(format == ReportFormat.json ? r + "\n" : ReportText.chokepoints(r));
            return ExitCode.OK.code;
        }
    }
}
