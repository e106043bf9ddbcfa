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

    @Test
    void xmxIsReadInMegabytesOfTheHeapRows() {
        assertEquals(4L << 30, Math.round(LoadBench.megabytes("4g") * 1e6));
        assertEquals(768L << 20, Math.round(LoadBench.megabytes("768m") * 1e6));
    }
}
