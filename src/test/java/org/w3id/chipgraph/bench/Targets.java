package org.w3id.chipgraph.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The targets of issue 7, checked against a run's figures (README, 'Performance'). */
final class Targets {
    private Targets() {}

    record Check(String scale, String target, String measured, String verdict) {}

    static List<Check> evaluate(Results r) {
        List<Check> out = new ArrayList<>();
        List<String> generated = r.scales().stream().filter(s -> !s.equals("curated")).toList();
        for (String sc : generated) {
            Results.Row write = r.find(sc, "write phase throughput", "ours");
            Results.Row whole = r.find(sc, "whole load (ours)", "ours");
            Results.Row par = r.find(sc, "TDB2 parallel throughput", "jena"), pha = r.find(sc, "TDB2 phased throughput", "jena");
            Results.Row parS = r.find(sc, "TDB2 parallel bulk loader", "jena"), phaS = r.find(sc, "TDB2 phased bulk loader", "jena");
            if (write != null && par != null && pha != null) {
                double best = Math.max(par.median(), pha.median());
                double ratio = write.median() / best;
                out.add(new Check(sc, "write phase >= 0.9x the fastest TDB2 bulk loader (quads/s)",
                        String.format(Locale.ROOT, "%s vs %s quads/s = %.2fx", Results.fmt(write.median()), Results.fmt(best), ratio),
                        ratio >= 0.9 ? "met" : "missed"));
            }
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
            Results.Row all = r.find(sc, "all pairs", "ours"), bound = r.find(sc, "all pairs: int-array BFS bound", "bound");
            if (all != null && bound != null) {
                double ratio = all.median() / bound.median();
                out.add(new Check(sc, "all-pairs count <= 2x the int-array BFS bound",
                        String.format(Locale.ROOT, "%s s vs %s s = %.2fx", Results.fmt(all.median()), Results.fmt(bound.median()), ratio),
                        ratio <= 2 ? "met" : "missed"));
            }
            WhatIfTargets.evaluate(r, sc, out);
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
        }
        Results.Row heap = r.find("curated", "peak heap, server", "ours"), ready = r.find("curated", "server start to ready", "ours");
        if (heap != null)
            out.add(new Check("curated", "served within a 256 MB heap (-Xmx256m)", Results.fmt(heap.median()) + " MB peak heap in use",
                    heap.median() <= 256 ? "met" : "missed"));
        if (ready != null)
            out.add(new Check("curated", "start to ready under 3 s from a built store", Results.fmt(ready.median()) + " s",
                    ready.median() < 3 ? "met" : "missed"));
        if (generated.size() >= 2) {
            String a = generated.get(0), b = generated.get(generated.size() - 1);
            growth(r, out, a, b, "whole load (ours)", "direct dependency edges", "whole load time per edge");
            growth(r, out, a, b, "  phase: writing a new store version", "direct dependency edges", "store writing time per edge");
            growth(r, out, a, b, "  phase: reasoning (its own time)", "direct dependency edges", "reasoning (rules, index build) time per edge");
            growth(r, out, a, b, "  phase: dependency index (in reasoning)", "direct dependency edges", "index build time per edge");
        }
        return out;
    }

    static void growth(Results r, List<Check> out, String a, String b, String measure, String per, String what) {
        Results.Row ta = r.find(a, measure, "ours"), tb = r.find(b, measure, "ours");
        Results.Row na = r.find(a, per, "generator"), nb = r.find(b, per, "generator");
        if (ta == null || tb == null || na == null || nb == null) return;
        double ratio = (tb.median() / nb.median()) / (ta.median() / na.median());
        out.add(new Check(a + " -> " + b, "cost grows no faster than linearly: " + what,
                String.format(Locale.ROOT, "%.2fx the per-unit cost (size x%.0f, time x%.1f)", ratio, nb.median() / na.median(),
                        tb.median() / ta.median()), ratio <= 1.2 ? "met" : "missed"));
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
