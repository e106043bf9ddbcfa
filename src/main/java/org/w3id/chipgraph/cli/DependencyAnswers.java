package org.w3id.chipgraph.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.web.ReportJson;

/**
 * explain, impact and chokepoints as JSON reports: from a chipgraph server's /api/ when the
 * answers come from a server (it keeps the dependency graph loaded; building it over SPARQL
 * would fetch every edge), else computed here from the store or a plain SPARQL endpoint.
 */
final class DependencyAnswers {
    private DependencyAnswers() {}

    static JsonObject explain(GraphAccess g, String from, String to) {
        return fromServer(g, "explain", List.of(Map.entry("from", from), Map.entry("to", to)))
                .orElseGet(() -> ReportJson.explain(g.reports().explain(from, to)));
    }

    static JsonObject impact(GraphAccess g, List<String> remove, LocalDate asOf, int limit) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        remove.forEach(x -> params.add(Map.entry("remove", x)));
        if (asOf != null)
            params.add(Map.entry("asOf", asOf.toString()));
        params.add(Map.entry("limit", Integer.toString(limit)));
        return fromServer(g, "impact", params)
                .orElseGet(() -> ReportJson.impact(g.reports().impact(remove, asOf, Deadline.NONE, limit)));
    }

    static JsonObject chokepoints(GraphAccess g, int top) {
        return fromServer(g, "chokepoints", List.of(Map.entry("top", Integer.toString(top))))
                .orElseGet(() -> ReportJson.chokepoints(g.reports().chokepoints(top)));
    }

    private static Optional<JsonObject> fromServer(GraphAccess g, String api, List<Map.Entry<String, String>> params) {
        if (g.endpoint() == null)
            return Optional.empty();
        return ServerApi.baseOf(g.endpoint()).flatMap(base -> ServerApi.get(base, api, params));
    }
}
