package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A route under {@code /api/}: answers from the store version current when the request came
 * (JSON, or CSV by Accept), and expected errors as JSON {@code {"error": ..., "candidates": [...]}}
 * with their status (see {@link Responses}).
 */
abstract class ApiServlet extends HttpServlet {
    private final transient Supplier<StoreContext> store;

    ApiServlet(Supplier<StoreContext> store) {
        this.store = store;
    }

    @Override
    protected final void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        try {
            answer(req, resp, store.get());
        } catch (RuntimeException e) {
            Responses.jsonError(resp, e);
        }
    }

    abstract void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException;
}
