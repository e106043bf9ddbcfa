package org.w3id.chipgraph.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Growth checks compare only scales that do the same work, between every two consecutive scales. */
class LoadTargetsTest {
    static Results run(double... closure) {
        Results r = new Results();
        double edges = 10_000;
        for (int i = 0; i < closure.length; i++, edges *= 10) {
            String sc = Integer.toString((int) Math.pow(10, i));
            r.add(sc, "data", "direct dependency edges", "generator", "", List.of(edges), "");
            r.add(sc, "load", "whole load (ours)", "ours", "s", List.of(edges / 1000), "");
            r.add(sc, "load", "closure materialized", "ours", "", List.of(closure[i]), "");
        }
        return r;
    }

    static List<String> growth(Results r) {
        List<Targets.Check> out = new ArrayList<>();
        LoadTargets.growth(r, r.scales(), out);
        return out.stream().map(c -> c.scale() + " | " + c.target() + " | " + c.verdict()).toList();
    }

    @Test
    void scalesThatMaterializeTheClosureAreNotComparedWithScalesThatDoNot() {
        assertEquals(List.of(
                "1 -> 10 | cost grows no faster than linearly | not compared (scale 1 materializes the closure, scale 10 does not)",
                "10 -> 100 | cost grows no faster than linearly: whole load time per edge | met",
                "1 -> 100 | cost grows no faster than linearly | not compared (scale 1 materializes the closure, scale 100 does not)"),
                growth(run(1, 0, 0)));
    }

    @Test
    void everyConsecutivePairIsComparedWhenTheWorkIsTheSame() {
        assertEquals(List.of(
                "1 -> 10 | cost grows no faster than linearly: whole load time per edge | met",
                "10 -> 100 | cost grows no faster than linearly: whole load time per edge | met",
                "1 -> 100 | cost grows no faster than linearly: whole load time per edge | met"),
                growth(run(0, 0, 0)));
    }

    @Test
    void aScaleThatDoesNotSayIsNotCompared() {
        Results r = run(1, 1);
        r.rows.removeIf(row -> row.scale().equals("10") && row.measure().equals("closure materialized"));
        assertEquals(List.of("1 -> 10 | cost grows no faster than linearly | not compared (unknown whether scale 10 materialized the closure)"),
                growth(r));
    }

    /** Index build times and pair counts at scales 1 and 10 (10x the edges); the build's time follows the pairs. */
    static Results indexRun(double pairs1, double pairs10, double secs1, double secs10) {
        Results r = run(0, 0);
        r.add("1", "load", LoadTargets.INDEX_BUILD, "ours", "s", List.of(secs1), "");
        r.add("10", "load", LoadTargets.INDEX_BUILD, "ours", "s", List.of(secs10), "");
        r.add("1", "load", LoadTargets.INDEX_PAIRS, "ours", "", List.of(pairs1), "");
        r.add("10", "load", LoadTargets.INDEX_PAIRS, "ours", "", List.of(pairs10), "");
        return r;
    }

    @Test
    void theIndexBuildIsComparedPerPairWhenThePairsPerEdgeChange() {
        // 20x the pairs for 10x the edges, and 18x the time: linear per pair, not per edge.
        List<String> rows = growth(indexRun(250_000, 5_000_000, 0.05, 0.9));
        assertTrue(rows.contains("1 -> 10 | cost grows no faster than linearly: index build time per edge"
                + " | not compared (the pairs per edge change 2.00x: 20.0x the pairs for 10x the edges; compared per pair)"), rows.toString());
        assertTrue(rows.contains("1 -> 10 | cost grows no faster than linearly: index build time per dependency pair | met"), rows.toString());
        // 30x the time for 20x the pairs is worse than linear per pair too.
        assertTrue(growth(indexRun(250_000, 5_000_000, 0.05, 1.5))
                .contains("1 -> 10 | cost grows no faster than linearly: index build time per dependency pair | missed"));
    }

    @Test
    void theIndexBuildIsComparedPerEdgeTooWhenThePairsGrowAsTheEdges() {
        List<String> rows = growth(indexRun(250_000, 2_600_000, 0.05, 0.8));
        assertTrue(rows.contains("1 -> 10 | cost grows no faster than linearly: index build time per edge | missed"), rows.toString());
        assertTrue(rows.contains("1 -> 10 | cost grows no faster than linearly: index build time per dependency pair | missed"), rows.toString());
    }

    @Test
    void theLoadsPairCountIsReadFromItsProgress() {
        assertEquals(565_418_356L, BenchWorker.indexPairs("    reasoning: dependency index: 197650 nodes, 1153580 edges, 565418356 pairs;"
                + " closure NOT materialized (over the limit of 100000)"));
        assertNull(BenchWorker.indexPairs("no index here"));
    }

    @Test
    void theParsingTargetUsesOurParseAloneWhenTheRunHasIt() {
        Results r = new Results();
        r.add("100", "load", LoadBench.PARSING, "ours", "s", List.of(15.6), "");
        r.add("100", "load", LoadBench.RIOT, "jena", "s", List.of(7.0, 7.5, 8.0), "");
        List<Targets.Check> out = new ArrayList<>();
        LoadTargets.evaluate(r, "100", out);
        assertEquals("15.6 s vs 7.50 s = 2.08x | missed", out.get(0).measured() + " | " + out.get(0).verdict(), "the load's step alone");
        r.add("100", "load", LoadBench.PARSING_ALONE, "ours", "s", List.of(8.5, 9.0, 9.9), "");
        out.clear();
        LoadTargets.evaluate(r, "100", out);
        assertEquals("9.00 s vs 7.50 s = 1.20x | met", out.get(0).measured() + " | " + out.get(0).verdict());
    }

    @Test
    void xmxIsReadInMegabytesOfTheHeapRows() {
        assertEquals(4L << 30, Math.round(LoadBench.megabytes("4g") * 1e6));
        assertEquals(768L << 20, Math.round(LoadBench.megabytes("768m") * 1e6));
    }
}
