package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Timeouts;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.reason.Deadline;
import org.w3id.chipgraph.reason.DependencyReports;
import org.w3id.chipgraph.reason.VersionAnalyses;

/**
 * {@code /api/explain?from=A&to=B}, {@code /api/impact?remove=X[&remove=Y][&asOf=D]} and
 * {@code /api/chokepoints[?top=N]}: JSON by default, CSV when the client asks for text/csv.
 * Entity arguments as DESIGN.md says; an unknown or ambiguous name is a 404 or 400 listing
 * the candidates.
 */
public final class DependencyApiServlet extends HttpServlet {
    enum Kind { EXPLAIN, IMPACT, CHOKEPOINTS }

    private static final AcceptList OFFERED = AcceptList.create("application/json", "text/csv");

    private final Kind kind;

    public DependencyApiServlet(Kind kind) {
        this.kind = kind;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        MediaType type = accept == null ? null : AcceptList.match(new AcceptList(accept), OFFERED);
        boolean csv = type != null && "text/csv".equals(type.getContentTypeStr());
        JsonObject result;
        try {
            DatasetGraph dsg = dataset();
            Deadline deadline = Deadline.in(Timeouts.extractQueryTimeout(dsg.getContext()).overallTimeoutMillis());
            DependencyReports reports = VersionAnalyses.of(dsg, deadline);
            result = switch (kind) {
                case EXPLAIN -> reports.explain(required(req, "from"), required(req, "to"));
                case IMPACT -> reports.impact(requiredAll(req, "remove"), date(req.getParameter("asOf")), deadline);
                case CHOKEPOINTS -> reports.chokepoints(integer(req.getParameter("top"), 15));
            };
        } catch (EntityResolver.UnresolvedEntity e) {
            error(resp, e.candidates.isEmpty() ? 404 : 400, e.getMessage(), e.candidates);
            return;
        } catch (IllegalArgumentException e) {
            error(resp, 400, e.getMessage(), List.of());
            return;
        } catch (Deadline.Exceeded e) {
            error(resp, 503, e.getMessage(), List.of());
            return;
        } catch (QueryCancelledException e) {
            // A query of the report itself (resolving a name, reading the graph) passed the timeout.
            error(resp, 503, "The analysis took longer than the time limit (the server's query timeout)", List.of());
            return;
        }
        resp.setStatus(200);
        resp.setHeader("Vary", "Accept");
        if (csv) {
            resp.setContentType("text/csv;charset=utf-8");
            writeCsv(resp.getWriter(), result);
        } else {
            resp.setContentType("application/json;charset=utf-8");
            resp.getWriter().println(result.toString());
        }
    }

    private DatasetGraph dataset() {
        return DataAccessPointRegistry.get(getServletContext()).get(ServerOptions.DATASET).getDataService().getDataset();
    }

    private static String required(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank())
            throw new IllegalArgumentException("Missing parameter '" + name + "'");
        return v;
    }

    /** The most entities one what-if may remove: each costs a pass over the dependency graph. */
    static final int MAX_REMOVED = 50;

    private static List<String> requiredAll(HttpServletRequest req, String name) {
        String[] v = req.getParameterValues(name);
        if (v == null || v.length == 0)
            throw new IllegalArgumentException("Missing parameter '" + name + "' (an entity, or country:ISO3)");
        List<String> distinct = List.copyOf(new LinkedHashSet<>(Arrays.asList(v)));
        if (distinct.size() > MAX_REMOVED)
            throw new IllegalArgumentException("At most " + MAX_REMOVED + " different '" + name + "' values at once, not " + distinct.size());
        return distinct;
    }

    private static LocalDate date(String v) {
        if (v == null || v.isBlank())
            return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("asOf must be a date YYYY-MM-DD, got '" + v + "'");
        }
    }

    private static int integer(String v, int dflt) {
        if (v == null || v.isBlank())
            return dflt;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("top must be a whole number, got '" + v + "'");
        }
    }

    private static void error(HttpServletResponse resp, int status, String message, List<String> candidates) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json;charset=utf-8");
        JsonObject o = new JsonObject();
        o.put("error", message);
        if (!candidates.isEmpty()) {
            JsonArray c = new JsonArray();
            candidates.forEach(c::add);
            o.put("candidates", c);
        }
        resp.getWriter().println(o.toString());
    }

    /** The same answers flattened to rows, one table per kind. */
    private void writeCsv(PrintWriter w, JsonObject r) {
        List<List<String>> rows = new ArrayList<>();
        switch (kind) {
            case EXPLAIN -> {
                rows.add(List.of("chain", "step", "from", "property", "to", "sources"));
                int c = 0;
                for (JsonValue chain : r.get("chains").getAsArray()) {
                    c++;
                    int s = 0;
                    for (JsonValue step : chain.getAsArray()) {
                        JsonObject o = step.getAsObject();
                        List<String> titles = new ArrayList<>();
                        o.get("sources").getAsArray().forEach(src -> titles.add(src.getAsObject().get("title").getAsString().value()));
                        rows.add(List.of(Integer.toString(c), Integer.toString(++s), str(o, "fromLabel"), str(o, "propertyLabel"),
                                str(o, "toLabel"), String.join("; ", titles)));
                    }
                }
            }
            case IMPACT -> {
                rows.add(List.of("entity", "iri", "effect", "need", "lost"));
                for (JsonValue v : r.get("losesEveryPath").getAsArray()) {
                    JsonObject o = v.getAsObject();
                    rows.add(List.of(str(o, "label"), str(o, "iri"), "loses every path", str(o, "need"), joined(o.get("lost").getAsArray())));
                }
                for (JsonValue v : r.get("losesSomePaths").getAsArray()) {
                    JsonObject o = v.getAsObject();
                    rows.add(List.of(str(o, "label"), str(o, "iri"), "loses some paths", "", joined(o.get("lost").getAsArray())));
                }
            }
            case CHOKEPOINTS -> {
                rows.add(List.of("entity", "iri", "wouldFail", "wouldLoseSome"));
                for (JsonValue v : r.get("ranking").getAsArray()) {
                    JsonObject o = v.getAsObject();
                    rows.add(List.of(str(o, "label"), str(o, "iri"), o.get("wouldFail").getAsNumber().value().toString(),
                            o.get("wouldLoseSome").getAsNumber().value().toString()));
                }
            }
        }
        for (List<String> row : rows)
            w.print(String.join(",", row.stream().map(DependencyApiServlet::csvField).toList()) + "\r\n");
        w.flush();
    }

    private static String str(JsonObject o, String k) { return o.get(k).getAsString().value(); }

    private static String joined(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.getAsString().value()));
        return String.join("; ", out);
    }

    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
