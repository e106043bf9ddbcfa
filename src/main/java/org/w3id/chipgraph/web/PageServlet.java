package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page for people: answers from the store version current when the request came, and
 * expected errors (see {@link Responses}) as the error page with their status.
 */
abstract class PageServlet extends HttpServlet {
    private final transient Supplier<StoreContext> store;

    PageServlet(Supplier<StoreContext> store) {
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            answer(req, resp, store.get());
        } catch (RuntimeException e) {
            Responses.error(resp, e, (status, message, candidates) -> errorPage(req, resp, status, message));
        }
    }

    abstract void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException;

    /** The page an expected error is answered with: the shared error page, unless a route has one of its own. */
    void errorPage(HttpServletRequest req, HttpServletResponse resp, int status, String message) throws IOException {
        errorPage(resp, status, message);
    }

    static void errorPage(HttpServletResponse resp, int status, String message) throws IOException {
        String title = status == 404 ? "Not found" : status == 503 ? "Timed out" : "Bad request";
        Responses.page(resp, status, "error", Map.of("title", title, "message", message));
    }
}
