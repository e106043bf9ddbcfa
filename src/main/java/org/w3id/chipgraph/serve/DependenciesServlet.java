package org.w3id.chipgraph.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.reason.DependencyFunctions;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * {@code /api/dependencies?of=X[&limit=100]}: what X depends on, directly or through a chain;
 * {@code /api/dependents?of=X[&limit=100]}: who depends on X. Both answer with the number of
 * answers and the first {@code limit} of them (nearest first), from the dependency index the
 * loader built: the same pairs as cg:dependsOn / cgf:dependsOn. JSON by default, CSV (one IRI
 * and its label a row, the count in the {@code X-Total-Count} header) when the client asks for
 * text/csv. The JSON lists the answers as IRIs ({@code answers}) and with their labels ({@code labelled}).
 * {@code of} is an entity argument as DESIGN.md says (IRI, local name or exact label).
 */
public final class DependenciesServlet extends HttpServlet {
    public enum Direction { DEPENDENCIES, DEPENDENTS }

    private static final AcceptList OFFERED = AcceptList.create("application/json", "text/csv");
    static final int DEFAULT_LIMIT = 100, MAX_LIMIT = 10_000;

    private final Direction direction;

    public DependenciesServlet(Direction direction) {
        this.direction = direction;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String accept = req.getHeader("Accept");
        MediaType type = accept == null ? null : AcceptList.match(new AcceptList(accept), OFFERED);
        boolean csv = type != null && "text/csv".equals(type.getContentTypeStr());
        String of = req.getParameter("of");
        if (of == null || of.isBlank()) {
            error(resp, 400, "Missing parameter 'of' (an entity: IRI, local name or label)", List.of());
            return;
        }
        int limit;
        try {
            String l = req.getParameter("limit");
            limit = l == null || l.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(l.strip());
            if (limit < 0 || limit > MAX_LIMIT)
                throw new NumberFormatException();
        } catch (NumberFormatException e) {
            error(resp, 400, "limit must be a whole number from 0 to " + MAX_LIMIT, List.of());
            return;
        }
        DatasetGraph dsg = DataAccessPointRegistry.get(getServletContext()).get(ServerOptions.DATASET).getDataService().getDataset();
        DependencyIndex index = DependencyFunctions.indexOf(dsg);
        String iri;
        try {
            iri = resolve(of, index, dsg);
        } catch (EntityResolver.UnresolvedEntity e) {
            error(resp, e.candidates.isEmpty() ? 404 : 400, e.getMessage(), e.candidates);
            return;
        }
        Integer node = index.idOf(iri);
        boolean forward = direction == Direction.DEPENDENCIES;
        // The count is kept in the index; only the answers shown are walked to.
        int count = node == null ? 0 : index.reachCount(node, forward);
        int[] answers = node == null ? new int[0] : index.first(node, forward, limit);
        int shown = answers.length;
        resp.setStatus(200);
        resp.setHeader("Vary", "Accept");
        resp.setHeader("X-Total-Count", Integer.toString(count));
        if (csv) {
            resp.setContentType("text/csv;charset=utf-8");
            PrintWriter w = resp.getWriter();
            w.print("iri,label\r\n");
            for (int i = 0; i < shown; i++)
                w.print(index.iri(answers[i]) + "," + csvField(labels(dsg).label(index.iri(answers[i]))) + "\r\n");
            w.flush();
            return;
        }
        JsonObject o = new JsonObject();
        o.put("entity", iri);
        o.put("entityLabel", labels(dsg).label(iri));
        o.put("question", direction == Direction.DEPENDENCIES ? "what it depends on" : "who depends on it");
        o.put("count", count);
        o.put("limit", limit);
        JsonArray a = new JsonArray();
        for (int i = 0; i < shown; i++)
            a.add(index.iri(answers[i]));
        o.put("answers", a);
        // The same answers with their labels, for readers of the JSON.
        JsonArray labelled = new JsonArray();
        for (int i = 0; i < shown; i++) {
            JsonObject x = new JsonObject();
            x.put("iri", index.iri(answers[i]));
            x.put("label", labels(dsg).label(index.iri(answers[i])));
            labelled.add(x);
        }
        o.put("labelled", labelled);
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().println(o.toString());
    }

    /** An IRI or local name the index knows needs no query; anything else goes to the resolver. */
    static String resolve(String arg, DependencyIndex index, DatasetGraph dsg) {
        String a = arg.strip();
        if (a.startsWith("<") && a.endsWith(">"))
            a = a.substring(1, a.length() - 1);
        if (index.idOf(a) != null)
            return a;
        String local = a.startsWith("id:") ? a.substring(3) : a;
        if (index.idOf(Chipgraph.ID + local) != null)
            return Chipgraph.ID + local;
        return new EntityResolver(q -> QueryRunner.select(dsg, q, Map.of())).resolve(arg);
    }

    private static LabelIndex labels(DatasetGraph dsg) {
        return LabelIndex.of(dsg);
    }

    private static String csvField(String v) {
        return "\"" + v.replace("\"", "\"\"") + "\"";
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
}
