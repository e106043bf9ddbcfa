package org.w3id.chipgraph.web;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves one {@link Route} from the store version current when the request came, and answers its
 * expected errors with their status (see {@link Responses}): under {@code /api/} as JSON
 * {@code {"error": ..., "candidates": [...]}} (the answer varies by Accept: JSON or CSV), for a
 * page as the route's error page.
 */
final class RouteServlet extends HttpServlet {
    private final transient Supplier<StoreContext> store;
    private final transient Route route;
    private final boolean api;

    private RouteServlet(Supplier<StoreContext> store, Route route, boolean api) {
        this.store = store;
        this.route = route;
        this.api = api;
    }

    static RouteServlet api(Supplier<StoreContext> store, Route route) {
        return new RouteServlet(store, route, true);
    }

    static RouteServlet page(Supplier<StoreContext> store, Route route) {
        return new RouteServlet(store, route, false);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (api)
            resp.setHeader("Vary", "Accept");
        try {
            route.answer(req, resp, store.get());
        } catch (RuntimeException e) {
            Responses.error(resp, e, api ? (status, message, candidates) -> Responses.jsonError(resp, status, message, candidates)
                    : (status, message, candidates) -> route.errorPage(req, resp, status, message));
        }
    }
}
