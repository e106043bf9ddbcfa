package org.w3id.chipgraph.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/chipgraph.jar COMMAND ...} */
@Command(name = "chipgraph", mixinStandardHelpOptions = true, version = "chipgraph 0.1.0",
        description = "A knowledge graph of AI chips and geopolitics: build it, serve it, query it.",
        subcommands = {LoadCommand.class, ServeCommand.class, QueryCommand.class, StatsCommand.class,
                ExplainCommand.class, ImpactCommand.class, ChokepointsCommand.class, LinkCommand.class,
                AdminPasswordCommand.class, org.w3id.chipgraph.bench.BenchCommand.class, org.w3id.chipgraph.bench.GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return ex instanceof org.w3id.chipgraph.load.LoadException le ? le.exitCode() : 1;
        });
        return cl.execute(args);
    }
}
