package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.w3id.chipgraph.search.LabelIndex;

/**
 * {@code /api/search?q=TEXT[&limit=N]}: entities whose names (labels and other names, any
 * language) match, best first, as a JSON list of {iri, label, matched, lang, match, type};
 * CSV when asked for by Accept.
 */
record SearchApiRoute() implements Route {
    static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 100;

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String q = Params.required(req, "q", "the text to look for, e.g. /api/search?q=엔비디아");
        int limit = Params.integer(req, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<LabelIndex.Hit> hits = store.labels().search(q, limit);
        if (Responses.wantsCsv(req))
            Responses.csv(resp, List.of("iri", "label", "matched", "lang", "match", "type"), hits.stream()
                    .map(h -> List.of(h.iri(), h.label(), h.matched(), h.lang(), h.match().name().toLowerCase(), h.typeLabel()))
                    .toList());
        else
            Responses.json(resp, json(hits));
    }

    static JsonArray json(List<LabelIndex.Hit> hits) {
        return Json.array(hits, h -> {
            JsonObject o = Json.object("iri", h.iri(), "label", h.label(), "matched", h.matched(), "lang", h.lang(),
                    "match", h.match().name().toLowerCase(), "type", h.typeLabel());
            o.put("types", Json.strings(h.types()));
            String href = Links.entityHref(h.iri());
            if (href != null)
                o.put("page", href);
            return o;
        });
    }
}
