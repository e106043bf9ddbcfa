package org.w3id.chipgraph.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.chipgraph.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"What if an entity, a country's supply or a policy disappeared? Lists who loses every path",
                "to something they need (every alternative for one of their needs is gone) and who loses only some.",
                "--remove takes an entity (IRI, local name or label), or country:ISO3 (e.g. country:NLD) for a",
                "country and every organization headquartered there. Repeat --remove to remove several."})
final class ImpactCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;
    @Option(names = "--remove", required = true, paramLabel = "X") List<String> remove;
    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge the network as it stood on that date: entities released, announced or in force only later, or ended before, are left out.")
    LocalDate asOf;
    @Mixin ReportOptions report;

    @Override
    public Integer call() {
        report.print(storeOptions, g -> DependencyAnswers.impact(g, remove, asOf), ReportText::impact);
        return ExitCode.OK.code;
    }
}
