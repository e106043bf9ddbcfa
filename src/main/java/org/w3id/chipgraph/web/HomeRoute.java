package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The home page at {@code /}: what chipgraph is, the search box, and the example questions
 * (the catalogue queries that answer a competency question). Mapped to the context root only.
 */
record HomeRoute(CatalogQueryRunner queries) implements Route {
    @Override
    public void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException {
        Responses.page(resp, 200, "home", Map.of("entityCount", store.labels().entityCount(),
                "questions", QuestionLink.of(queries.catalog().queries(), true)));
    }
}
