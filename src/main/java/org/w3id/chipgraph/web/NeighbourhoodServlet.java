package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.chipgraph.query.EntityResolver;
import org.w3id.chipgraph.query.QueryRunner;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * {@code /api/neighbourhood?entity=X[&depth=2]}: the dependency neighbourhood of an entity
 * (what it depends on and what depends on it, up to depth steps each way) as nodes and typed
 * edges, each edge marked asserted or inferred. JSON by default (what the entity page draws),
 * CSV of the edges by Accept.
 */
final class NeighbourhoodServlet extends HttpServlet {
    static final int DEFAULT_DEPTH = 2, MAX_DEPTH = 6;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        DatasetGraph dsg = Served.dataset(getServletContext());
        String root;
        int depth;
        try {
            String arg = req.getParameter("entity");
            if (arg == null || arg.isBlank())
                throw new IllegalArgumentException("Missing parameter 'entity' (an IRI, a local name under /id/, or a label)");
            depth = depth(req.getParameter("depth"));
            root = new EntityResolver(q -> QueryRunner.select(dsg, q, Map.of())).resolve(arg);
        } catch (EntityResolver.UnresolvedEntity e) {
            Served.jsonError(resp, e.candidates.isEmpty() ? 404 : 400, e.getMessage(), e.candidates);
            return;
        } catch (IllegalArgumentException e) {
            Served.jsonError(resp, 400, e.getMessage(), List.of());
            return;
        }
        DependencyEdges edges = DependencyEdges.of(dsg);
        DependencyEdges.Neighbourhood n = edges.around(root, depth);
        LabelIndex labels = LabelIndex.of(dsg);
        resp.setHeader("Vary", "Accept");
        PrintWriter w;
        if (Served.wantsCsv(req)) {
            resp.setContentType("text/csv;charset=utf-8");
            w = resp.getWriter();
            w.print(Served.csvRow(List.of("source", "sourceLabel", "property", "propertyLabel", "target", "targetLabel", "inferred")));
            for (DependencyEdges.Edge e : n.edges())
                w.print(Served.csvRow(List.of(e.from(), labels.label(e.from()), e.property(), edges.propertyLabel(e.property()),
                        e.to(), labels.label(e.to()), Boolean.toString(e.inferred()))));
        } else {
            resp.setContentType("application/json;charset=utf-8");
            w = resp.getWriter();
            JsonObject o = json(n, edges, labels);
            // The country of each node, for grouping a large picture by country.
            var countries = NodeCountries.of(dsg, n.levels().keySet(), labels);
            o.get("nodes").getAsArray().forEach(x -> {
                String c = countries.get(x.getAsObject().getString("id"));
                if (c != null)
                    x.getAsObject().put("country", c);
            });
            w.println(o.toString());
        }
        w.flush();
    }

    static int depth(String v) {
        if (v == null || v.isBlank())
            return DEFAULT_DEPTH;
        try {
            int d = Integer.parseInt(v.strip());
            if (d >= 1 && d <= MAX_DEPTH)
                return d;
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException("depth must be a whole number from 1 to " + MAX_DEPTH + ", got '" + v + "'");
    }

    static JsonObject json(DependencyEdges.Neighbourhood n, DependencyEdges edges, LabelIndex labels) {
        JsonObject o = new JsonObject();
        o.put("entity", n.root());
        o.put("depth", n.depth());
        JsonArray nodes = new JsonArray();
        n.levels().forEach((iri, level) -> {
            JsonObject x = new JsonObject();
            x.put("id", iri);
            x.put("label", labels.label(iri));
            x.put("type", labels.typeLabel(iri));
            x.put("level", level);
            String href = Html.entityHref(iri);
            if (href != null)
                x.put("page", href);
            nodes.add(x);
        });
        o.put("nodes", nodes);
        JsonArray es = new JsonArray();
        TreeSet<String> used = new TreeSet<>();
        int i = 0;
        for (DependencyEdges.Edge e : n.edges()) {
            JsonObject x = new JsonObject();
            x.put("id", "e" + (i++));
            x.put("source", e.from());
            x.put("target", e.to());
            x.put("property", e.property());
            x.put("label", edges.propertyLabel(e.property()));
            x.put("inferred", e.inferred());
            used.add(e.property());
            es.add(x);
        }
        o.put("edges", es);
        JsonArray props = new JsonArray();
        for (String p : used) {
            JsonObject x = new JsonObject();
            x.put("property", p);
            x.put("label", edges.propertyLabel(p));
            props.add(x);
        }
        o.put("properties", props);
        return o;
    }
}
