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
            int status = Responses.status(e);
            if (status == 0 || resp.isCommitted())
                throw e;
            resp.resetBuffer();
            errorPage(resp, status, Responses.message(e));
        }
    }

    abstract void answer(HttpServletRequest req, HttpServletResponse resp, StoreContext store) throws IOException;

    static void errorPage(HttpServletResponse resp, int status, String message) throws IOException {
        String title = status == 404 ? "Not found" : status == 503 ? "Timed out" : "Bad request";
        Responses.page(resp, status, "error", Map.of("title", title, "message", message));
    }
}
