package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /search?q=TEXT}: the search results as a page (the search box works without JavaScript too). */
record SearchPageRoute() implements Route {
    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        String q = req.getParameter("q") == null ? "" : req.getParameter("q");
        Responses.page(resp, 200, "search", Map.of("q", q, "hits", q.isBlank() ? List.of() : store.labels().search(q, 50)));
    }
}
