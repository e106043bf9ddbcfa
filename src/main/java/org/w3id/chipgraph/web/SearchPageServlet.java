package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.chipgraph.search.LabelIndex;

/** {@code /search?q=TEXT}: the search results as a page (the search box works without JavaScript too). */
final class SearchPageServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("q") == null ? "" : req.getParameter("q");
        StringBuilder b = new StringBuilder();
        b.append("<h1>Search</h1>\n");
        if (q.isBlank()) {
            b.append("<p>Type a name in the search box above: in English, Korean or Chinese, whole or its beginning.</p>");
        } else {
            List<LabelIndex.Hit> hits = LabelIndex.of(Served.dataset(getServletContext())).search(q, 50);
            b.append("<p>").append(hits.size()).append(hits.size() == 1 ? " entity" : " entities")
             .append(" named like <q>").append(Html.esc(q)).append("</q>.</p>\n<ol class=\"results\">\n");
            for (LabelIndex.Hit h : hits) {
                b.append("<li>").append(Html.link(h.iri(), h.label()));
                if (!h.typeLabel().isEmpty())
                    b.append(" <span class=\"type\">").append(Html.esc(h.typeLabel())).append("</span>");
                if (!h.matched().equals(h.label()))
                    b.append(" <span class=\"matched\">matched ").append(Html.lang(h.matched(), h.lang())).append("</span>");
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        Served.html(resp, 200, Html.page(q.isBlank() ? "Search" : "Search: " + q, null, b.toString()));
    }
}
