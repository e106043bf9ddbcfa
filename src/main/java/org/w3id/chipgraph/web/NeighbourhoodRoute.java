package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * {@code /api/neighbourhood?entity=X[&depth=2]}: the dependency neighbourhood of an entity
 * (what it depends on and what depends on it, up to depth steps each way) as nodes and typed
 * edges, each edge marked asserted or inferred. JSON by default (what the entity page draws),
 * CSV of the edges by Accept.
 */
record NeighbourhoodRoute() implements Route {
    static final int DEFAULT_DEPTH = 2, MAX_DEPTH = 6;

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String arg = Params.required(req, "entity", "an IRI, a local name under /id/, or a label");
        int depth = Params.integer(req, "depth", DEFAULT_DEPTH, 1, MAX_DEPTH);
        String root = store.resolver().resolve(arg);
        DependencyEdges edges = store.edges();
        DependencyEdges.Neighbourhood n = edges.around(root, depth);
        LabelIndex labels = store.labels();
        if (!Responses.wantsCsv(req)) {
            JsonObject o = json(n, edges, labels);
            // The country of each node, for grouping a large picture by country.
            NodeCountries countries = store.countries();
            o.get("nodes").getAsArray().forEach(x -> {
                String c = countries.of(x.getAsObject().getString("id"));
                if (c != null)
                    x.getAsObject().put("country", c);
            });
            Responses.json(resp, o);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (DependencyEdges.Edge e : n.edges())
            rows.add(List.of(e.from(), labels.label(e.from()), e.property(), edges.propertyLabel(e.property()),
                    e.to(), labels.label(e.to()), Boolean.toString(e.inferred())));
        Responses.csv(resp, List.of("source", "sourceLabel", "property", "propertyLabel", "target", "targetLabel", "inferred"), rows);
    }

    static JsonObject json(DependencyEdges.Neighbourhood n, DependencyEdges edges, LabelIndex labels) {
        JsonObject o = new JsonObject();
        o.put("entity", n.root());
        o.put("depth", n.depth());
        o.put("nodes", Json.array(n.levels().entrySet(), node -> {
            String iri = node.getKey();
            JsonObject x = Json.object("id", iri, "label", labels.label(iri), "type", labels.typeLabel(iri));
            x.put("level", node.getValue());
            String href = Links.entityHref(iri);
            if (href != null)
                x.put("page", href);
            return x;
        }));
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
        o.put("properties", Json.array(used, p -> Json.object("property", p, "label", edges.propertyLabel(p))));
        return o;
    }
}
