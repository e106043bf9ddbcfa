package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryCatalog;

/**
 * {@code GET /api/queries}: the catalogue (name, summary, tags, cq, params), JSON or CSV.
 * {@code GET /api/queries/NAME?param=value}: runs that query with its parameters bound as
 * terms, answering SPARQL JSON results (or CSV, TSV, XML by Accept). Unknown query 404; a bad
 * or unknown parameter 400 with a message.
 */
final class QueryApiServlet extends HttpServlet {
    static final AcceptList RESULT_TYPES = AcceptList.create("application/sparql-results+json", "application/json",
            "text/csv", "text/tab-separated-values", "application/sparql-results+xml");

    private final NamedQueries queries;

    QueryApiServlet(Path project) {
        this.queries = new NamedQueries(project);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null || req.getPathInfo().equals("/") ? null : req.getPathInfo().substring(1);
        resp.setHeader("Vary", "Accept");
        if (name == null)
            list(req, resp, queries.catalog());
        else
            run(req, resp, name);
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, QueryCatalog catalog) throws IOException {
        if (Served.wantsCsv(req)) {
            resp.setContentType("text/csv;charset=utf-8");
            PrintWriter w = resp.getWriter();
            w.print(Served.csvRow(List.of("name", "summary", "tags", "cq", "params")));
            for (CatalogQuery q : catalog.queries())
                w.print(Served.csvRow(List.of(q.name(), q.summary(), String.join("; ", q.tags()), q.cq().orElse(""),
                        String.join("; ", q.params().stream().map(p -> "?" + p.var() + " " + p.type()
                                + p.defaultValue().map(d -> " [" + d + "]").orElse("")).toList()))));
            w.flush();
            return;
        }
        JsonArray a = new JsonArray();
        for (CatalogQuery q : catalog.queries())
            a.add(describe(q));
        resp.setContentType("application/json;charset=utf-8");
        resp.getWriter().println(a.toString());
    }

    static JsonObject describe(CatalogQuery q) {
        JsonObject o = new JsonObject();
        o.put("name", q.name());
        o.put("summary", q.summary());
        JsonArray tags = new JsonArray();
        q.tags().forEach(tags::add);
        o.put("tags", tags);
        if (q.cq().isPresent())
            o.put("cq", q.cq().get());
        JsonArray params = new JsonArray();
        for (CatalogQuery.Param p : q.params()) {
            JsonObject x = new JsonObject();
            x.put("name", p.var());
            x.put("type", p.type());
            p.defaultValue().ifPresent(d -> x.put("default", d));
            params.add(x);
        }
        o.put("params", params);
        o.put("results", "/api/queries/" + q.name());
        o.put("page", "/queries/" + q.name());
        return o;
    }

    private void run(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        String type = Served.choose(req, RESULT_TYPES, "application/sparql-results+json");
        if (type == null)
            type = "application/sparql-results+json";
        RowSetRewindable rows;
        try {
            CatalogQuery q = queries.byName(name);
            rows = queries.run(Served.dataset(getServletContext()), q, parameters(req));
        } catch (NamedQueries.UnknownQuery e) {
            Served.jsonError(resp, 404, e.getMessage(), List.of());
            return;
        } catch (IllegalArgumentException e) {
            Served.jsonError(resp, 400, e.getMessage(), List.of());
            return;
        } catch (QueryCancelledException e) {
            Served.jsonError(resp, 503, "Query " + name + " timed out", List.of());
            return;
        }
        ResultSetLang.init();
        var lang = switch (type) {
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            default -> ResultSetLang.RS_JSON;
        };
        resp.setContentType((lang == ResultSetLang.RS_JSON ? "application/sparql-results+json" : type) + ";charset=utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            RowSetWriterRegistry.getFactory(lang).create(lang).write(out, rows, null);
        }
    }

    /** Every request parameter is a query parameter (the query refuses names it does not declare). */
    static Map<String, String> parameters(HttpServletRequest req) {
        Map<String, String> m = new LinkedHashMap<>();
        req.getParameterMap().forEach((k, v) -> {
            if (v.length > 1)
                throw new IllegalArgumentException("Parameter '" + k + "' is given " + v.length + " times; give it once");
            m.put(k, v[0]);
        });
        return m;
    }
}
