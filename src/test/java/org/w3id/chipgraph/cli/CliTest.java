package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.w3id.chipgraph.cli.CliRun.run;

import java.nio.file.Files;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;

/** The command line as a user meets it: exit codes, messages on stderr, query output. */
class CliTest {
    @TempDir Path tmp;

    @Test
    void loadThenQueryACatalogueQueryAsCsv() {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        String db = tmp.resolve("db").toString();
        CliRun load = run("load", "--project", project.toString(), "--db", db);
        assertEquals(0, load.code(), load.err());
        assertTrue(load.out().contains("Loaded "), load.out());

        CliRun q = run("query", "s3-chinese-chip-makers", "--project", project.toString(), "--db", db, "--format", "csv");
        assertEquals(0, q.code(), q.err());
        assertTrue(q.out().contains("Huawei") && q.out().contains("Cambricon"), q.out());
    }

    @Test
    void explainImpactAndChokepointsFromTheStore() {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        String db = tmp.resolve("db").toString();
        assertEquals(0, run("load", "--project", project.toString(), "--db", db).code());
        CliRun explain = run("explain", "DeepSeek", "ASML", "--db", db);
        assertEquals(0, explain.code(), explain.err());
        // Every edge line of a chain is followed by at least one source line.
        String[] lines = explain.out().split("\n");
        for (int i = 0; i < lines.length; i++)
            if (lines[i].contains("-->"))
                assertTrue(i + 1 < lines.length && lines[i + 1].contains("source: "), "edge without a source: " + lines[i]);
        CliRun impact = run("impact", "--remove", "TSMC", "--db", db, "--format", "json");
        assertEquals(0, impact.code(), impact.err());
        assertTrue(impact.out().contains("\"losesEveryPath\""), impact.out());
        CliRun choke = run("chokepoints", "--db", db, "--top", "3");
        assertEquals(0, choke.code(), choke.err());
        assertTrue(choke.out().contains("EUV scanner: ASML 100 %"), choke.out());
        // No dependency is an answer with its own exit code (5), not load's "validation failed" (3).
        CliRun none = run("explain", "ASML", "DeepSeek", "--db", db);
        assertEquals(5, none.code(), none.out() + none.err());
        CliRun ambiguousOrUnknown = run("explain", "Nobody", "ASML", "--db", db);
        assertEquals(1, ambiguousOrUnknown.code());
        assertTrue(ambiguousOrUnknown.err().contains("No entity named 'Nobody'"), ambiguousOrUnknown.err());
    }

    /** Every command's --help lists the one table of exit codes. */
    @Test
    void everyCommandsHelpListsTheExitCodes() {
        for (String cmd : List.of("load", "serve", "query", "explain", "link")) {
            CliRun help = run(cmd, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("Exit codes:") && help.out().contains("5   explain: A does not depend on B")
                       && help.out().contains("3   the input was read but breaks a rule"), cmd + ": " + help.out());
        }
        assertEquals(2, run("explain", "--no-such-option").code(), "a usage error is bad input");
    }

    /** The help of the root and of every command is printed whole: no text picocli could not format ("100 %" must be "100 %%"). */
    @Test
    void everyHelpTextFormatsWithoutWarnings() {
        List<String> commands = new java.util.ArrayList<>(new picocli.CommandLine(new Main()).getSubcommands().keySet());
        commands.add(0, "");
        for (String cmd : commands) {
            CliRun help = cmd.isEmpty() ? run("--help") : run(cmd, "--help");
            assertEquals(0, help.code(), cmd);
            assertFalse(help.err().contains("WARN") || help.out().contains("%n"), cmd + ": " + help.err() + help.out());
        }
        assertTrue(run("chokepoints", "--help").out().contains("holding 100 % of the market"));
    }

    /**
     * What --help shows is whole: each command's summary (the first line of its description, the
     * one listed under "Commands:") is a complete sentence, and every option and parameter says
     * what it is for under a label a reader can fill in (not picocli's "<field>").
     */
    @Test
    void everyCommandSummaryIsASentenceAndEveryOptionIsDescribed() {
        List<String> problems = new java.util.ArrayList<>();
        java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(new picocli.CommandLine(new Main()).getSubcommands().values());
        while (!todo.isEmpty()) {
            picocli.CommandLine cmd = todo.pop();
            picocli.CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
            todo.addAll(cmd.getSubcommands().values());
            if (spec.name().equals("help"))
                continue;
            String[] description = spec.usageMessage().description();
            if (description.length == 0 || !description[0].strip().matches("(?s).*[.?)]$"))
                problems.add(spec.qualifiedName() + ": summary is not a sentence: " + (description.length == 0 ? "(none)" : description[0]));
            for (picocli.CommandLine.Model.ArgSpec arg : spec.args()) {
                String name = arg instanceof picocli.CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel();
                if (arg.description().length == 0 || arg.description()[0].isBlank())
                    problems.add(spec.qualifiedName() + " " + name + ": no description");
                if (arg.typeInfo().isBoolean() || arg.paramLabel().isEmpty())
                    continue;
                if (arg.paramLabel().startsWith("<"))
                    problems.add(spec.qualifiedName() + " " + name + ": label " + arg.paramLabel());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aBrokenFileExitsWith2AndNamesTheFile() throws Exception {
        Path project = ProjectCopy.into(tmp.resolve("p"));
        Files.writeString(project.resolve("data/zz.trig"), "<a> <b> .\n");
        CliRun load = run("load", "--project", project.toString(), "--db", tmp.resolve("db").toString());
        assertEquals(2, load.code());
        assertTrue(load.err().startsWith("error: data/zz.trig:1:"), load.err());
    }

    @Test
    void anUnknownQueryListsTheKnownNames() {
        CliRun q = run("query", "no-such-query", "--project", TestProjectRoot.get(), "--db", tmp.resolve("db").toString());
        assertEquals(1, q.code());
        assertTrue(q.err().contains("No query 'no-such-query'") && q.err().contains("s1-"), q.err());
    }

    @Test
    void queryWithoutAStoreSaysToLoadFirst() {
        CliRun q = run("query", "s1-h200-approval", "--project", TestProjectRoot.get(), "--db", tmp.resolve("empty").toString());
        assertEquals(1, q.code());
        assertTrue(q.err().contains("run 'load' first"), q.err());
    }

    @Test
    void anUnreachableEndpointIsNamedWithTheReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closed + "/chipgraph/sparql";
        CliRun q = run("query", "s1-h200-approval", "--project", TestProjectRoot.get(), "--endpoint", endpoint);
        assertEquals(1, q.code());
        assertTrue(q.err().startsWith("error: The query to " + endpoint + " failed: cannot connect to 127.0.0.1:" + closed), q.err());
        CliRun e = run("explain", "DeepSeek", "ASML", "--endpoint", endpoint);
        assertEquals(1, e.code());
        assertTrue(e.err().contains("GET http://127.0.0.1:" + closed + "/api/explain?from=DeepSeek&to=ASML failed: cannot connect"), e.err());
    }

    static final class TestProjectRoot {
        static String get() { return TestGraph.PROJECT.toString(); }
    }
}
