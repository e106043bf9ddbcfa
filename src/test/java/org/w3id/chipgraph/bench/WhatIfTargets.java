package org.w3id.chipgraph.bench;

import java.util.List;
import java.util.Locale;

/** The what-if targets of issue 17 at one scale, from {@link WhatIfBench}'s figures. */
final class WhatIfTargets {
    private WhatIfTargets() {}

    static void evaluate(Results r, String sc, List<Targets.Check> out) {
        Results.Row p50 = r.find(sc, "/api/impact?remove=X p50", "ours"), p99 = r.find(sc, "/api/impact?remove=X p99", "ours");
        if (p50 != null)
            out.add(new Targets.Check(sc, "/api/impact?remove=X over 100 entities incl. the 10 largest hubs: p50 < 50 ms",
                    Results.fmt(p50.median()) + " ms", p50.median() < 50 ? "met" : "missed"));
        if (p99 != null)
            out.add(new Targets.Check(sc, "... p99 < 500 ms", Results.fmt(p99.median()) + " ms", p99.median() < 500 ? "met" : "missed"));
        Results.Row rank = r.find(sc, "chokepoint ranking, every entity", "ours");
        Results.Row old = r.find(sc, "chokepoint ranking, every entity", "per-removal recomputation");
        if (rank != null)
            out.add(new Targets.Check(sc, "full chokepoint ranking under 60 s", String.format(Locale.ROOT, "%s s%s",
                    Results.fmt(rank.median()), old == null ? "" : " (per-removal recomputation " + Results.fmt(old.median()) + " s)"),
                    rank.median() < 60 ? "met" : "missed"));
        Results.Row r4 = r.find(sc, "r4-what-if-removed, removed = a hub: p99", "ours");
        if (r4 != null)
            out.add(new Targets.Check(sc, "r4-what-if-removed answers within the server's timeout",
                    "p99 " + Results.fmt(r4.median()) + " ms (a hub removed)", r4.median() < 30_000 ? "met" : "missed"));
        Results.Row hub = r.find(sc, "COUNT ?x cg:dependsOn HUB: p50", "ours");
        if (hub != null)
            out.add(new Targets.Check(sc, "COUNT of ?x cg:dependsOn HUB: p50 < 50 ms", Results.fmt(hub.median()) + " ms",
                    hub.median() < 50 ? "met" : "missed"));
    }
}
