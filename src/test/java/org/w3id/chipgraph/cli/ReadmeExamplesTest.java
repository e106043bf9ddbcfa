package org.w3id.chipgraph.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.BuildOutput;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.TestGraph;

/**
 * The README's examples, taken from README.md itself and run as written, in the order written,
 * while {@code serve} runs in its own JVM: the README's own flow.
 *
 * <p>Which examples run. A fenced block is an example when the line before its opening fence
 * (blank lines aside) is a marker comment:
 * <ul>
 *   <li>{@code <!-- example: runs beside serve -->}: run by this test. In a {@code sh} block every
 *       line that is not blank or a {@code #} comment is one command; in any other block each line
 *       starting with {@code "$ "} is a command and the line after it the first line of its output,
 *       which the real output must contain.</li>
 *   <li>{@code <!-- example: needs the network -->}: left out (federated Wikidata queries, the ETO
 *       download), and named in the build output.</li>
 * </ul>
 * Every {@code ./chipgraph} reading command shown in a fenced block (query, stats, explain, impact,
 * chokepoints, link) must be in a marked block, so a new example cannot escape the test.
 *
 * <p>How. The server starts on a free port ({@code --port 0}) in a copy of the project, with the
 * default store ({@code chipgraph-db/}, loaded at start); {@code localhost:3030} in an example
 * becomes that port. {@code ./chipgraph} in the copy is a script running this build's classes in a
 * new JVM; each example runs through bash in the copy, so its quoting and comments are the
 * README's. Each must exit 0 with output holding its expected text: the first output line the
 * README shows, or else a label from the facts ({@link #EXPECTED}); and a {@code ./chipgraph}
 * command without --endpoint must say that it used the server holding the store.
 */
class ReadmeExamplesTest {
    static final Pattern MARKER = Pattern.compile("^<!--\\s*example:\\s*(.*?)\\s*-->$");
    static final Pattern READING = Pattern.compile("^\\./chipgraph (query|stats|explain|impact|chokepoints|link)\\b.*");

    /** What the output of each example without a shown output must contain, from shared/facts. */
    static final Map<String, String> EXPECTED = Map.of(
            // 16 May 2019: Huawei and 68 affiliates added to the Entity List.
            "./chipgraph query measures-timeline", "Huawei added to the US Entity List (May 2019)",
            // Huawei's Korean name, as the seed article writes it.
            "./chipgraph query entity -p entity=huawei", "화웨이",
            // Computex, 21 May 2025.
            "./chipgraph query claims-by -p by=id:jensen-huang", "the export control was a failure",
            // The October 2022 rule: A100 is 3A090.a (TPP 4992 >= 4800).
            "./chipgraph query r3-licence-status -p asOf=2023-01-01", "Nvidia A100",
            // SPARQL JSON results of SELECT * ... LIMIT 5.
            "curl -s http://localhost:3030/chipgraph/sparql --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'", "\"bindings\"");

    record Example(int line, String command, String shownOutput) {}

    @TempDir Path tmp;

    @Test
    void everyReadmeExampleRunsBesideARunningServer() throws Exception {
        List<String> readme = Files.readAllLines(TestGraph.PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Example> run = new ArrayList<>(), network = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        examples(readme, run, network, unmarked);
        assertEquals(List.of(), unmarked, "README.md: reading commands in a block without an example marker (see this test's comment)");
        assertTrue(run.size() >= 8, "README.md examples found: " + run);
        for (Example e : network)
            BuildOutput.say("README example not run (needs the network): README.md:" + e.line() + ": " + e.command());

        Path project = ProjectCopy.into(tmp.resolve("project"));
        writeLauncher(project);
        try (ServerProcess server = ServerProcess.start(project)) {
            for (Example e : run)
                check(e, server.port(), project);
        }
    }

    @Test
    void theRuleSortsBlocksByTheirMarkerAndReportsUnmarkedReadingCommands() {
        List<String> md = List.of(
                "<!-- example: runs beside serve -->", "```sh", "./chipgraph query a   # comment", "# not a command", "```",
                "<!-- example: runs beside serve -->", "", "```", "$ ./chipgraph explain A B", "A depends on B: 1 shortest chain", "```",
                "<!-- example: needs the network -->", "```sh", "./chipgraph query federated-x", "```",
                "```sh", "./chipgraph serve", "./chipgraph stats", "```");
        List<Example> run = new ArrayList<>(), network = new ArrayList<>();
        List<String> unmarked = new ArrayList<>();
        examples(md, run, network, unmarked);
        assertEquals(List.of(new Example(3, "./chipgraph query a   # comment", null),
                new Example(9, "./chipgraph explain A B", "A depends on B: 1 shortest chain")), run);
        assertEquals(List.of(new Example(14, "./chipgraph query federated-x", null)), network);
        assertEquals(List.of("README.md:18: ./chipgraph stats"), unmarked, "serve is no reading command; stats is");
    }

    /** Sort the commands of README.md's fenced blocks by their block's marker. */
    static void examples(List<String> readme, List<Example> run, List<Example> network, List<String> unmarked) {
        for (int i = 0; i < readme.size(); i++) {
            if (!readme.get(i).startsWith("```"))
                continue;
            String lang = readme.get(i).substring(3).trim();
            String marker = markerBefore(readme, i);
            int end = i + 1;
            while (end < readme.size() && !readme.get(end).startsWith("```"))
                end++;
            for (int j = i + 1; j < end; j++) {
                String line = readme.get(j).strip();
                String cmd = lang.equals("sh") ? (line.isEmpty() || line.startsWith("#") ? null : line)
                        : line.startsWith("$ ") ? line.substring(2) : null;
                if (cmd == null)
                    continue;
                String shown = !lang.equals("sh") && j + 1 < end && !readme.get(j + 1).startsWith("$ ") ? readme.get(j + 1).strip() : null;
                Example e = new Example(j + 1, cmd, shown);
                if (marker == null) {
                    if (READING.matcher(cmd).matches())
                        unmarked.add("README.md:" + (j + 1) + ": " + cmd);
                } else if (marker.startsWith("runs beside serve")) {
                    run.add(e);
                } else if (marker.startsWith("needs the network")) {
                    network.add(e);
                } else {
                    fail("README.md:" + i + ": unknown example marker '" + marker + "'");
                }
            }
            i = end;
        }
    }

    static String markerBefore(List<String> readme, int fence) {
        int k = fence - 1;
        while (k >= 0 && readme.get(k).isBlank())
            k--;
        if (k < 0)
            return null;
        Matcher m = MARKER.matcher(readme.get(k).strip());
        return m.matches() ? m.group(1) : null;
    }

    void check(Example e, int port, Path project) throws Exception {
        String cmd = e.command().replace("localhost:3030", "localhost:" + port);
        Path out = tmp.resolve("out.txt"), err = tmp.resolve("err.txt");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-c", cmd).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("README.md:" + e.line() + ": did not finish in 300 s: " + cmd);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String stdout = Files.readString(out), stderr = Files.readString(err);
        String where = "README.md:" + e.line() + ": " + cmd + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout;
        System.out.printf("%.1f s  %s%n", seconds, cmd);
        assertEquals(0, p.exitValue(), where);
        assertFalse(stdout.isBlank(), where);
        String expected = e.shownOutput() != null ? e.shownOutput() : EXPECTED.get(e.command().replaceFirst("\\s+#.*$", ""));
        assertNotNull(expected, "README.md:" + e.line() + ": add what the output of '" + e.command() + "' must contain to "
                + "ReadmeExamplesTest.EXPECTED (a label from the facts), or show its first output line in the README");
        assertTrue(stdout.contains(expected), "expected '" + expected + "' in the output of " + where);
        if (cmd.startsWith("./chipgraph ") && !cmd.contains("--endpoint"))
            assertTrue(stderr.contains("store held by the server at http://localhost:" + port + "/; querying it"), where);
    }

    /** {@code ./chipgraph} in the copy: this build's classes in a new JVM (the real launcher would build a jar). */
    static void writeLauncher(Path project) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String opts = "-XX:TieredStopAtLevel=1" + (Runtime.version().feature() >= 23 ? " --sun-misc-unsafe-memory-access=allow" : "");
        Path launcher = project.resolve("chipgraph");
        Files.writeString(launcher, "#!/usr/bin/env bash\ncd \"$(dirname \"$0\")\"\nexport CLASSPATH='" + cp + "'\nexec '" + java + "' "
                + opts + " org.w3id.chipgraph.cli.Main \"$@\"\n");
        launcher.toFile().setExecutable(true);
    }
}
