package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.TestGraph;

import picocli.CommandLine;
import java.util.regex.Pattern;

/**
 * The benchmark harness end to end on a tiny network (the benchmark itself is run by hand, see
 * README 'Performance'): every measurement and its baseline lands in the CSV, the three
 * engines that count all dependency pairs (our index, ARQ's property path, OWL Micro) agree
 * on the count, and the targets table is printed.
 */
class BenchSmokeTest {
    @Test
    void aTinyRunMeasuresOursBesideEveryBaseline(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bench.csv");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new BenchCommand()).execute("--scales", "0.05", "--runs", "1", "--no-curated",
                    "--cap", "2m", "--sample", "20", "--arq-nodes", "10", "--heap", "1g", "--server-heap", "512m",
                    "--project", TestGraph.PROJECT.toString(), "--work", dir.resolve("work").toString(), "--out", csv.toString());
        } finally {
            System.setOut(stdout);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);

        List<String> rows = Files.readAllLines(csv);
        for (String[] m : List.of(
                new String[] {"load", "whole load (ours)", "ours"},
                new String[] {"load", "write phase throughput", "ours"},
                new String[] {"load", "TDB2 parallel bulk loader", "jena"},
                new String[] {"load", "TDB2 phased bulk loader", "jena"},
                new String[] {"reasoning", "all pairs: int-array BFS bound", "bound"},
                new String[] {"reasoning", "rules to fixpoint (closure included)", "SPARQL rules"},
                new String[] {"queries", "who depends on X / what X depends on: p50", "ours: /api"},
                new String[] {"queries", "who depends on X / what X depends on: p50", "ARQ path via plain Fuseki"},
                new String[] {"queries", "catalogue queries p99", "plain Fuseki"},
                new String[] {"resources", "server start to ready", "ours"})) {
            String prefix = "0.05," + m[0] + "," + m[1] + "," + m[2] + ",";
            String row = rows.stream().filter(r -> r.startsWith(prefix)).findFirst().orElse(null);
            assertNotNull(row, "no row " + prefix + " in\n" + String.join("\n", rows));
            double median = Double.parseDouble(row.substring(prefix.length()).split(",")[1]);
            assertTrue(median > 0 && Double.isFinite(median), row);
        }

        // Three engines, one count of dependency pairs.
        List<String> counts = new ArrayList<>();
        for (String system : List.of("ours", "ARQ path", "OWL Micro")) {
            String row = rows.stream().filter(r -> r.startsWith("0.05,reasoning,all pairs," + system + ",")).findFirst()
                    .orElseThrow(() -> new AssertionError("no all-pairs row for " + system));
            var m = Pattern.compile("([0-9,]+) pairs").matcher(row);
            assertTrue(m.find(), row);
            counts.add(m.group(1));
        }
        assertEquals(1, counts.stream().distinct().count(), "all-pairs counts differ: " + counts);

        assertTrue(out.contains("### Targets"), out);
        assertTrue(out.contains("| 0.05 | all-pairs count <= 2x the int-array BFS bound |"), out);
    }
}
