package org.w3id.chipgraph.cli;

import org.w3id.chipgraph.load.LoadException;
import org.w3id.chipgraph.query.ParameterException;

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
            cmd.getErr().println("error: " + printable(String.valueOf(ex.getMessage())));
            if (ex instanceof LoadException le)
                return le.exitCode();
            // A parameter value that does not fit its type is bad input, as a bad input file is.
            return ex instanceof ParameterException ? LoadException.INPUT : 1;
        });
        return cl.execute(args);
    }

    /** A message for the terminal: control characters other than line breaks and tabs (an escape sequence in a file name) shown as \\uXXXX. */
    static String printable(String message) {
        StringBuilder b = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c) && c != '\n' && c != '\t')
                b.append(String.format("\\u%04x", c));
            else
                b.appendCodePoint(c);
        });
        return b.toString();
    }
}
