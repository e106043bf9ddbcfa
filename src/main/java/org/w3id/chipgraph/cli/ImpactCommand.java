package org.w3id.chipgraph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.query.ParameterException;
import org.w3id.chipgraph.web.DependencyReportRoute;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"What if an entity, a country's supply or a policy disappeared?",
                "Lists who loses every path to something they need (every alternative for one of their needs is gone)"
                + " and who loses only some."})
final class ImpactCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Option(names = "--remove", required = true, paramLabel = "X", description = {
            "What to remove: an entity (full IRI, local name or exact label), or country:ISO3 (e.g. country:NLD) for a country"
            + " and every organization headquartered there. Repeat to remove several at once."}) List<String> remove;
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge the network as it stood on that date: entities released, announced or in force only later, or ended before, are left out.")
    LocalDate asOf;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000",
            description = "List at most N entities of each kind, with how many there are in all (default: ${DEFAULT-VALUE}; at most 100000).")
    int limit;
    @Mixin ReportOptions report;

    @Override
    public Integer call() {
        if (limit < 0 || limit > DependencyReportRoute.MAX_IMPACT_LIMIT)
            throw new ParameterException("--limit must be between 0 and " + DependencyReportRoute.MAX_IMPACT_LIMIT + ", not " + limit);
        report.print(storeOptions, g -> DependencyAnswers.impact(g, remove, asOf, limit), ReportText::impact);
        return ExitCode.OK.code;
    }
}
