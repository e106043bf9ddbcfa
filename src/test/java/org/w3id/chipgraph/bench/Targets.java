package org.w3id.chipgraph.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The targets of issues 7 and 17, checked against a run's figures (README, 'Performance'). */
final class Targets {
    private Targets() {}

    record Check(String scale, String target, String measured, String verdict) {}

    static List<Check> evaluate(Results r) {
        List<Check> out = new ArrayList<>();
        List<String> generated = r.scales().stream().filter(s -> !s.equals("curated")).toList();
        for (String sc : generated) {
            Results.Row whole = r.find(sc, "whole load (ours)", "ours");
            Results.Row parS = r.find(sc, "TDB2 parallel bulk loader", "jena"), phaS = r.find(sc, "TDB2 phased bulk loader", "jena");
            if (whole != null && parS != null && phaS != null) {
                double best = Math.min(parS.median(), phaS.median());
                double ratio = whole.median() / best;
                out.add(new Check(sc, "whole load <= 2x the fastest TDB2 bulk loader's time",
                        String.format(Locale.ROOT, "%s s vs %s s = %.2fx", Results.fmt(whole.median()), Results.fmt(best), ratio),
                        ratio <= 2 ? "met" : "missed"));
            }
            Results.Row p50 = r.find(sc, "who depends on X / what X depends on: p50", "ours: /api");
            Results.Row p99 = r.find(sc, "who depends on X / what X depends on: p99", "ours: /api");
            if (p50 != null)
                out.add(new Check(sc, "who depends on X / what X depends on over HTTP: p50 < 2 ms",
                        Results.fmt(p50.median()) + " ms", p50.median() < 2 ? "met" : "missed"));
            if (p99 != null)
                out.add(new Check(sc, "... p99 < 20 ms", Results.fmt(p99.median()) + " ms", p99.median() < 20 ? "met" : "missed"));
            Results.Row b50 = r.find(sc, "who depends on X / what X depends on: p50", "ARQ path via plain Fuseki");
            Results.Row b99 = r.find(sc, "who depends on X / what X depends on: p99", "ARQ path via plain Fuseki");
            Results.Row bDnf = r.findNote(sc, "who depends on X", "ARQ path via plain Fuseki");
            if (p50 != null && b50 != null) {
                double f50 = b50.median() / p50.median(), f99 = b99 == null ? Double.NaN : b99.median() / p99.median();
                out.add(new Check(sc, "... >= 10x faster than the ARQ property path on the same store",
                        String.format(Locale.ROOT, "p50 %.0fx, p99 %.0fx%s", f50, f99, bDnf != null ? " (" + bDnf.note() + ")" : ""),
                        f50 >= 10 && (Double.isNaN(f99) || f99 >= 10) ? "met" : "missed"));
            } else if (p50 != null && bDnf != null) {
                out.add(new Check(sc, "... >= 10x faster than the ARQ property path on the same store", bDnf.note(), "met (baseline did not finish)"));
            }
            allPairs(r, sc, out);
            Results.Row all = r.findPrefix(sc, "all pairs on all cores", "ours");
            Results.Row arqAll = r.find(sc, "all pairs", "ARQ path");
            Results.Row arqDnf = r.findNote(sc, "arq-all", "ARQ path");
            if (all != null && arqAll != null) {
                double f = arqAll.median() / all.median();
                out.add(new Check(sc, "all-pairs count >= 10x faster than ARQ's all-pairs path",
                        String.format(Locale.ROOT, "%.0fx (%s s vs %s s)", f, Results.fmt(arqAll.median()), Results.fmt(all.median())),
                        f >= 10 ? "met" : "missed"));
            } else if (all != null && arqDnf != null) {
                out.add(new Check(sc, "all-pairs count >= 10x faster than ARQ's all-pairs path", arqDnf.note(), "met (baseline did not finish)"));
            }
            LoadTargets.evaluate(r, sc, out);
            WhatIfTargets.evaluate(r, sc, out);
        }
        Results.Row heap = r.find("curated", "peak heap, server", "ours"), ready = r.find("curated", "server start to ready", "ours");
        if (heap != null)
            out.add(new Check("curated", "served within a 256 MB heap (-Xmx256m)", Results.fmt(heap.median()) + " MB peak heap in use",
                    heap.median() <= 256 ? "met" : "missed"));
        if (ready != null)
            out.add(new Check("curated", "start to ready under 3 s from a built store", Results.fmt(ready.median()) + " s",
                    ready.median() < 3 ? "met" : "missed"));
        LoadTargets.growth(r, generated, out);
        return out;
    }

    /** Our all-pairs count against the int-array BFS bound on the same number of threads: one, and every core. */
    static void allPairs(Results r, String sc, List<Check> out) {
        for (String prefix : List.of("all pairs on 1 thread", "all pairs on all cores")) {
            Results.Row all = r.findPrefix(sc, prefix, "ours"), bound = r.findPrefix(sc, prefix, ReasoningBench.BOUND);
            if (all == null || bound == null) continue;
            double ratio = all.median() / bound.median();
            out.add(new Check(sc, "all-pairs count <= 2x the int-array BFS bound, both on " + all.measure().substring("all pairs on ".length()),
                    String.format(Locale.ROOT, "%s s vs %s s = %.2fx", Results.fmt(all.median()), Results.fmt(bound.median()), ratio),
                    ratio <= 2 ? "met" : "missed"));
        }
    }

    static void print(Results r, PrintStream out) {
        out.println();
        out.println("### Targets");
        out.println();
        out.println("| scale | target | measured | verdict |");
        out.println("|---|---|---|---|");
        for (Check c : evaluate(r))
            out.printf("| %s | %s | %s | %s |%n", c.scale(), c.target(), c.measured(), c.verdict());
    }
}
