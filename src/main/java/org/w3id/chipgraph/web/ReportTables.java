package org.w3id.chipgraph.web;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;

/** The dependency reports flattened to CSV rows, one table per report. */
final class ReportTables {
    static final List<String> EXPLAIN_HEADER = List.of("chain", "step", "from", "property", "to", "sources");
    static final List<String> IMPACT_HEADER = List.of("entity", "iri", "effect", "need", "lost");
    static final List<String> CHOKEPOINTS_HEADER = List.of("entity", "iri", "wouldFail", "wouldLoseSome");

    private ReportTables() {}

    static List<List<String>> explain(JsonObject r) {
        List<List<String>> rows = new ArrayList<>();
        int c = 0;
        for (JsonValue chain : r.get("chains").getAsArray()) {
            c++;
            int s = 0;
            for (JsonValue step : chain.getAsArray()) {
                JsonObject o = step.getAsObject();
                List<String> titles = new ArrayList<>();
                o.get("sources").getAsArray().forEach(src -> titles.add(str(src.getAsObject(), "title")));
                rows.add(List.of(Integer.toString(c), Integer.toString(++s), str(o, "fromLabel"), str(o, "propertyLabel"),
                        str(o, "toLabel"), String.join("; ", titles)));
            }
        }
        return rows;
    }

    static List<List<String>> impact(JsonObject r) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonValue v : r.get("losesEveryPath").getAsArray()) {
            JsonObject o = v.getAsObject();
            rows.add(List.of(str(o, "label"), str(o, "iri"), "loses every path", str(o, "need"), joined(o.get("lost").getAsArray())));
        }
        for (JsonValue v : r.get("losesSomePaths").getAsArray()) {
            JsonObject o = v.getAsObject();
            rows.add(List.of(str(o, "label"), str(o, "iri"), "loses some paths", "", joined(o.get("lost").getAsArray())));
        }
        return rows;
    }

    static List<List<String>> chokepoints(JsonObject r) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonValue v : r.get("ranking").getAsArray()) {
            JsonObject o = v.getAsObject();
            rows.add(List.of(str(o, "label"), str(o, "iri"), o.get("wouldFail").getAsNumber().value().toString(),
                    o.get("wouldLoseSome").getAsNumber().value().toString()));
        }
        return rows;
    }

    private static String str(JsonObject o, String k) { return o.get(k).getAsString().value(); }

    private static String joined(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.getAsString().value()));
        return String.join("; ", out);
    }
}
