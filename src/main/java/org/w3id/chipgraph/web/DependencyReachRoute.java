package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.Chipgraph;
import org.w3id.chipgraph.reason.DependencyIndex;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * What an entity reaches along dependencies, from the dependency index the loader built (the
 * same pairs as cg:dependsOn / cgf:dependsOn): {@code /api/dependencies?of=X[&limit=100]} what X
 * depends on, directly or through a chain; {@code /api/dependents?of=X[&limit=100]} who depends on
 * X. The number of answers and the first {@code limit} of them, nearest first. JSON by default,
 * CSV (one IRI a row, the count in the {@code X-Total-Count} header) by Accept.
 */
record DependencyReachRoute(Direction direction) implements Route {
    enum Direction { DEPENDENCIES, DEPENDENTS }

    static final int DEFAULT_LIMIT = 100, MAX_LIMIT = 10_000;

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String of = Params.required(req, "of", "an entity: IRI, local name or label");
        int limit = Params.integer(req, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        DependencyIndex index = store.dependencyIndex();
        String iri = resolve(of, index, store);
        Integer node = index.idOf(iri);
        boolean forward = direction == Direction.DEPENDENCIES;
        // The count is kept in the index; only the answers shown are walked to.
        int count = node == null ? 0 : index.reachCount(node, forward);
        int[] answers = node == null ? new int[0] : index.first(node, forward, limit);
        List<String> iris = new ArrayList<>();
        for (int a : answers)
            iris.add(index.iri(a));
        resp.setHeader("X-Total-Count", Integer.toString(count));
        LabelIndex labels = store.labels();
        if (Responses.wantsCsv(req)) {
            Responses.csv(resp, List.of("iri", "label"), iris.stream().map(i -> List.of(i, labels.label(i))).toList());
            return;
        }
        JsonObject o = new JsonObject();
        o.put("entity", iri);
        o.put("entityLabel", labels.label(iri));
        o.put("question", forward ? "what it depends on" : "who depends on it");
        o.put("count", count);
        o.put("limit", limit);
        o.put("answers", Json.strings(iris));
        // The same answers with their labels, for readers of the JSON.
        o.put("labelled", Json.array(iris, i -> Json.object("iri", i, "label", labels.label(i))));
        Responses.json(resp, o);
    }

    /** An IRI or local name the index knows needs no query; anything else goes to the resolver. */
    static String resolve(String arg, DependencyIndex index, StoreContext store) {
        String a = arg.strip();
        if (a.startsWith("<") && a.endsWith(">"))
            a = a.substring(1, a.length() - 1);
        if (index.idOf(a) != null)
            return a;
        String local = a.startsWith("id:") ? a.substring(3) : a;
        if (index.idOf(Chipgraph.ID + local) != null)
            return Chipgraph.ID + local;
        return store.resolver().resolve(arg);
    }
}
