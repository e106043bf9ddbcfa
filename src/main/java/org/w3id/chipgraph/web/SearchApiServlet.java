package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
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
final class SearchApiServlet extends HttpServlet {
    static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 100;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q");
        if (q == null || q.isBlank()) {
            Served.jsonError(resp, 400, "Missing parameter 'q': the text to look for, e.g. /api/search?q=엔비디아", List.of());
            return;
        }
        int limit;
        try {
            limit = limit(req.getParameter("limit"));
        } catch (IllegalArgumentException e) {
            Served.jsonError(resp, 400, e.getMessage(), List.of());
            return;
        }
        List<LabelIndex.Hit> hits = LabelIndex.of(Served.dataset(getServletContext())).search(q, limit);
        resp.setHeader("Vary", "Accept");
        PrintWriter w;
        if (Served.wantsCsv(req)) {
            resp.setContentType("text/csv;charset=utf-8");
            w = resp.getWriter();
            w.print(Served.csvRow(List.of("iri", "label", "matched", "lang", "match", "type")));
            for (LabelIndex.Hit h : hits)
                w.print(Served.csvRow(List.of(h.iri(), h.label(), h.matched(), h.lang(), h.match().name().toLowerCase(), h.typeLabel())));
        } else {
            resp.setContentType("application/json;charset=utf-8");
            w = resp.getWriter();
            w.println(json(hits).toString());
        }
        w.flush();
    }

    static int limit(String v) {
        if (v == null || v.isBlank())
            return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1 || n > MAX_LIMIT)
                throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + v + "'");
        }
    }

    static JsonArray json(List<LabelIndex.Hit> hits) {
        JsonArray a = new JsonArray();
        for (LabelIndex.Hit h : hits) {
            JsonObject o = new JsonObject();
            o.put("iri", h.iri());
            o.put("label", h.label());
            o.put("matched", h.matched());
            o.put("lang", h.lang());
            o.put("match", h.match().name().toLowerCase());
            o.put("type", h.typeLabel());
            JsonArray types = new JsonArray();
            h.types().forEach(types::add);
            o.put("types", types);
            String href = Html.entityHref(h.iri());
            if (href != null)
                o.put("page", href);
            a.add(o);
        }
        return a;
    }
}
