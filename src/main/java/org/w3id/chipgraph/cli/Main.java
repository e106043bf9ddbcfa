package org.w3id.chipgraph.cli;

import org.w3id.chipgraph.ExitCode;
import org.w3id.chipgraph.query.ParameterException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/chipgraph.jar COMMAND ...} */
@Command(name = "chipgraph", mixinStandardHelpOptions = true, version = "chipgraph 0.1.0",
        description = "A knowledge graph of AI chips and geopolitics: build it, serve it, query it.",
        subcommands = {LoadCommand.class, ServeCommand.class, QueryCommand.class, StatsCommand.class,
                ExplainCommand.class, ImpactCommand.class, ChokepointsCommand.class, LinkCommand.class,
                AdminPasswordCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    /** Runs a command line (chipgraph's, or the benchmark harness's) with chipgraph's exit codes and error lines. */
    public static int execute(CommandLine cl, String... args) {
        // One table of exit codes (ExitCode) for every command: picocli maps exceptions through it,
        // a usage error is bad input, and every --help lists the table.
        cl.setExitCodeExceptionMapper(Main::exitCode);
        listExitCodes(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + printable(String.valueOf(ex.getMessage())));
            return cmd.getExitCodeExceptionMapper().getExitCode(ex);
        });
        return cl.execute(args);
    }

    /**
     * The exit code for a failure. A usage error (picocli's) and a parameter value that does not
     * fit its type are bad input, as a bad input file is.
     */
    static int exitCode(Throwable ex) {
        if (ex instanceof CommandLine.ParameterException || ex instanceof ParameterException)
            return ExitCode.INPUT.code;
        return ExitCode.of(ex);
    }

    private static void listExitCodes(CommandLine cl) {
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCode.INPUT.code).exitCodeOnExecutionException(ExitCode.ERROR.code);
        cl.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(ExitCode.helpList());
        cl.getSubcommands().values().forEach(Main::listExitCodes);
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
