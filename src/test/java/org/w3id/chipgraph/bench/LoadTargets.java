package org.w3id.chipgraph.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The load targets of issue 17 ({@link LoadBench}'s figures) and the growth checks between scales. */
final class LoadTargets {
    private LoadTargets() {}

    static void evaluate(Results r, String sc, List<Targets.Check> out) {
        Results.Row limit = r.find(sc, "heap limit of our loader", "ours"), whole = r.find(sc, "whole load (ours)", "ours");
        Results.Row failed = r.findNote(sc, "whole load (ours)", "ours");
        if (limit != null || failed != null) {
            String xmx = limit != null ? limit.note() : "-Xmx" + failed.note().replaceAll("^failed with -Xmx(\\S+):.*", "$1");
            if (whole != null)
                out.add(new Targets.Check(sc, "loads with " + xmx, String.format(Locale.ROOT, "%s s, %s quads, peak heap %s MB",
                        Results.fmt(whole.median()), Results.fmt(quads(r, sc)), Results.fmt(peak(r, sc))), "met"));
            else if (failed != null)
                out.add(new Targets.Check(sc, "loads with " + xmx, failed.note(), "missed"));
        }
        // Our parse alone, run as often as riot's, when the run has it; else the load's parse step.
        Results.Row alone = r.find(sc, LoadBench.PARSING_ALONE, "ours");
        Results.Row ours = alone != null ? alone : r.find(sc, LoadBench.PARSING, "ours"), riot = r.find(sc, LoadBench.RIOT, "jena");
        if (ours != null && riot != null) {
            double ratio = ours.median() / riot.median();
            out.add(new Targets.Check(sc, "parsing within 1.3x of riot --count (the same files, same run)",
                    String.format(Locale.ROOT, "%s s vs %s s = %.2fx", Results.fmt(ours.median()), Results.fmt(riot.median()), ratio),
                    ratio <= 1.3 ? "met" : "missed"));
        }
    }

    private static double quads(Results r, String sc) {
        Results.Row q = r.find(sc, "quads written", "ours");
        return q == null ? Double.NaN : q.median();
    }

    private static double peak(Results r, String sc) {
        Results.Row p = r.find(sc, "peak heap, load", "ours");
        return p == null ? Double.NaN : p.median();
    }

    /** Growth between every two consecutive generated scales, and between the first and the last when more than two. */
    static void growth(Results r, List<String> generated, List<Targets.Check> out) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < generated.size(); i++) pairs.add(List.of(generated.get(i), generated.get(i + 1)));
        if (generated.size() > 2) pairs.add(List.of(generated.get(0), generated.get(generated.size() - 1)));
        for (List<String> p : pairs) {
            String a = p.get(0), b = p.get(1);
            String differs = differentWork(r, a, b);
            if (differs != null) {
                out.add(new Targets.Check(a + " -> " + b, "cost grows no faster than linearly", "-", "not compared (" + differs + ")"));
                continue;
            }
            growth(r, out, a, b, "whole load (ours)", "whole load time per edge");
            growth(r, out, a, b, "  phase: " + LoadBench.STORE_WRITING, "store writing time per edge");
            growth(r, out, a, b, "  phase: reasoning (its own time)", "reasoning (rules, index build) time per edge");
            indexGrowth(r, out, a, b);
        }
    }

    /** Why scales a and b do not do the same work (one materializes the closure, the other not), or null if they do. */
    static String differentWork(Results r, String a, String b) {
        Results.Row ca = r.find(a, "closure materialized", "ours"), cb = r.find(b, "closure materialized", "ours");
        if (ca == null || cb == null)
            return "unknown whether scale " + (ca == null ? a : b) + " materialized the closure";
        if ((ca.median() > 0) == (cb.median() > 0))
            return null;
        return ca.median() > 0 ? "scale " + a + " materializes the closure, scale " + b + " does not"
                : "scale " + b + " materializes the closure, scale " + a + " does not";
    }

    static final String INDEX_BUILD = "  phase: dependency index (in reasoning)", INDEX_PAIRS = "dependency pairs counted by the index";

    /**
     * The index build counts every node's dependency pairs both ways: its work follows the pairs,
     * and the pairs do not grow as the edges do (about 20x for 10x the edges from scale 1 to 10).
     * Per edge the two scales do not do the same work, so the build is compared per pair, and per
     * edge only when the pairs per edge are the same (within 20 %).
     */
    static void indexGrowth(Results r, List<Targets.Check> out, String a, String b) {
        Results.Row pa = r.find(a, INDEX_PAIRS, "ours"), pb = r.find(b, INDEX_PAIRS, "ours");
        Results.Row ea = r.find(a, "direct dependency edges", "generator"), eb = r.find(b, "direct dependency edges", "generator");
        if (pa == null || pb == null || ea == null || eb == null) {
            growth(r, out, a, b, INDEX_BUILD, "index build time per edge");
            return;
        }
        double pairsPerEdge = (pb.median() / eb.median()) / (pa.median() / ea.median());
        if (pairsPerEdge > 1.2 || pairsPerEdge < 1 / 1.2)
            out.add(new Targets.Check(a + " -> " + b, "cost grows no faster than linearly: index build time per edge", "-",
                    String.format(Locale.ROOT, "not compared (the pairs per edge change %.2fx: %.1fx the pairs for %.0fx the edges; "
                            + "compared per pair)", pairsPerEdge, pb.median() / pa.median(), eb.median() / ea.median())));
        else
            growth(r, out, a, b, INDEX_BUILD, "index build time per edge");
        growth(r, out, a, b, INDEX_BUILD, "index build time per dependency pair", INDEX_PAIRS, "ours");
    }

    static void growth(Results r, List<Targets.Check> out, String a, String b, String measure, String what) {
        growth(r, out, a, b, measure, what, "direct dependency edges", "generator");
    }

    /** Time of {@code measure} per unit of {@code per} (a row of {@code perSystem}) at b against at a. */
    static void growth(Results r, List<Targets.Check> out, String a, String b, String measure, String what, String per, String perSystem) {
        Results.Row ta = r.find(a, measure, "ours"), tb = r.find(b, measure, "ours");
        Results.Row na = r.find(a, per, perSystem), nb = r.find(b, per, perSystem);
        if (ta == null || tb == null || na == null || nb == null) return;
        double ratio = (tb.median() / nb.median()) / (ta.median() / na.median());
        out.add(new Targets.Check(a + " -> " + b, "cost grows no faster than linearly: " + what,
                String.format(Locale.ROOT, "%.2fx the per-unit cost (size x%.0f, time x%.1f)", ratio, nb.median() / na.median(),
                        tb.median() / ta.median()), ratio <= 1.2 ? "met" : "missed"));
    }
}
