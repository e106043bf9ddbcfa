package org.w3id.chipgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench SUBCOMMAND}: benchmarks, each its own subcommand class. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (not tests): run one and read its report.",
        subcommands = {LoadTestCommand.class, CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
