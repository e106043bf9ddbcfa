package org.w3id.chipgraph.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.w3id.chipgraph.query.CatalogQuery;
import org.w3id.chipgraph.query.QueryRunner;

/**
 * {@code GET /api/queries}: the catalogue (name, summary, tags, cq, params), JSON or CSV.
 * {@code GET /api/queries/NAME?param=value}: runs that query with its parameters bound as
 * terms, answering SPARQL JSON results (or CSV, TSV, XML by Accept), streamed under the same row
 * cap as /chipgraph/sparql (header {@value QueryRunner#ROW_CAP_HEADER} when it applied) and the
 * server's response size cap. Unknown query 404; a bad or unknown parameter 400 with a message.
 */
record QueryApiRoute(CatalogQueryRunner queries) implements Route {
    static final AcceptList RESULT_TYPES = AcceptList.create("application/sparql-results+json", "application/json",
            "text/csv", "text/tab-separated-values", "application/sparql-results+xml");

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String name = req.getPathInfo() == null || req.getPathInfo().equals("/") ? null : req.getPathInfo().substring(1);
        if (name == null)
            list(req, resp);
        else
            run(req, resp, store, name);
    }

    private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<CatalogQuery> all = queries.catalog().queries();
        if (Responses.wantsCsv(req)) {
            Responses.csv(resp, List.of("name", "summary", "tags", "cq", "params"), all.stream().map(q -> List.of(
                    q.name(), q.summary(), String.join("; ", q.tags()), q.cq().orElse(""),
                    String.join("; ", q.params().stream().map(p -> "?" + p.var() + " " + p.type()
                            + p.defaultValue().map(d -> " [" + d + "]").orElse("")).toList()))).toList());
            return;
        }
        JsonArray a = new JsonArray();
        for (CatalogQuery q : all)
            a.add(describe(q));
        Responses.json(resp, a);
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

    private void run(HttpServletRequest req, HttpServletResponse resp, StoreContext store, String name) throws IOException {
        String type = Responses.choose(req, RESULT_TYPES, "application/sparql-results+json");
        Lang lang = switch (type == null ? "" : type) {
            case "text/csv" -> ResultSetLang.RS_CSV;
            case "text/tab-separated-values" -> ResultSetLang.RS_TSV;
            case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
            default -> ResultSetLang.RS_JSON;
        };
        CatalogQueryRunner.Prepared p = queries.prepare(store, queries.byName(name), Params.single(req));
        if (p.capped())
            resp.setHeader(QueryRunner.ROW_CAP_HEADER, Long.toString(queries.maxRows()));
        resp.setContentType((lang == ResultSetLang.RS_JSON ? "application/sparql-results+json" : type) + ";charset=utf-8");
        try (OutputStream out = resp.getOutputStream()) {
            CatalogQueryRunner.stream(store.dataset(), p, rows -> RowSetWriterRegistry.getFactory(lang).create(lang).write(out, rows, null));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
