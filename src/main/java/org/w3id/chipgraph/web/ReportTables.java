package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;

import org.w3id.chipgraph.reason.DependencyGraph;
import org.w3id.chipgraph.reason.Reports;

/** The dependency reports flattened to CSV rows, one table per report, from the reports' data. */
final class ReportTables {
    static final List<String> EXPLAIN_HEADER = List.of("chain", "step", "from", "property", "to", "sources");
    static final List<String> IMPACT_HEADER = List.of("entity", "iri", "effect", "need", "lost");
    static final List<String> CHOKEPOINTS_HEADER = List.of("entity", "iri", "wouldFail", "wouldLoseSome");

    private ReportTables() {}

    static List<List<String>> explain(Reports.Explanation r) {
        List<List<String>> rows = new ArrayList<>();
        int c = 0;
        for (List<Reports.Step> chain : r.chains()) {
            c++;
            int s = 0;
            for (Reports.Step step : chain)
                rows.add(List.of(Integer.toString(c), Integer.toString(++s), step.from().label(), step.propertyLabel(),
                        step.to().label(), String.join("; ", step.sources().stream().map(DependencyGraph.Source::title).toList())));
        }
        return rows;
    }

    static List<List<String>> impact(Reports.Impact r) {
        List<List<String>> rows = new ArrayList<>();
        for (Reports.Affected a : r.losesEveryPath())
            rows.add(List.of(a.entity().label(), a.entity().iri(), "loses every path", a.need(), String.join("; ", a.lost())));
        for (Reports.Affected a : r.losesSomePaths())
            rows.add(List.of(a.entity().label(), a.entity().iri(), "loses some paths", "", String.join("; ", a.lost())));
        return rows;
    }

    static List<List<String>> chokepoints(Reports.ChokepointReport r) {
        return r.ranking().stream().map(x -> List.of(x.entity().label(), x.entity().iri(), Integer.toString(x.wouldFail()),
                Integer.toString(x.wouldLoseSome()))).toList();
    }
}
