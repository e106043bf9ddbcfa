package org.w3id.chipgraph.cli;

import java.util.concurrent.Callable;

import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Why does A depend on B? The shortest chains of direct dependency edges (derived by role), each edge with its sources.",
                "A and B: a full IRI, a local name under https://w3id.org/chipgraph/id/, or an exact label (any language)."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Parameters(index = "0", paramLabel = "A", description = "The entity that may depend on B.") String from;
    @Parameters(index = "1", paramLabel = "B", description = "The entity A may depend on.") String to;
    @Mixin ReportOptions report;

    @Override
    public Integer call() {
        JsonObject r = report.print(storeOptions, g -> DependencyAnswers.explain(g, from, to), ReportText::explain);
        // "No dependency" is an answer with its own code, not load's "validation failed".
        return (r.get("dependsOn").getAsBoolean().value() ? ExitCode.OK : ExitCode.NO_DEPENDENCY).code;
    }
}
