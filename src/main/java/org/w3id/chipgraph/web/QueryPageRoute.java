package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.chipgraph.query.CatalogQuery;

/**
 * {@code /queries}: the questions of the catalogue; {@code /queries/NAME}: one question, a form
 * for its parameters and its answer as a table, entities linked to their pages.
 */
record QueryPageRoute(CatalogQueryRunner queries) implements Route {
    static final int MAX_ROWS = 1000;

    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String name = req.getPathInfo() == null || req.getPathInfo().equals("/") ? null : req.getPathInfo().substring(1);
        if (name == null) {
            Responses.page(resp, 200, "queries", Map.of("questions", QuestionLink.of(queries.catalog().queries(), false)));
            return;
        }
        CatalogQuery q = queries.byName(name);
        List<String> vars = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        long[] count = {0};
        String error = null;
        int status = 200;
        try {
            CatalogQueryRunner.Prepared p = queries.prepare(store, q, Params.single(req));
            Describer d = new Describer(store.dataset());
            CatalogQueryRunner.stream(store.dataset(), p, rs -> {
                rs.getResultVars().forEach(v -> vars.add(v.getVarName()));
                while (rs.hasNext()) {
                    Binding row = rs.next();
                    if (++count[0] <= MAX_ROWS)
                        rows.add(vars.stream().map(v -> Cell.of(row.get(Var.alloc(v)), d)).toList());
                }
            });
        } catch (QueryCancelledException e) {
            status = 503;
            error = "The query timed out.";
        } catch (RuntimeException e) {
            status = Responses.status(e);
            if (status == 0)
                throw e;
            error = Responses.message(e);
        }
        AnswerColumns.Columns columns = AnswerColumns.of(vars, rows);
        Responses.page(resp, status, "query", Map.of("page", new QueryPage(q.name(), q.summary(), q.cq().orElse(null), q.tags(),
                Links.editor(q), "/api/queries/" + Links.url(q.name()), fields(q, req), columns.shown(), columns.rows(),
                columns.empty(), count[0], error, q.text())));
    }

    private static List<QueryPage.Field> fields(CatalogQuery q, HttpServletRequest req) {
        List<QueryPage.Field> out = new ArrayList<>();
        for (CatalogQuery.Param p : q.params()) {
            String v = req.getParameter(p.var());
            out.add(new QueryPage.Field(p.var(), p.type(), v == null ? "" : v, p.defaultValue().orElse("")));
        }
        return out;
    }
}
