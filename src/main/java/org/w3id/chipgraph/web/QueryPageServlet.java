package org.w3id.chipgraph.web;

import static org.w3id.chipgraph.web.Html.esc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.system.Txn;
import org.w3id.chipgraph.query.CatalogQuery;

/**
 * {@code /queries}: the questions of the catalogue; {@code /queries/NAME}: one question, a form
 * for its parameters and its answer as a table, entities linked to their pages.
 */
final class QueryPageServlet extends HttpServlet {
    static final int MAX_ROWS = 1000;

    private final NamedQueries queries;

    QueryPageServlet(Path project) {
        this.queries = new NamedQueries(project);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getPathInfo() == null || req.getPathInfo().equals("/") ? null : req.getPathInfo().substring(1);
        if (name == null) {
            Templates.send(resp, 200, "queries", Map.of("questions", QuestionLink.of(queries.catalog().queries(), false)));
            return;
        }
        CatalogQuery q;
        try {
            q = queries.byName(name);
        } catch (NamedQueries.UnknownQuery e) {
            Served.html(resp, 404, Html.page("Not found", null, "<h1>Not found</h1><p>" + esc(e.getMessage()) + "</p>"));
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(q.summary())).append("</h1>\n<p class=\"meta\">");
        q.cq().ifPresent(cq -> b.append("<span class=\"badge\">").append(esc(cq)).append("</span> "));
        b.append("<code>queries/").append(esc(q.name())).append(".rq</code>");
        for (String t : q.tags())
            b.append(" <span class=\"tag\">").append(esc(t)).append("</span>");
        b.append(" · <a href=\"").append(esc(editorLink(q))).append("\">open in the query editor</a>")
         .append(" · <a href=\"/api/queries/").append(esc(Html.url(q.name()))).append("\">JSON</a></p>\n");
        if (!q.params().isEmpty())
            form(b, q, req);
        int status = 200;
        try {
            DatasetGraph dsg = Served.dataset(getServletContext());
            RowSetRewindable rows = queries.run(dsg, q, QueryApiServlet.parameters(req));
            Txn.executeRead(dsg, () -> table(b, rows, new Describer(dsg)));
        } catch (IllegalArgumentException e) {
            status = 400;
            b.append("<p class=\"error\" role=\"alert\">").append(esc(e.getMessage())).append("</p>");
        } catch (QueryCancelledException e) {
            status = 503;
            b.append("<p class=\"error\" role=\"alert\">The query timed out.</p>");
        }
        b.append("<details><summary>The query</summary><pre><code>").append(esc(q.text())).append("</code></pre></details>\n");
        Served.html(resp, status, Html.page(q.summary(), null, b.toString()));
    }

    static String editorLink(CatalogQuery q) {
        return "/ui/#/dataset/chipgraph/query?query=" + Html.url(q.text());
    }

    private static void form(StringBuilder b, CatalogQuery q, HttpServletRequest req) {
        b.append("<form class=\"params\" method=\"get\">");
        for (CatalogQuery.Param p : q.params()) {
            String v = req.getParameter(p.var());
            String id = "param-" + p.var();
            b.append("<label for=\"").append(esc(id)).append("\">?").append(esc(p.var())).append(" <span class=\"type\">")
             .append(esc(p.type())).append("</span></label> <input id=\"").append(esc(id)).append("\" name=\"").append(esc(p.var()))
             .append("\" value=\"").append(esc(v == null ? "" : v)).append("\" placeholder=\"").append(esc(p.defaultValue().orElse(""))).append("\"> ");
        }
        b.append("<button type=\"submit\">Run</button></form>\n");
    }

    private static void table(StringBuilder b, RowSetRewindable rows, Describer d) {
        AnswerColumns.Columns columns = AnswerColumns.of(rows);
        List<String> vars = columns.shown();
        if (!columns.empty().isEmpty())
            b.append("<p class=\"empty-columns\">Left out, empty in every row: ").append(esc(String.join(", ", columns.empty()))).append("</p>\n");
        b.append("<div class=\"table-wrap\"><table class=\"results\"><thead><tr>");
        for (String v : vars)
            b.append("<th scope=\"col\">").append(esc(v)).append("</th>");
        b.append("</tr></thead><tbody>\n");
        int n = 0;
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (++n > MAX_ROWS)
                continue;
            b.append("<tr>");
            for (String v : vars)
                b.append("<td>").append(cell(row.get(Var.alloc(v)), d)).append("</td>");
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n<p class=\"count\" data-rows=\"").append(n).append("\">").append(n).append(n == 1 ? " row" : " rows");
        if (n > MAX_ROWS)
            b.append(" (the first ").append(MAX_ROWS).append(" shown)");
        b.append("</p>\n");
    }

    private static String cell(Node n, Describer d) {
        if (n == null)
            return "";
        if (n.isURI()) {
            String href = Html.entityHref(n.getURI());
            return href == null ? "<a rel=\"external\" href=\"" + esc(n.getURI()) + "\">" + esc(n.getURI()) + "</a>"
                    : Html.link(n.getURI(), d.label(n));
        }
        if (n.isLiteral())
            return Html.lang(n.getLiteralLexicalForm(), n.getLiteralLanguage());
        return esc(n.toString());
    }

}
