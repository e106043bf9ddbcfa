package org.w3id.chipgraph.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.chipgraph.search.LabelIndex;

/**
 * The home page at {@code /}: what chipgraph is, the search box, and the example questions
 * (the catalogue queries that answer a competency question). Mapped to the context root only.
 */
final class HomeServlet extends HttpServlet {
    private final NamedQueries queries;

    HomeServlet(Path project) {
        this.queries = new NamedQueries(project);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LabelIndex idx = LabelIndex.of(Served.dataset(getServletContext()));
        Templates.send(resp, 200, "home", Map.of("entityCount", idx.entityCount(),
                "questions", QuestionLink.of(queries.catalog().queries(), true)));
    }
}
