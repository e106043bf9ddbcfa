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
 * on the count, and the targets table is printed with each all-pairs check comparing the same
 * number of threads.
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
                    "--cap", "2m", "--sample", "20", "--arq-nodes", "10", "--heap", "1g", "--load-heap", "768m", "--server-heap", "512m",
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
                new String[] {"load", "parsing: riot --count, the same files", "jena"},
                new String[] {"load", "parsing: riot --count, the generated file", "jena"},
                new String[] {"load", "phase: parsing files", "ours"},
                new String[] {"load", "closure materialized", "ours"},
                new String[] {"load", LoadTargets.INDEX_PAIRS, "ours"},
                new String[] {"load", LoadBench.PARSING_ALONE, "ours"},
                new String[] {"resources", "peak heap, phase: parsing files", "ours"},
                new String[] {"resources", "peak heap, phase: writing a new store version", "ours"},
                new String[] {"resources", "heap limit of our loader", "ours"},
                new String[] {"reasoning", "all pairs on 1 thread", "ours"},
                new String[] {"reasoning", "all pairs on 1 thread", "int-array BFS bound"},
                new String[] {"reasoning", ALL_CORES, "ours"},
                new String[] {"reasoning", ALL_CORES, "int-array BFS bound"},
                new String[] {"queries", "who depends on X / what X depends on (hubs only): p50", "ours: /api"},
                new String[] {"queries", "who depends on X / what X depends on (hubs only): p99", "ARQ path via plain Fuseki"},
                new String[] {"reasoning", "rules to fixpoint (closure included)", "SPARQL rules"},
                new String[] {"queries", "who depends on X / what X depends on: p50", "ours: /api"},
                new String[] {"queries", "who depends on X / what X depends on: p50", "ARQ path via plain Fuseki"},
                new String[] {"queries", "catalogue queries p99", "plain Fuseki"},
                new String[] {"resources", "server start to ready", "ours"})) {
            double median = median(rows, m[0], m[1], m[2]);
            assertTrue(median > 0, m[1] + " / " + m[2] + ": " + median);
        }

        // Our load ran as ./chipgraph load runs it: its JVM options, and on JDK 25+ the ahead-of-time cache.
        String whole = rows.stream().filter(r -> r.startsWith("0.05,load,whole load (ours),ours,")).findFirst().orElseThrow();
        assertTrue(whole.contains("-XX:+UseParallelGC"), whole);
        if (Runtime.version().feature() >= 25)
            assertTrue(whole.contains("ahead-of-time cache recorded"), whole);

        // Three engines, one count of dependency pairs.
        List<String> counts = new ArrayList<>();
        for (String system : List.of("ours", "ARQ path", "OWL Micro")) {
            String measure = system.equals("ours") ? ALL_CORES : "all pairs";
            String row = rows.stream().filter(r -> r.startsWith("0.05,reasoning," + measure + "," + system + ",")).findFirst()
                    .orElseThrow(() -> new AssertionError("no all-pairs row for " + system));
            var m = Pattern.compile("([0-9,]+) pairs").matcher(row);
            assertTrue(m.find(), row);
            counts.add(m.group(1));
        }
        assertEquals(1, counts.stream().distinct().count(), "all-pairs counts differ: " + counts);

        assertTrue(out.contains("### Targets"), out);
        // Each all-pairs check compares ours and the bound measured on the same number of threads.
        for (String measure : List.of("all pairs on 1 thread", ALL_CORES)) {
            String check = "| 0.05 | all-pairs count <= 2x the int-array BFS bound, both on " + measure.substring("all pairs on ".length())
                    + " | " + Results.fmt(median(rows, "reasoning", measure, "ours")) + " s vs "
                    + Results.fmt(median(rows, "reasoning", measure, "int-array BFS bound")) + " s = ";
            assertTrue(out.contains(check), "no check " + check + " in\n" + out);
        }
        assertTrue(out.contains("| 0.05 | loads with -Xmx768m | "), out);
        assertTrue(out.contains("| 0.05 | parsing within 1.3x of riot --count (the same files, same run) | "), out);
        assertFalse(out.contains("write phase >= 0.9x"), "the write phase is Jena's bulk loader: no target compares it with itself");
        assertEquals(1.0, median(rows, "load", "closure materialized", "ours"), "a tiny network's closure is materialized");
    }

    static final String ALL_CORES = "all pairs on all cores (" + Runtime.getRuntime().availableProcessors()
            + (Runtime.getRuntime().availableProcessors() == 1 ? " thread)" : " threads)");

    static double median(List<String> rows, String section, String measure, String system) {
        String prefix = "0.05," + section + "," + Results.csv(measure) + "," + system + ",";
        String row = rows.stream().filter(r -> r.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + prefix + " in\n" + String.join("\n", rows)));
        double median = Double.parseDouble(row.substring(prefix.length()).split(",")[1]);
        assertTrue(Double.isFinite(median), row);
        return median;
    }
}
